using LifelongLearning.Bot.Core.Conversations;

namespace LifelongLearning.Bot.Storage;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Unreachable,

    /// <summary>Not sent because it no longer should be: the resident left (/ngung), the event was cancelled.</summary>
    Cancelled,
}

/// <summary>
/// A message waiting to be sent (collection "outbox"). Every message the bot says goes through here,
/// written in the same transaction as whatever caused it, so a crash loses none; <see cref="DedupKey"/>
/// (unique) makes a scheduled message (a reminder) be queued once however often it is due.
/// </summary>
public sealed class OutboxMessage : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public long Id { get; set; }
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string Text { get; set; } = "";
    public List<Choice> Choices { get; set; } = [];
    public bool NumberedChoices { get; set; }

    /// <summary>A picture kept in the store's file storage (the digest chart, an announcement's photo).</summary>
    public string? PhotoFileId { get; set; }

    /// <summary>
    /// A picture the platform already holds, as "channel:reference" (on Telegram "telegram:" and the photo's
    /// file_id, which the bot may send again without the bytes; on Zalo "zalo:" and its URL). A sender of
    /// another channel cannot use it and sends <see cref="PhotoFileId"/>, the store's copy, when there is one.
    /// </summary>
    public string? PhotoRef { get; set; }

    /// <summary>A document kept in the store's file storage (an export).</summary>
    public string? DocumentFileId { get; set; }

    public string Kind { get; set; } = OutboxKinds.Reply;
    public string? DedupKey { get; set; }
    public string? BroadcastId { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NotBefore { get; set; }
    public DateTime? SentAt { get; set; }
    public string? Error { get; set; }
}

public static class OutboxKinds
{
    public const string Reply = "reply";
    public const string Reminder = "reminder";
    public const string Digest = "digest";
    public const string Alert = "alert";
    public const string Broadcast = "broadcast";
}
