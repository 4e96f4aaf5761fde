namespace LifelongLearning.Bot.Core.Periods;

/// <summary>
/// Which days are working days. Public holidays move every year (Tết, Giỗ Tổ follow the lunar calendar
/// and the government fixes the days off), so they come from the plan file as a list, never a formula.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays)
    {
        _holidays = [.. holidays];
        LastYear = _holidays.Count == 0 ? null : _holidays.Max(d => d.Year);
    }

    /// <summary>The last year the plan lists public holidays for; null when it lists none.</summary>
    public int? LastYear { get; }

    /// <summary>
    /// What the officials read when the plan's holidays end before this year: without them every weekday is
    /// taken for a working day, so a deadline or a reminder can fall on Tết. Null while the year is listed.
    /// </summary>
    public string? MissingYearNotice(int year) => LastYear >= year ? null
        : $"⚠️ Tệp kế hoạch chưa có ngày nghỉ lễ năm {year}{(LastYear is { } last ? $" (mới có đến năm {last})" : "")}: " +
          "bot đang coi mọi ngày từ thứ Hai đến thứ Sáu là ngày làm việc, nên hạn gửi và lời nhắc có thể rơi vào ngày lễ. " +
          $"Cần bổ sung ngày nghỉ lễ năm {year} (mục «holidays») vào tệp kế hoạch rồi khởi động lại bot.";

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
