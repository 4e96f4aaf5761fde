using System.ComponentModel.DataAnnotations;

namespace LifelongLearning.Bot.Configuration;

/// <summary>Section "Events": when residents hear of an event, and how units are asked for its figures.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>Residents are told this many days before an event (0: only on its morning).</summary>
    [Range(0, 30)]
    public int DaysBefore { get; set; } = 3;

    /// <summary>Local time the announcements and the requests for figures go; never inside the plan's quiet hours.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 30);

    /// <summary>The plan's indicator for people taking part in activities: after a day the plan names, the units reporting it are asked.</summary>
    [Required]
    public string ParticipationIndicator { get; set; } = "HD-NGUOI";
}
