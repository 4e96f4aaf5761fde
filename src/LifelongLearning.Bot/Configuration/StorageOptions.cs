using System.ComponentModel.DataAnnotations;

namespace LifelongLearning.Bot.Configuration;

/// <summary>Section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; back it up with the bot stopped, or after a checkpoint.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/lifelonglearning.db";

    /// <summary>How long the key of a received message is kept to recognise a copy delivered again.</summary>
    [Range(2, 3650)]
    public int ReceivedRetentionDays { get; set; } = 30;

    /// <summary>
    /// How long an outbox row that is settled (sent, failed, unreachable, cancelled) is kept. Its dedup key goes
    /// with it, so not below a month: a reminder of a round still open is recognised by the recent rows.
    /// </summary>
    [Range(30, 3650)]
    public int OutboxRetentionDays { get; set; } = 90;

    /// <summary>How long the files of a finished /xuat request (and the request) are kept; they can be built again.</summary>
    [Range(1, 3650)]
    public int ExportRetentionDays { get; set; } = 30;

    /// <summary>
    /// Outbox rows a broadcast writes per transaction: the official's turn writes the first batch, and the rest
    /// are written a batch a transaction in the background, so no announcement holds the store's one writer (every
    /// chat's reply waits on it) for more than a fraction of a second.
    /// </summary>
    [Range(1, 100_000)]
    public int BroadcastBatchSize { get; set; } = 1_000;

    /// <summary>
    /// At start, a store file of at least 4 MB whose pages are this many percent free is rebuilt (LiteDB does not
    /// give freed space back by itself); the file before is kept beside it as "….before-rebuild.db".
    /// </summary>
    [Range(10, 90)]
    public int RebuildFreePercent { get; set; } = 50;
}
