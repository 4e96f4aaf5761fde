using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

public class ReportingCalendarTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static DateTime At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0);
    private static DateOnly Day(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_year_on_the_fake_clock_opens_reminds_escalates_digests_and_closes()
    {
        using var w = new CalendarWorld(At(2026, 6, 1, 0));
        w.Drive(Day(2026, 6, 1), Day(2027, 1, 20), CalendarWorld.DayTimes);

        // Rounds open on the day after the cut-off, at the end of quiet hours; last year's are not opened.
        var rounds = w.Store.Rounds.FindAll().ToDictionary(r => r.Id);
        Assert.Equal(["2026", "2026-H1", "2026-H2"], rounds.Keys.Order());
        Assert.Equal(At(2026, 6, 15, 7), CalendarWorld.ToLocal(rounds["2026-H1"].OpenedAt));
        Assert.Equal(At(2026, 12, 15, 7), CalendarWorld.ToLocal(rounds["2026-H2"].OpenedAt));
        Assert.Equal(At(2026, 12, 15, 7), CalendarWorld.ToLocal(rounds["2026"].OpenedAt));
        Assert.All(rounds.Values, r => Assert.Equal(RoundStatus.Closed, r.Status));
        Assert.Equal(Day(2026, 6, 19), rounds["2026-H1"].Deadline);
        Assert.Equal(Day(2026, 12, 21), rounds["2026"].Deadline); // 19/12 is a Saturday

        // Reminders: 3 days before, the deadline morning at 08:00, then every 2 days; the Sunday slot moves to Monday 07:00.
        DateTime[] h1 =
        [
            At(2026, 6, 16, 8), At(2026, 6, 19, 8), At(2026, 6, 22, 7), At(2026, 6, 23, 8), At(2026, 6, 25, 8),
            At(2026, 6, 27, 8), At(2026, 6, 29, 8), At(2026, 7, 1, 8), At(2026, 7, 3, 8),
        ];
        DateTime[] year =
        [
            At(2026, 12, 18, 8), At(2026, 12, 21, 8), At(2026, 12, 23, 8), At(2026, 12, 25, 8), At(2026, 12, 28, 7),
            At(2026, 12, 29, 8), At(2026, 12, 31, 8), At(2027, 1, 2, 8), At(2027, 1, 4, 8),
        ];
        foreach (var unit in CalendarWorld.ReporterUnits)
        {
            Assert.Equal(h1, w.ReminderTimes("2026-H1", unit));
            Assert.Equal(year, w.ReminderTimes("2026", unit));
            Assert.Equal(year, w.ReminderTimes("2026-H2", unit));
        }

        // Nothing scheduled ever goes in quiet hours, on a Sunday or on a public holiday; no dedup key twice.
        var scheduled = w.Outbox().Where(m => m.Kind is OutboxKinds.Reminder or OutboxKinds.Alert or OutboxKinds.Digest).ToList();
        Assert.All(scheduled, m =>
        {
            var local = CalendarWorld.ToLocal(m.CreatedAt);
            Assert.True(ReportingCalendar.IsAllowed(w.Plan, local), $"{m.DedupKey} at {local}");
        });
        var keys = w.Outbox().Where(m => m.DedupKey != null).Select(m => m.DedupKey).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());

        // Escalation from the first day late, to the official, naming the late units.
        var alerts = w.WithKeyPrefix("escalate:2026-H1:");
        Assert.Equal(At(2026, 6, 20, 8), CalendarWorld.ToLocal(alerts[0].CreatedAt));
        Assert.All(alerts, a => Assert.Equal("lan", a.ChatId));
        Assert.Contains("Thư viện xã Quảng Nghiệp", alerts[0].Text);
        Assert.Contains("Nhà văn hóa Thôn 1", alerts[0].Text);
        Assert.DoesNotContain(alerts, a => CalendarWorld.ToLocal(a.CreatedAt).DayOfWeek == DayOfWeek.Sunday);

        // Morning digests on Mondays and Thursdays at 07:00, not on the opening day.
        var digests = w.WithKeyPrefix("digest:2026-H1:").Select(m => CalendarWorld.ToLocal(m.CreatedAt)).ToList();
        Assert.Equal([At(2026, 6, 18, 7), At(2026, 6, 22, 7), At(2026, 6, 25, 7), At(2026, 6, 29, 7), At(2026, 7, 2, 7)], digests);

        // Closing sends the round digest with the chart, once.
        var close = Assert.Single(w.WithKeyPrefix("close:2026-H1"));
        Assert.Equal(At(2026, 7, 4, 7), CalendarWorld.ToLocal(close.CreatedAt));
        AssertPng(w, close.PhotoFileId);
    }

    [Fact]
    public void After_downtime_one_reminder_goes_not_one_per_missed_slot()
    {
        using var w = new CalendarWorld(At(2026, 6, 15, 6));
        w.RunAt(At(2026, 6, 15, 7));
        Assert.NotNull(w.Rounds.Find("2026-H1"));

        w.RunAt(At(2026, 6, 25, 10)); // down from the 15th to the 25th: slots 16, 19, 21, 23, 25 missed
        foreach (var unit in CalendarWorld.ReporterUnits)
        {
            var reminder = Assert.Single(w.WithKeyPrefix($"remind:2026-H1:{unit}:"));
            Assert.StartsWith($"remind:2026-H1:{unit}:2026-06-25", reminder.DedupKey);
        }
        w.RunAt(At(2026, 6, 25, 11));
        w.RunAt(At(2026, 6, 26, 10));
        Assert.Equal(3, w.WithKeyPrefix("remind:2026-H1:").Count);
        w.RunAt(At(2026, 6, 27, 8));
        Assert.Equal(6, w.WithKeyPrefix("remind:2026-H1:").Count);
    }

    [Fact]
    public void A_restart_on_the_same_database_sends_nothing_again()
    {
        using var w = new CalendarWorld(At(2026, 6, 14, 0));
        w.Drive(Day(2026, 6, 14), Day(2026, 6, 22), CalendarWorld.DayTimes);
        var before = w.Outbox().Count;
        Assert.True(before > 0);

        w.Restart();
        Assert.Equal(0, w.RunAt(At(2026, 6, 22, 21, 45)));
        Assert.Equal(before, w.Outbox().Count);

        w.Drive(Day(2026, 6, 23), Day(2026, 6, 23), CalendarWorld.DayTimes);
        Assert.Equal(
            [At(2026, 6, 16, 8), At(2026, 6, 19, 8), At(2026, 6, 22, 7), At(2026, 6, 23, 8)],
            w.ReminderTimes("2026-H1", "TV-XA"));
        Assert.Single(w.WithKeyPrefix("escalate:2026-H1:2026-06-22"));
    }

    [Fact]
    public void A_reminder_due_on_a_holiday_or_in_quiet_hours_goes_at_the_next_allowed_time()
    {
        // 23/06/2026 made a holiday, and reminders set for 06:00, inside quiet hours (21:00–07:00).
        var plan = CalendarWorld.PlanWith([Day(2026, 6, 23)],
            s => s with { Reminders = s.Reminders with { SendAt = new TimeOnly(6, 0) } });
        using var w = new CalendarWorld(At(2026, 6, 15, 0), plan);
        w.Drive(Day(2026, 6, 15), Day(2026, 6, 25), [new(6, 0), new(6, 30), new(7, 0), new(9, 0)]);

        Assert.Equal(
            [At(2026, 6, 16, 7), At(2026, 6, 19, 7), At(2026, 6, 22, 7), At(2026, 6, 24, 7), At(2026, 6, 25, 7)],
            w.ReminderTimes("2026-H1", "TV-TH"));
        Assert.Contains(w.WithKeyPrefix("remind:2026-H1:TV-TH:"), m => m.DedupKey!.StartsWith("remind:2026-H1:TV-TH:2026-06-23"));
    }

    [Fact]
    public void Next_allowed_time_skips_quiet_hours_sundays_and_holidays()
    {
        using var w = new CalendarWorld(At(2026, 6, 1, 0), CalendarWorld.PlanWith([Day(2026, 6, 22)]));
        var c = w.Calendar;
        Assert.Equal(At(2026, 6, 16, 8), ReportingCalendar.NextAllowed(w.Plan, At(2026, 6, 16, 8)));
        Assert.Equal(At(2026, 6, 16, 7), ReportingCalendar.NextAllowed(w.Plan, At(2026, 6, 16, 3)));
        Assert.Equal(At(2026, 6, 17, 7), ReportingCalendar.NextAllowed(w.Plan, At(2026, 6, 16, 21)));
        // Saturday night → Sunday skipped → Monday 22/6 a holiday → Tuesday 07:00.
        Assert.Equal(At(2026, 6, 23, 7), ReportingCalendar.NextAllowed(w.Plan, At(2026, 6, 20, 22)));
    }

    [Fact]
    public void Rounds_are_not_opened_for_periods_that_ended_long_ago()
    {
        using var w = new CalendarWorld(At(2026, 3, 1, 9));
        w.RunAt(At(2026, 3, 1, 9)); // 2025 ended 14/12/2025, 77 days ago
        Assert.Equal(0, w.Store.Rounds.Count());
        using var w2 = new CalendarWorld(At(2026, 1, 10, 9));
        w2.RunAt(At(2026, 1, 10, 9));
        Assert.Equal(["2025", "2025-H2"], w2.Store.Rounds.FindAll().Select(r => r.Id).Order());
    }

    [Fact]
    public void Escalation_names_only_the_late_units()
    {
        using var w = new CalendarWorld(At(2026, 6, 15, 7));
        w.RunAt(At(2026, 6, 15, 7));
        var round = w.Rounds.Find("2026-H1")!;
        w.SetLocal(At(2026, 6, 17, 9));
        w.Store.Write(() => w.Rounds.Submit(round, "TV-TH", new Member { Id = "0", Name = "x" }, "test",
            new Dictionary<string, AnswerValue> { ["TV-HTSD"] = AnswerValue.Of(true) }));
        w.RunAt(At(2026, 6, 20, 8));
        var alert = Assert.Single(w.WithKeyPrefix("escalate:2026-H1:2026-06-20"));
        Assert.Equal($"escalate:2026-H1:2026-06-20:{w.Official.Id}", alert.DedupKey);
        Assert.Contains("Thư viện xã Quảng Nghiệp", alert.Text);
        Assert.DoesNotContain("Thư viện Trường Tiểu học", alert.Text);
        Assert.Contains("còn 12 đơn vị", alert.Text);
        // TV-TH reported: no more reminders for it.
        Assert.DoesNotContain(w.Outbox(), m => m.DedupKey is { } k && k.StartsWith("remind:2026-H1:TV-TH:2026-06-19"));
    }

    [Fact]
    public void Extending_a_deadline_tells_every_reporter_and_moves_the_reminders()
    {
        using var w = new CalendarWorld(At(2026, 6, 15, 7));
        w.RunAt(At(2026, 6, 15, 7));
        var round = w.Rounds.Find("2026-H1")!;
        var told = w.Store.Write(() => w.Rounds.ExtendDeadline(round, Day(2026, 6, 30)));
        Assert.Equal(3, told);
        var notes = w.WithKeyPrefix("extend:2026-H1:");
        Assert.Equal(3, notes.Count);
        Assert.All(notes, n => Assert.Contains("được gia hạn đến 30/06/2026", n.Text));
        w.Drive(Day(2026, 6, 16), Day(2026, 6, 28), CalendarWorld.DayTimes);
        Assert.Equal([At(2026, 6, 27, 8)], w.ReminderTimes("2026-H1", "TV-XA"));
        Assert.Empty(w.WithKeyPrefix("escalate:"));
    }

    [Fact]
    public void The_round_digest_holds_hand_computed_figures_and_a_png_chart()
    {
        using var w = new CalendarWorld(At(2026, 12, 15, 9));
        var by = new Member { Id = "0", Name = "Dữ liệu thử" };
        w.Store.Write(() =>
        {
            var last = w.Rounds.Open(Communes.Shipped, ReportingPeriod.WholeYear(2025), askReporters: false);
            Submit(w, last, by, "TV-XA", luot: 1000);
            Submit(w, last, by, "TV-MN", luot: 300);
            Submit(w, last, by, "TV-TH", luot: 400);
        });
        w.RunAt(At(2026, 12, 15, 9));
        var round = w.Rounds.Find("2026")!;
        w.Store.Write(() =>
        {
            Submit(w, round, by, "TV-XA", htsd: true, cds: true, luot: 1200);
            Submit(w, round, by, "TV-MN", htsd: false, cds: true, luot: 300);
            Submit(w, round, by, "TV-TH", htsd: true, cds: false, luot: 500);
            Submit(w, round, by, "TV-THCS", htsd: true, luot: 700);
            Submit(w, round, by, "TT-VHTT", clb: true);
            Submit(w, round, by, "NVH-1", clb: true);
            Submit(w, round, by, "NVH-2", clb: false);
            Submit(w, round, by, "NVH-4", clb: true);
        });
        w.Drive(Day(2026, 12, 16), Day(2027, 1, 5), [new(8, 0)]);

        var close = Assert.Single(w.WithKeyPrefix("close:2026:"));
        var text = close.Text;
        Assert.Contains("Đã báo cáo: 8/14 đơn vị (8 đúng hạn, 0 muộn).", text);
        Assert.Contains("Nhà văn hóa Thôn 3", text);
        Assert.Contains("Chưa báo cáo (6):", text);
        // TV-HTSD: the share is of the school libraries (the commune library must simply say "có", and does): 2 of 3.
        // TV-CDS, as TV-HTSD: the school libraries, 1 "có" (MN) of the 2 that answered (TV-THCS gave no answer), of 3;
        // VH-CLB: 3 of the 4 that answered, of 5.
        Assert.Contains("(TV-HTSD): 66,7% (2/3 thư viện có; 3/3 đã báo cáo)", text);
        Assert.DoesNotContain("chưa đạt yêu cầu bắt buộc", text);
        Assert.Contains("(TV-CDS): 50% (1/2 thư viện có; 2/3 đã báo cáo)", text);
        Assert.Contains("(VH-CLB): 75% (3/4 đơn vị có; 4/5 đã báo cáo)", text);
        // Visits: 1.200 + 300 + 500 + 700 = 2.700; growth over the three libraries in both years 1.700 → 2.000 = +17,6%.
        Assert.Contains("(TV-LUOT): 2.700 lượt (dựa trên 4/4 đơn vị); tăng 17,6% so với năm 2025 (tính trên 3 đơn vị có số liệu cả hai năm: 1.700 → 2.000 lượt)", text);
        AssertPng(w, close.PhotoFileId);

        var input = ChartInputBuilder.Build(w.Plan, "Năm 2026", w.Reports.FiguresOf(round),
            w.Reports.YearlyFiguresByIndicator(Communes.Shipped).ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal(["TV-HTSD", "TV-CDS", "VH-CLB"], input.Targets.Select(t => t.Code));
        Assert.Equal(66.7m, input.Targets[0].Current);
        Assert.Equal(50m, input.Targets[1].Current);
        Assert.Equal(75m, input.Targets[2].Current);
        Assert.Equal(90m, input.Targets[0].Target2030);
        Assert.Equal([(2025, (decimal?)1700m), (2026, 2700m)], input.Visits.Select(v => (v.Year, v.Value)));
        // Under 2026 the chart writes the text's growth, over the three libraries in both years (total to total was +58,8%).
        Assert.Equal("2026\ntăng 17,6%", DigestChart.YearLabel(input.Visits[1]));
        Assert.Contains("tăng 17,6%", text);
    }

    private static void Submit(CalendarWorld w, Round round, Member by, string unit,
        bool? htsd = null, bool? cds = null, decimal? luot = null, bool? clb = null)
    {
        var values = new Dictionary<string, AnswerValue>();
        if (htsd is { } a) values["TV-HTSD"] = AnswerValue.Of(a);
        if (cds is { } b) values["TV-CDS"] = AnswerValue.Of(b);
        if (luot is { } l) values["TV-LUOT"] = AnswerValue.Of(l);
        if (clb is { } c) values["VH-CLB"] = AnswerValue.Of(c);
        w.Rounds.Submit(round, unit, by, "test", values);
    }

    [Fact]
    public void Asking_for_the_digest_again_replaces_the_round_chart_instead_of_piling_up_files()
    {
        using var w = new CalendarWorld(At(2026, 6, 15, 9));
        w.RunAt(At(2026, 6, 15, 9));
        var round = w.Rounds.Find("2026-H1")!;

        var first = w.Store.Write(() => w.Digests.RoundDigest(round).PhotoFileId);
        var second = w.Store.Write(() => w.Digests.RoundDigest(round).PhotoFileId);

        Assert.Equal(first, second);
        Assert.Single(w.Store.Files.FindAll(), f => f.Id.StartsWith("$/charts/2026-H1"));
        AssertPng(w, second);
    }

    private static void AssertPng(CalendarWorld w, string? fileId)
    {
        Assert.NotNull(fileId);
        var file = w.Store.Files.FindById(fileId);
        Assert.NotNull(file);
        using var stream = new MemoryStream();
        w.Store.Files.Download(fileId, stream);
        Assert.True(stream.Length > 1000);
        Assert.Equal(PngSignature, stream.ToArray().Take(8).ToArray());
    }
}
