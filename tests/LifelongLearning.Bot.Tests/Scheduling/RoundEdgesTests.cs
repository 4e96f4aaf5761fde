using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

/// <summary>Rounds at the edges of the calendar: a nine-month plan, and a round that falls due while the bot is down past its deadline.</summary>
public sealed class RoundEdgesTests
{
    /// <summary>The shipped plan with nine-month rounds only, every indicator asked in them.</summary>
    private static Plan NineMonthPlan()
    {
        var p = CalendarWorld.LoadPlan();
        return p with
        {
            Indicators = [.. p.Indicators.Select(i => i with { Periods = [.. i.Periods, PeriodKind.NineMonths] })],
            Schedule = p.Schedule with { Rounds = [PeriodKind.NineMonths] },
        };
    }

    [Fact]
    public void A_nine_month_plan_opens_the_nine_months_that_just_ended()
    {
        using var w = new CalendarWorld(new DateTime(2026, 9, 14, 12, 0, 0), NineMonthPlan());
        w.RunAt(new DateTime(2026, 9, 15, 7, 0, 0));
        var round = Assert.Single(w.Store.Rounds.FindAll());
        Assert.Equal("2026-9M", round.Id);
        // 14/09 + 5 days is Saturday 19/09: the deadline is Monday 21/09.
        Assert.Contains(w.Outbox(), m => m.ChatId == "r-TV-TH" && m.Text.StartsWith(
            "Kỳ báo cáo 9 tháng năm 2026 đã mở; hạn gửi 21/09/2026. Số liệu tính từ ngày 15/12/2025 đến ngày 14/09/2026.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_round_that_falls_due_after_its_deadline_gets_the_plans_days_from_its_opening()
    {
        // Down from 10/06 to Monday 22/06/2026, 08:00: the first half's deadline (19/06) has passed.
        using var w = new CalendarWorld(new DateTime(2026, 6, 10, 12, 0, 0));
        w.RunAt(new DateTime(2026, 6, 22, 8, 0, 0));
        var round = w.Store.Rounds.FindById("2026-H1");
        // 22/06 + 5 days (the plan's deadlineDaysAfterCutOff) is Saturday 27/06: Monday 29/06.
        Assert.Equal(new DateOnly(2026, 6, 29), round.Deadline);
        Assert.Equal(new DateOnly(2026, 7, 14), round.ClosesOn);
        Assert.Contains(w.Outbox(), m => m.ChatId == "r-TV-TH" && m.Text.StartsWith("Kỳ báo cáo 6 tháng đầu năm 2026 đã mở; hạn gửi 29/06/2026.", StringComparison.Ordinal));
        // Nobody is late, reminded or reported late in the minute the round opens.
        Assert.DoesNotContain(w.Outbox(), m => m.Kind is OutboxKinds.Alert || m.Text.Contains("quá hạn"));
        Assert.Empty(w.WithKeyPrefix("remind:2026-H1:"));
    }
}
