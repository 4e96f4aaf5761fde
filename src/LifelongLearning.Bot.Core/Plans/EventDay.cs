namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// A day the plan names every year (Ngày Sách và Văn hóa đọc Việt Nam 21/4), or days, as the Tuần lễ hưởng ứng
/// học tập suốt đời (1–7/10): a yearly rule, so every year has it without a dated entry per year.
/// </summary>
/// <param name="Key">Its name in the events calendar ("plan:2027:{Key}"), the same every year and every start,
/// whatever the title or dates become in a later plan file: the plan's "key", else the folded title.</param>
public sealed record EventDay(string Key, string Title, int Month, int Day, string? Description)
{
    /// <summary>The last day of a span ("until": "7/10"), null for a single day. A span may not cross the new year.</summary>
    public (int Month, int Day)? Until { get; init; }

    /// <summary>Its first and last day in that year; null when it has none (29/2 in a common year).</summary>
    public (DateOnly First, DateOnly Last)? In(int year)
    {
        if (!Exists(year, Month, Day)) return null;
        var first = new DateOnly(year, Month, Day);
        if (Until is not { } u) return (first, first);
        var last = Exists(year, u.Month, u.Day) ? new DateOnly(year, u.Month, u.Day) : new DateOnly(year, u.Month, DateTime.DaysInMonth(year, u.Month));
        return (first, last);
    }

    /// <summary>The event's key in the calendar of one year.</summary>
    public string KeyIn(int year) => $"plan:{year}:{Key}";

    private static bool Exists(int year, int month, int day) => day <= DateTime.DaysInMonth(year, month);
}
