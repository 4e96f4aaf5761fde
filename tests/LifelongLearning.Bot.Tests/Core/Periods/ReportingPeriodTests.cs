using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Periods;

public class ReportingPeriodTests
{
    private static DateOnly D(string ddMMyyyy) => DateOnly.ParseExact(ddMMyyyy, "dd/MM/yyyy");

    [Theory]
    [InlineData(1, "15/12/2024", "14/01/2025")] // January starts in December of the year before
    [InlineData(2, "15/01/2025", "14/02/2025")]
    [InlineData(3, "15/02/2025", "14/03/2025")]
    [InlineData(6, "15/05/2025", "14/06/2025")]
    [InlineData(12, "15/11/2025", "14/12/2025")] // December ends on the 14th, the year's cut-off
    public void A_month_runs_from_the_15th_of_the_month_before_to_the_14th(int month, string from, string to)
    {
        var p = ReportingPeriod.Month(2025, month);
        Assert.Equal(D(from), p.From);
        Assert.Equal(D(to), p.To);
    }

    [Theory]
    [InlineData(1, "15/12/2024", "14/03/2025")]
    [InlineData(2, "15/03/2025", "14/06/2025")]
    [InlineData(3, "15/06/2025", "14/09/2025")]
    [InlineData(4, "15/09/2025", "14/12/2025")]
    public void A_quarter_follows_the_decree_cut_offs(int quarter, string from, string to)
    {
        var p = ReportingPeriod.Quarter(2025, quarter);
        Assert.Equal(D(from), p.From);
        Assert.Equal(D(to), p.To);
    }

    [Fact]
    public void Halves_nine_months_and_year_follow_the_decree_cut_offs()
    {
        Assert.Equal((D("15/12/2024"), D("14/06/2025")), (ReportingPeriod.FirstHalf(2025).From, ReportingPeriod.FirstHalf(2025).To));
        Assert.Equal((D("15/06/2025"), D("14/12/2025")), (ReportingPeriod.SecondHalf(2025).From, ReportingPeriod.SecondHalf(2025).To));
        Assert.Equal((D("15/12/2024"), D("14/09/2025")), (ReportingPeriod.NineMonths(2025).From, ReportingPeriod.NineMonths(2025).To));
        Assert.Equal((D("15/12/2024"), D("14/12/2025")), (ReportingPeriod.WholeYear(2025).From, ReportingPeriod.WholeYear(2025).To));
    }

    [Theory]
    [InlineData("NineMonths", "15/09/2026", "2026-9M")]   // the day after the nine months' cut-off
    [InlineData("NineMonths", "10/11/2026", "2026-9M")]   // 15/9–14/12 is in no nine-month period
    [InlineData("NineMonths", "15/12/2026", "2026-9M")]   // the next nine months have begun, not ended
    [InlineData("NineMonths", "10/06/2026", "2025-9M")]
    [InlineData("HalfYear", "15/06/2026", "2026-H1")]
    [InlineData("HalfYear", "14/06/2026", "2025-H2")]     // the cut-off day is still inside the half
    [InlineData("Year", "15/12/2026", "2026")]
    [InlineData("Quarter", "15/01/2026", "2025-Q4")]
    public void The_period_that_ended_last_is_the_one_a_round_opens_for(string kind, string day, string code)
    {
        Assert.Equal(code, ReportingPeriod.LastEndedBefore(Enum.Parse<PeriodKind>(kind), D(day)).Code);
    }

    [Theory]
    [InlineData("14/12/2025", 2025)] // the cut-off day still belongs to 2025
    [InlineData("15/12/2025", 2026)] // the day after starts the 2026 report
    [InlineData("31/12/2025", 2026)]
    [InlineData("01/01/2026", 2026)]
    [InlineData("14/12/2026", 2026)]
    public void A_day_at_the_year_boundary_falls_in_the_right_report_year(string day, int year)
    {
        Assert.Equal(ReportingPeriod.WholeYear(year), ReportingPeriod.Containing(PeriodKind.Year, D(day)));
    }

    [Theory]
    [InlineData("14/12/2025", "2025-M12", "2025-Q4", "2025-H2")]
    [InlineData("15/12/2025", "2026-M01", "2026-Q1", "2026-H1")]
    [InlineData("14/06/2025", "2025-M06", "2025-Q2", "2025-H1")]
    [InlineData("15/06/2025", "2025-M07", "2025-Q3", "2025-H2")]
    [InlineData("15/03/2025", "2025-M04", "2025-Q2", "2025-H1")]
    public void Containing_picks_month_quarter_and_half_around_the_cut_off(string day, string month, string quarter, string half)
    {
        Assert.Equal(month, ReportingPeriod.Containing(PeriodKind.Month, D(day)).Code);
        Assert.Equal(quarter, ReportingPeriod.Containing(PeriodKind.Quarter, D(day)).Code);
        Assert.Equal(half, ReportingPeriod.Containing(PeriodKind.HalfYear, D(day)).Code);
        Assert.True(ReportingPeriod.Containing(PeriodKind.Month, D(day)).Contains(D(day)));
    }

