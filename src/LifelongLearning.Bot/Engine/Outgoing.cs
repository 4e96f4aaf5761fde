using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// What a channel's sender may read for a message it sends: an attachment's bytes and file name, and the name the
/// addressee goes by. The senders' one door to the store, so no channel depends on it (arrows one way).
/// </summary>
public sealed class Outgoing(BotStore store)
{
    /// <summary>The stored file (a chart, an export, a photo copy), to stream to the platform.</summary>
    public Stream OpenFile(string fileId) => store.Files.OpenRead(fileId);

    /// <summary>The file's own name («bao-cao-2025.docx»), or null when it has none.</summary>
    public string? FileNameOf(string fileId) => store.Files.FindById(fileId)?.Filename;

    /// <summary>The name the chat's person goes by on the channel, or null for a chat the bot does not know.</summary>
    public string? DisplayNameOf(string channel, string chatId) => store.Accounts.FindById(ChatAccount.AddressOf(channel, chatId))?.DisplayName;
}
