namespace LifelongLearning.Bot.Core.Digests;

/// <summary>
/// The one rule of lateness, for the digest, /trangthai, the web page and the report: a unit is on time when it
/// first confirmed a figure on or before its round's deadline day, read as a day of the commune's calendar.
/// </summary>
public static class Lateness
{
    /// <param name="firstConfirmedLocal">When the unit first confirmed a figure, in the commune's local time.</param>
    public static bool IsLate(DateTimeOffset firstConfirmedLocal, DateOnly deadline) =>
        DateOnly.FromDateTime(firstConfirmedLocal.DateTime) > deadline;
}
