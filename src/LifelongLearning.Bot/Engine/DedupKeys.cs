namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Every dedup key of the outbox, built here and read back here. A scheduled message (a reminder, an alert,
/// a digest) is offered again every minute; the key says "queued already", so the formats must never change
/// under a store that holds them: a changed format would send everything a second time.
/// </summary>
public static class DedupKeys
{
    private const string Day = "yyyy-MM-dd";
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>A unit's reminder for one slot; each reporter's copy is <see cref="ForMember"/> of it.</summary>
    public static string Reminder(string roundId, string unitId, DateOnly slot) => $"{ReminderPrefix(roundId, unitId)}{slot.ToString(Day, Invariant)}";

    /// <summary>The start of every reminder key of a round, or of one unit in it.</summary>
    public static string ReminderPrefix(string roundId, string? unitId = null) =>
        unitId is null ? $"remind:{roundId}:" : $"remind:{roundId}:{unitId}:";

    /// <summary>The unit a reminder key (from <see cref="ReminderPrefix"/> of its round) is for.</summary>
    public static string ReminderUnit(string key) => key.Split(':')[2];

    /// <summary>The slot a reminder key is for, read as its key was written (by <see cref="Reminder"/>).</summary>
    public static DateOnly ReminderSlot(string key) =>
        DateOnly.ParseExact(key.Split(':')[3], Day, Invariant);

    public static string Escalation(string roundId, DateOnly day) => $"escalate:{roundId}:{day.ToString(Day, Invariant)}";

    public static string Digest(string roundId, DateOnly day) => $"digest:{roundId}:{day.ToString(Day, Invariant)}";

    public static string Close(string roundId) => $"close:{roundId}";

    public static string Opening(string roundId, string memberId) => $"open:{roundId}:{memberId}";

    public static string Extension(string roundId, DateOnly deadline, string memberId) => $"extend:{roundId}:{deadline.ToString(Day, Invariant)}:{memberId}";

    public static string Participation(int eventId, string unitId, string memberId) => $"participation:{eventId}:{unitId}:{memberId}";

    /// <summary>The officials' alert that a calendar step failed (the step named as the calendar names it).</summary>
    public static string CalendarFailed(string step) => $"calendar-failed:{step}";

    public static string BroadcastRow(string broadcastId, string accountId) => $"{broadcastId}:{accountId}";

    public static string ExportFile(long requestId, string fileName) => $"export:{requestId}:{fileName}";

    /// <summary>One person's copy of a message sent to several (officials, a unit's reporters).</summary>
    public static string ForMember(string key, string memberId) => $"{key}:{memberId}";

    /// <summary>The copy on a second account of a person who asked for both channels.</summary>
    public static string OnAccount(string key, string accountId) => $"{key}@{accountId}";

    /// <summary>The key of a long text's part after the first (numbered from 2); the first keeps the message's key.</summary>
    public static string Part(string key, int number) => $"{key}#{number}";
}
