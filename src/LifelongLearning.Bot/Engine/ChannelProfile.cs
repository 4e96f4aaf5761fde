namespace LifelongLearning.Bot.Engine;

/// <summary>
/// What the engine and the outbox need to know of a channel, registered by the channel itself
/// (<c>services.AddSingleton(profile)</c>), so that nothing outside a channel reads its constants.
/// </summary>
/// <param name="Channel">The channel's id, as in <see cref="IncomingMessage.Channel"/> ("telegram").</param>
/// <param name="TextLimit">The most characters one message may hold; a longer text is split into parts.</param>
/// <param name="NumbersChoices">Choices are shown as typed numbers (no buttons), so they take room in the text.</param>
/// <param name="UploadsFiles">Charts and documents are uploaded to the chat (not sent as links).</param>
public sealed record ChannelProfile(string Channel, int TextLimit, bool NumbersChoices, bool UploadsFiles);
