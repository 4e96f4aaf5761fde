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
/// before the member confirms.
/// </summary>
public sealed class Conversation
{
    public string Id { get; set; } = "";
    public ConversationMode Mode { get; set; }
    public string? RoundId { get; set; }
    public string? UnitId { get; set; }

    /// <summary>True when the draft corrects a report already sent (/sua).</summary>
    public bool IsCorrection { get; set; }

    public List<string> Questions { get; set; } = [];
    public int Index { get; set; }
    public bool AtSummary { get; set; }

    /// <summary>Editing one item picked from the summary (a report's, an event's preview): return to it after.</summary>
    public bool ReturnToSummary { get; set; }

    public Dictionary<string, AnswerValue> Draft { get; set; } = [];

    /// <summary>A value waiting for "có" (an approximate figure or an outlier).</summary>
    public AnswerValue? Pending { get; set; }

    /// <summary>Warnings carried to the summary from the one-message form, by indicator code.</summary>
    public Dictionary<string, string> Warnings { get; set; } = [];

    /// <summary>The choices last offered with numbers, so that a typed "2" means the second of them.</summary>
    public List<Choice> NumberedChoices { get; set; } = [];

    /// <summary>The announcement being composed, and the area it goes to (null: everyone).</summary>
    public string? AnnouncementText { get; set; }
    public string? AnnouncementArea { get; set; }

    /// <summary>The announcement's photo, as a reference the channel can send again ("telegram:file-id").</summary>
    public string? AnnouncementPhoto { get; set; }

    /// <summary>The event being added: the step reached (past the last one: the preview) and the answers so far.</summary>
    public int EventStep { get; set; }
    public EventDraft EventDraft { get; set; } = new();

    public DateTime UpdatedAt { get; set; }

    public string? CurrentQuestion => Mode == ConversationMode.Reporting && !AtSummary && Index < Questions.Count ? Questions[Index] : null;

    public void Reset()
    {
        Mode = ConversationMode.Idle;
        RoundId = null;
        UnitId = null;
        IsCorrection = false;
        Questions = [];
        Index = 0;
        AtSummary = false;
        ReturnToSummary = false;
        Draft = [];
        Pending = null;
        Warnings = [];
        NumberedChoices = [];
        AnnouncementText = null;
        AnnouncementArea = null;
        AnnouncementPhoto = null;
        EventStep = 0;
        EventDraft = new();
    }
}
