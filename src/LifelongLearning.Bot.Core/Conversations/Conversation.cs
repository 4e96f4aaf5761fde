using LifelongLearning.Bot.Core.Answers;

namespace LifelongLearning.Bot.Core.Conversations;

public enum ConversationMode
{
    Idle,
    Reporting,

    /// <summary>An official composing an announcement: text, then audience, then confirmation.</summary>
    Announcing,

    /// <summary>An official adding an event (/sukien): title, time, place, description, photo, area, organiser.</summary>
    AddingEvent,
}

/// <summary>
/// Where one member stands in a chat, saved after every message so that a restart (or a switch from
/// Telegram to Zalo) resumes at the same question. It holds the draft too: nothing typed is lost
/// before the member confirms. What every flow shares is here; what one flow writes is its own typed draft.
/// </summary>
public sealed class Conversation
{
    public string Id { get; set; } = "";
    public ConversationMode Mode { get; set; }

    /// <summary>The step reached in a flow of steps (an announcement, an event); past the last one: the preview.</summary>
    public int Step { get; set; }

    /// <summary>Editing one item picked from the summary (a report's, an event's preview): return to it after.</summary>
    public bool ReturnToSummary { get; set; }

    /// <summary>The choices last offered with numbers, so that a typed "2" means the second of them.</summary>
    public List<Choice> NumberedChoices { get; set; } = [];

    /// <summary>
    /// The photo the flow in progress holds, as a reference the channel can send again ("telegram:file-id"):
    /// housekeeping keeps its copy while it is here, whichever flow it belongs to.
    /// </summary>
    public string? Photo { get; set; }

    // The report's draft (ReportSession). Kept at the top level: a report is the conversation most stored
    // conversations are in, and every release since the first reads it here.
    public string? RoundId { get; set; }
    public string? UnitId { get; set; }

    /// <summary>True when the draft corrects a report already sent (/sua).</summary>
    public bool IsCorrection { get; set; }

    public List<string> Questions { get; set; } = [];
    public int Index { get; set; }
    public bool AtSummary { get; set; }

    public Dictionary<string, AnswerValue> Draft { get; set; } = [];

    /// <summary>A value waiting for "có" (an approximate figure or an outlier).</summary>
    public AnswerValue? Pending { get; set; }

    /// <summary>Warnings carried to the summary from the one-message form, by indicator code.</summary>
    public Dictionary<string, string> Warnings { get; set; } = [];

    /// <summary>The announcement being composed (/thongbao).</summary>
    public AnnouncementDraft Announcement { get; set; } = new();

    /// <summary>The event being added (/sukien).</summary>
    public EventDraft Event { get; set; } = new();

    public DateTime UpdatedAt { get; set; }

    public string? CurrentQuestion => Mode == ConversationMode.Reporting && !AtSummary && Index < Questions.Count ? Questions[Index] : null;

    public void Reset()
    {
        Mode = ConversationMode.Idle;
        Step = 0;
        ReturnToSummary = false;
        NumberedChoices = [];
        Photo = null;
        RoundId = null;
        UnitId = null;
        IsCorrection = false;
        Questions = [];
        Index = 0;
        AtSummary = false;
        Draft = [];
        Pending = null;
        Warnings = [];
        Announcement = new();
        Event = new();
    }
}
