namespace LifelongLearning.Bot.Core.Periods;

/// <summary>
/// Which days are working days. Public holidays move every year (Tết, Giỗ Tổ follow the lunar calendar
/// and the government fixes the days off), so they come from the plan file as a list, never a formula.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    public bool IsHoliday(DateOnly day) => _holidays.Contains(day);

    /// <summary>Monday to Friday and not a public holiday: the civil servants' week.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    /// <summary>Messages to people may go out on Saturdays, but not on Sundays or public holidays.</summary>
    public bool IsMessagingDay(DateOnly day) => day.DayOfWeek != DayOfWeek.Sunday && !IsHoliday(day);

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }
}
