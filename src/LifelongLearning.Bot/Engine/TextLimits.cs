using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// How much text one message may hold on each channel, known when a message is queued so that a long text
/// becomes one outbox row per part, each sent and retried on its own. Read from the profile each channel
/// registers; a channel without one (tests' "test") has no limit and shows buttons.
/// </summary>
public sealed class TextLimits(IEnumerable<ChannelProfile> profiles)
{
    private readonly Dictionary<string, ChannelProfile> _profiles = profiles.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    /// <summary>Room a channel without uploads keeps for the sentence that says where a chart or file is.</summary>
    public const int FileNoteRoom = 400;

    public int For(string channel) => _profiles.TryGetValue(channel, out var p) ? p.TextLimit : int.MaxValue;

    /// <summary>Whether the channel shows choices as typed numbers (no buttons): they then take room in the text.</summary>
    public bool NumbersChoices(string channel) => _profiles.TryGetValue(channel, out var p) && p.NumbersChoices;

    /// <summary>The room left for the message's own text once what the sender adds to it is counted.</summary>
    public int RoomFor(OutboxMessage message)
    {
        var limit = For(message.Channel);
        if (limit == int.MaxValue) return limit;
        if (NumbersChoices(message.Channel))
        {
            if (message.NumberedChoices && message.Choices.Count > 0) limit -= ChoiceText.Numbered(message.Choices).Length + 1;
            if (message.PhotoFileId is not null || message.DocumentFileId is not null) limit -= FileNoteRoom;
        }
        return limit;
    }
}
