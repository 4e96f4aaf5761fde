namespace LifelongLearning.Bot.Engine;

/// <summary>
/// A message from a person, as every channel hands it to the engine.
/// <see cref="Key"/> identifies the platform's message ("telegram:update:123", "zalo:msg:chat:abc"), so a copy
/// delivered again changes nothing. <see cref="PhotoRef"/> is a photo that came with the message, as a
/// reference its channel can send again ("telegram:" + file_id, "zalo:" + URL); the text is then the photo's
/// caption. The engine alone decides whether a photo is welcome; other channels get the store's copy
/// (<see cref="PhotoCopies"/>), which the receiving channel made before handing the message over.
/// </summary>
public sealed record IncomingMessage(
    string Channel,
    string ChatId,
    string SenderName,
    string Text,
    string Key,
    bool IsGroup = false,
    bool AddressedToBot = true,
    string? PhotoRef = null)
{
    public string Address => $"{Channel}:{ChatId}";
}
