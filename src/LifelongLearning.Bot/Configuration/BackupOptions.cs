using System.ComponentModel.DataAnnotations;

namespace LifelongLearning.Bot.Configuration;

/// <summary>Section "Backup": the nightly copy of the store.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Local time of the nightly copy; outside the plan's quiet hours, so a failure is logged and said while someone reads it.</summary>
    public TimeOnly At { get; set; } = new(20, 30);

    /// <summary>Where the copies go; put it on another disk, or copy it off the server.</summary>
    [Required]
    public string Folder { get; set; } = "data/backups";

    /// <summary>The latest copy of each of this many days is kept.</summary>
    [Range(1, 366)]
    public int KeepDaily { get; set; } = 7;

    /// <summary>The latest copy of each of this many months is kept on top of the daily ones.</summary>
    [Range(0, 120)]
    public int KeepMonthly { get; set; } = 12;
}