    [Fact]
    public void The_year_contains_both_of_its_ends_and_nothing_outside()
    {
        var year = ReportingPeriod.WholeYear(2025);
        Assert.True(year.Contains(D("15/12/2024")));
        Assert.True(year.Contains(D("14/12/2025")));
        Assert.False(year.Contains(D("14/12/2024")));
        Assert.False(year.Contains(D("15/12/2025")));
    }

    [Theory]
    [InlineData("2025-H1", "6 tháng đầu năm 2025")]
    [InlineData("2025-H2", "6 tháng cuối năm 2025")]
    [InlineData("2025", "Năm 2025")]
    [InlineData("2025-Q1", "Quý I năm 2025")]
    [InlineData("2025-Q4", "Quý IV năm 2025")]
    [InlineData("2025-M04", "Tháng 4 năm 2025")]
    [InlineData("2025-9M", "9 tháng năm 2025")]
    public void A_period_reads_in_Vietnamese(string code, string label)
    {
        Assert.True(ReportingPeriod.TryParse(code, out var p));
        Assert.Equal(label, p!.Label);
        Assert.Equal(code, p.Code);
    }

    [Theory]
    [InlineData("2026-h1", "2026-H1")] // lower case typed by an official
    [InlineData(" 2026-q3 ", "2026-Q3")]
    [InlineData("2026-m3", "2026-M03")]
    public void Period_codes_are_read_loosely(string typed, string code)
    {
        Assert.True(ReportingPeriod.TryParse(typed, out var p));
        Assert.Equal(code, p!.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("2026-H3")] // there are only two halves
    [InlineData("2026-Q5")]
    [InlineData("2026-M13")]
    [InlineData("1999")]   // out of range
    [InlineData("26-H1")]
    public void Nonsense_period_codes_are_refused(string typed)
    {
        Assert.False(ReportingPeriod.TryParse(typed, out var p));
        Assert.Null(p);
    }

    [Fact]
    public void The_year_before_is_the_same_period_one_year_earlier()
    {
        Assert.Equal(ReportingPeriod.FirstHalf(2024), ReportingPeriod.FirstHalf(2025).YearBefore());
    }

    [Theory]
    [InlineData("2025-H1", "19/06/2025")] // cut-off Sat 14/6 + 5 = Thu 19/6
    [InlineData("2026", "21/12/2026")]    // cut-off Mon 14/12 + 5 = Sat 19/12, moved to Monday 21/12
    [InlineData("2026-H1", "19/06/2026")]
    public void The_deadline_is_days_after_the_cut_off_moved_past_the_weekend(string code, string deadline)
    {
        ReportingPeriod.TryParse(code, out var p);
        Assert.Equal(D(deadline), DefaultPlan.Value.DeadlineFor(p!));
    }

    [Fact]
    public void A_deadline_on_public_holidays_moves_to_the_next_working_day()
    {
        var p = DefaultPlan.Value;
        // 14/4/2025 + 16 days = Wed 30/4; 30/4, 1/5, 2/5 are days off, then a weekend: Monday 5/5.
        var plan = new Plan(p.Commune, p.TimeZone, p.UnitKinds, p.Units, p.Indicators,
            p.Schedule with { DeadlineDaysAfterCutOff = 16 },
            [D("30/04/2025"), D("01/05/2025"), D("02/05/2025")], p.EventDays);
        Assert.Equal(D("05/05/2025"), plan.DeadlineFor(ReportingPeriod.Month(2025, 4)));
    }

    [Fact]
    public void The_working_calendar_skips_weekends_and_holidays()
    {
        var calendar = new WorkingCalendar([D("01/01/2026")]);
        Assert.False(calendar.IsWorkingDay(D("01/01/2026")));
        Assert.Equal(D("02/01/2026"), calendar.NextWorkingDayOnOrAfter(D("01/01/2026")));
        Assert.Equal(D("05/01/2026"), calendar.NextWorkingDayOnOrAfter(D("03/01/2026"))); // Saturday → Monday
        Assert.True(calendar.IsMessagingDay(D("03/01/2026")));  // Saturday: messages may go
        Assert.False(calendar.IsMessagingDay(D("04/01/2026"))); // Sunday: no
    }
}
