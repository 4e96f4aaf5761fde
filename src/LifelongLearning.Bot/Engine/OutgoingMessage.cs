using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// One message as a channel's sender sees it: what to say, its choices and its attachment, without the outbox's
/// bookkeeping (status, attempts, dedupe key), so no channel depends on the stored row (arrows one way).
/// </summary>
public sealed record OutgoingMessage(
    long Id, string ChatId, string Text, IReadOnlyList<Choice> Choices, bool NumberedChoices,
    string? PhotoFileId = null, string? PhotoRef = null, string? DocumentFileId = null)
{
    public static OutgoingMessage Of(OutboxMessage row) =>
        new(row.Id, row.ChatId, row.Text, row.Choices, row.NumberedChoices, row.PhotoFileId, row.PhotoRef, row.DocumentFileId);
}
