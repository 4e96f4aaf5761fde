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
}
