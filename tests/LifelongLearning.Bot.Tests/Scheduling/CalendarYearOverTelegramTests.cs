using LifelongLearning.Bot.Core.Plans;
using System.Text.Json.Nodes;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

/// <summary>
/// A year of the reporting calendar through the real host on a fake clock, with every message going out
/// over HTTP to the fake Telegram server. The clock moves in steps (four a day); after each step the test
/// waits until the calendar has run at that time and the outbox is empty, so each message the server got
/// is known to belong to one step.
/// </summary>
public sealed class CalendarYearOverTelegramTests : IAsyncLifetime
{
    private const long Official = 5101;
    private const long Mttq = 7001;      // never reports: reminded, escalated
    private const long Library = 7002;   // Thư viện Trường Tiểu học, reports over Telegram in the one-message form
    private const long House3 = 7004;    // Nhà văn hóa Thôn 3, has blocked the bot
    private static readonly TimeSpan RealWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Nudge = TimeSpan.FromMilliseconds(100);
    private static readonly TimeOnly[] StepTimes = [new(6, 30), new(7, 0), new(8, 0), new(21, 30)];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly List<(DateTime Step, SentMessage Message)> _arrivals = [];
    private readonly string _planPath = Path.Combine(Path.GetTempPath(), "llbot-tests", $"plan-{Guid.NewGuid():N}.json");
    private long _seen;
    private FakeTelegramServer _fake = null!;
    private FakeTimeProvider _clock = null!;
    private BotTestHost _bot = null!;

    private static DateTime At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0);

    public async Task InitializeAsync()
    {
        // The commune's plan with 23/06/2026 made a public holiday: a reminder slot falls on it.
        var plan = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json")))!;
        plan["holidays"]!["2026"]!.AsArray().Add("2026-06-23");
        Directory.CreateDirectory(Path.GetDirectoryName(_planPath)!);
        await File.WriteAllTextAsync(_planPath, plan.ToJsonString());

        _fake = await FakeTelegramServer.StartAsync();
        _fake.BlockUser(House3);
        _clock = new FakeTimeProvider(new DateTimeOffset(CalendarWorld.ToUtc(At(2026, 3, 1, 9)), TimeSpan.Zero));
        _bot = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = _fake.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "10",
            ["Bot:PlanPath"] = _planPath,
            // The year's outbox rows are inspected at its end; housekeeping would have pruned those past 90 days.
            ["Storage:OutboxRetentionDays"] = "3650",
        }, services => services.AddSingleton<TimeProvider>(_clock));
        await _bot.StartAsync();
        await UntilAsync(() => Calendar.LastRunAt is not null, "the calendar's first run");
        _bot.Store.Write(Seed);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _fake.DisposeAsync();
        File.Delete(_planPath);
    }

    private CalendarService Calendar => _bot.Services.GetServices<IHostedService>().OfType<CalendarService>().Single();

    /// <summary>An official, three reporters on Telegram, and last year's first-half visits of three libraries.</summary>
    private void Seed()
    {
        var store = _bot.Store;
        Person("lan", "Chị Lan", Role.Official, null, Official);
        Person("r-mttq", "Bà Hòa", Role.Reporter, "MTTQ", Mttq);
        Person("r-tvth", "Cô Hạnh", Role.Reporter, "TV-TH", Library);
        Person("r-nvh3", "Anh Nam", Role.Reporter, "NVH-3", House3);

        var rounds = _bot.Get<RoundService>();
        var last = rounds.Open(Communes.Shipped, ReportingPeriod.FirstHalf(2025), askReporters: false);
        Submit(last, "TV-XA", luot: 1000);
        Submit(last, "TV-MN", luot: 300);
        Submit(last, "TV-TH", luot: 400);
        last.Status = RoundStatus.Closed;
        store.Rounds.Update(last);

        void Person(string id, string name, Role role, string? unit, long chat)
        {
            store.Members.Insert(new Member { Id = id, Name = name, Role = role, UnitId = unit, CreatedAt = _clock.GetUtcNow().UtcDateTime });
            store.Accounts.Insert(new ChatAccount
            {
                Id = ChatAccount.AddressOf("telegram", chat.ToString()), Channel = "telegram", ChatId = chat.ToString(),
                MemberId = id, DisplayName = name, LastSeenAt = _clock.GetUtcNow().UtcDateTime,
            });
        }
    }

    private void Submit(Round round, string unit, bool? htsd = null, bool? cds = null, decimal? luot = null, bool? clb = null)
    {
        var values = new Dictionary<string, AnswerValue>();
        if (htsd is { } a) values["TV-HTSD"] = AnswerValue.Of(a);
        if (cds is { } b) values["TV-CDS"] = AnswerValue.Of(b);
        if (luot is { } l) values["TV-LUOT"] = AnswerValue.Of(l);
        if (clb is { } c) values["VH-CLB"] = AnswerValue.Of(c);
        _bot.Get<RoundService>().Submit(round, unit, new Member { Id = "0", Name = "Dữ liệu thử" }, "test", values);
    }

    [Fact]
    public async Task A_year_of_rounds_reminders_escalations_and_digests_arrives_over_Telegram_on_time_and_once()
    {
        for (var day = new DateOnly(2026, 3, 2); day <= new DateOnly(2027, 2, 28); day = day.AddDays(1))
        {
            foreach (var time in StepTimes)
            {
                var at = day.ToDateTime(time);
                if (CalendarWorld.ToUtc(at) > _clock.GetUtcNow().UtcDateTime) await StepAsync(at);
                if (at == At(2026, 6, 16, 7)) await ReportOverTelegramAsync();
            }
            if (day == new DateOnly(2026, 6, 26))
            {
                // Down from the evening of 26/06 to 10:00 on 27/06: the 08:00 slot of the 27th goes once, at 10:00.
                await _bot.StopAsync();
                _clock.SetUtcNow(new DateTimeOffset(CalendarWorld.ToUtc(At(2026, 6, 27, 10)), TimeSpan.Zero));
                await _bot.StartAsync();
                await SettleAtAsync(At(2026, 6, 27, 10));
            }
        }

        var store = _bot.Store;
        var plan = _bot.Get<Plan>();

        // Rounds open the day after the cut-off (14/06, 14/12), when quiet hours end; all are closed by the end.
        var rounds = store.Rounds.FindAll().ToDictionary(r => r.Id);
        Assert.Equal(["2025-H1", "2026", "2026-H1", "2026-H2"], rounds.Keys.Order());
        Assert.Equal(At(2026, 6, 15, 7), CalendarWorld.ToLocal(rounds["2026-H1"].OpenedAt));
        Assert.Equal(At(2026, 12, 15, 7), CalendarWorld.ToLocal(rounds["2026-H2"].OpenedAt));
        Assert.Equal(At(2026, 12, 15, 7), CalendarWorld.ToLocal(rounds["2026"].OpenedAt));
        Assert.All(rounds.Values, r => Assert.Equal(RoundStatus.Closed, r.Status));

        // Reporters get the first question over Telegram at the opening, not before.
        var opening = Assert.Single(Arrivals(Mttq, "Kỳ báo cáo 6 tháng đầu năm 2026 đã mở"));
        Assert.Equal(At(2026, 6, 15, 7), opening.Step);
        // The opening ends with the days the figures cover (Nghị định 09): the half-year starts on 15/12, not 1/1.
        Assert.Contains("Kỳ báo cáo 6 tháng đầu năm 2026 đã mở; hạn gửi 19/06/2026. Số liệu tính từ ngày 15/12/2025 đến ngày 14/06/2026.\n",
            opening.Message.Body);
        Assert.Contains("Câu 1/", Arrivals(Mttq).First(a => a.Step == opening.Step && a.Message.Buttons.Any()).Message.Body);
        Assert.Equal([At(2026, 12, 15, 7)], Arrivals(Mttq, "Kỳ báo cáo 6 tháng cuối năm 2026 đã mở").Select(a => a.Step));
        Assert.Equal([At(2026, 12, 15, 7)], Arrivals(Mttq, "Kỳ báo cáo Năm 2026 đã mở").Select(a => a.Step));

        // Reminders: 3 days before the deadline (19/06), its morning, then every 2 days. The Sunday slot
        // (21/06) goes Monday 07:00, the holiday's (23/06) Wednesday 07:00, the one due while the bot was
        // down (27/06 08:00) once at the restart.
        Assert.Equal(
            [
                At(2026, 6, 16, 8), At(2026, 6, 19, 8), At(2026, 6, 22, 7), At(2026, 6, 24, 7), At(2026, 6, 25, 8),
                At(2026, 6, 27, 10), At(2026, 6, 29, 8), At(2026, 7, 1, 8), At(2026, 7, 3, 8),
            ],
            Arrivals(Mttq, "chưa gửi báo cáo 6 tháng đầu năm 2026").Select(a => a.Step));
        DateTime[] yearEnd =
        [
            At(2026, 12, 18, 8), At(2026, 12, 21, 8), At(2026, 12, 23, 8), At(2026, 12, 25, 8), At(2026, 12, 28, 7),
            At(2026, 12, 29, 8), At(2026, 12, 31, 8), At(2027, 1, 2, 8), At(2027, 1, 4, 8),
        ];
        Assert.Equal(yearEnd, Arrivals(Mttq, "chưa gửi báo cáo 6 tháng cuối năm 2026").Select(a => a.Step));
        Assert.Equal(yearEnd, Arrivals(Mttq, "chưa gửi báo cáo Năm 2026").Select(a => a.Step));
        // The library reported on the first morning: it is not reminded.
        Assert.DoesNotContain(Arrivals(Library, "Nhắc báo cáo"), a => a.Step < At(2026, 12, 1, 0));

        // Escalation to the official from the first day late, once a day at 08:00, never on a Sunday or the holiday.
        Assert.Equal(
            [
                At(2026, 6, 20, 8), At(2026, 6, 22, 8), At(2026, 6, 24, 8), At(2026, 6, 25, 8), At(2026, 6, 26, 8),
                At(2026, 6, 27, 10), At(2026, 6, 29, 8), At(2026, 6, 30, 8), At(2026, 7, 1, 8), At(2026, 7, 2, 8), At(2026, 7, 3, 8),
            ],
            Arrivals(Official, "⚠️ 6 tháng đầu năm 2026: đã quá hạn").Select(a => a.Step));
        var late = Arrivals(Official, "⚠️ Năm 2026: đã quá hạn").Select(a => a.Step).ToList();
        Assert.Equal(At(2026, 12, 22, 8), late[0]);
        Assert.DoesNotContain(At(2027, 1, 1, 8), late); // 01/01/2027 is a public holiday
        Assert.Equal(late.Count, late.Select(DateOnly.FromDateTime).Distinct().Count());
        Assert.Contains("Ủy ban MTTQ Việt Nam xã", Arrivals(Official, "⚠️ 6 tháng đầu năm 2026: đã quá hạn")[0].Message.Body);

        // Morning digests on Mondays and Thursdays at 07:00, not on the opening day, naming the unreachable person.
        var digests = Arrivals(Official, "📋 6 tháng đầu năm 2026 — hạn");
        Assert.Equal([At(2026, 6, 18, 7), At(2026, 6, 22, 7), At(2026, 6, 25, 7), At(2026, 6, 29, 7), At(2026, 7, 2, 7)],
            digests.Where(d => d.Message.Body!.StartsWith("📋")).Select(a => a.Step));
        Assert.Contains("Không liên lạc được (1): Anh Nam (Nhà văn hóa Thôn 3).", digests[0].Message.Body);

        // The person who blocked the bot: the officials heard once; each reminder slot is recorded once, never sent.
        Assert.Single(Arrivals(Official, "Không gửi được tin cho Anh Nam (Nhà văn hóa Thôn 3) trên Telegram"));
        Assert.Empty(_fake.SentTo(House3));
        var nvh3 = store.Outbox.Find(m => m.DedupKey != null && m.DedupKey.StartsWith("remind:2026-H1:NVH-3:")).ToList();
        Assert.Equal(9, nvh3.Count);
        Assert.All(nvh3, m => Assert.Equal(OutboxStatus.Unreachable, m.Status));

        // Nothing ever arrives in quiet hours, on a Sunday or on a public holiday; every message went out once.
        Assert.All(_arrivals, a =>
        {
            Assert.InRange(a.Step.TimeOfDay, TimeSpan.FromHours(7), TimeSpan.FromHours(21));
            Assert.True(plan.Calendar.IsMessagingDay(DateOnly.FromDateTime(a.Step)), $"{a.Message} at {a.Step}");
        });
        Assert.DoesNotContain(store.Outbox.FindAll(), m => m.Status == OutboxStatus.Pending || (m.Status == OutboxStatus.Sent && m.Attempts != 1));

        // The round digest at closing: one chart as a PNG photo and the hand-computed figures of eight units.
        var closing = Arrivals(Official).Where(a => a.Step == At(2026, 7, 4, 7)).Select(a => a.Message).ToList();
        var chart = Assert.Single(closing, m => m.Method == "sendPhoto");
        Assert.Equal(PngSignature, chart.FileBytes!.Take(8));
        Assert.True(chart.FileBytes!.Length > 1000);
        var text = string.Join("\n", closing.Select(m => m.Body));
        Assert.Contains("✅ Đã đóng kỳ báo cáo 6 tháng đầu năm 2026.", text);
        Assert.Contains("Đã báo cáo: 8/13 đơn vị (8 đúng hạn, 0 muộn).", text);
        Assert.Contains("Chưa báo cáo (5):", text);
        Assert.All(["Nhà văn hóa Thôn 3", "Ủy ban MTTQ Việt Nam xã", "Hội Khuyến học xã", "Hội Cựu giáo chức xã", "Đài Truyền thanh xã"],
            name => Assert.Contains(name, text));
        // TV-HTSD: the commune library says "có" (required); 2 of the 3 school libraries → 66,7%.
        Assert.Contains("(TV-HTSD): 66,7% (2/3 thư viện có; 3/3 đã báo cáo)", text);
        // TV-CDS, as TV-HTSD: of the school libraries, the kindergarten's "có" of the 2 that answered, of 3.
        Assert.Contains("(TV-CDS): 50% (1/2 thư viện có; 2/3 đã báo cáo)", text);
        // VH-CLB: the centre, houses 1 and 4 of the 4 that answered, of 5.
        Assert.Contains("(VH-CLB): 75% (3/4 đơn vị có; 4/5 đã báo cáo)", text);
        // Visits 1.200 + 300 + 500 + 700 = 2.700; the three libraries with both halves: 1.700 → 2.000 = +17,6%.
        Assert.Contains("(TV-LUOT): 2.700 lượt (dựa trên 4/4 đơn vị); tăng 17,6% so với 6 tháng đầu năm 2025 (tính trên 3 đơn vị có số liệu cả hai kỳ: 1.700 → 2.000 lượt)", text);
        // The second half and the year close together on 05/01/2027: one chart each, and no other chart all year.
        Assert.Equal([At(2026, 7, 4, 7), At(2027, 1, 5, 7), At(2027, 1, 5, 7)],
            Arrivals(Official).Where(a => a.Message.Method == "sendPhoto").Select(a => a.Step));
    }

    /// <summary>The school library answers the whole first-half form in one message; the others' figures are entered directly.</summary>
    private async Task ReportOverTelegramAsync()
    {
        var step = At(2026, 6, 16, 7, 30);
        _clock.SetUtcNow(new DateTimeOffset(CalendarWorld.ToUtc(step), TimeSpan.Zero));
        await SettleAtAsync(step);
        var before = _fake.SentTo(Library).Count;
        _fake.EnqueueMessage(Library, "TV-HTSD có; TV-CDS không; TV-LUOT 500; HD-SUKIEN bỏ qua; HD-NGUOI bỏ qua; TV-LUANCHUYEN bỏ qua; TV-LUUDONG bỏ qua; TV-THEMOI bỏ qua; TV-BOSUNG bỏ qua; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua", "Cô Hạnh");
        await SettleAsync(step, () => _fake.SentTo(Library).Skip(before).Any(m => m.Body!.Contains("Báo cáo 6 tháng đầu năm 2026 — Thư viện Trường Tiểu học")));
        _fake.EnqueueMessage(Library, "OK", "Cô Hạnh");
        await SettleAsync(step, () => _fake.SentTo(Library).Any(m => m.Body!.Contains("Đã nhận báo cáo 6 tháng đầu năm 2026")));
        _bot.Store.Write(() =>
        {
            var round = _bot.Get<RoundService>().Find("2026-H1")!;
            Submit(round, "TV-XA", htsd: true, cds: true, luot: 1200);
            Submit(round, "TV-MN", htsd: false, cds: true, luot: 300);
            Submit(round, "TV-THCS", htsd: true, luot: 700);
            Submit(round, "TT-VHTT", clb: true);
            Submit(round, "NVH-1", clb: true);
            Submit(round, "NVH-2", clb: false);
            Submit(round, "NVH-4", clb: true);
        });
        Record(step);
    }

    private async Task StepAsync(DateTime local)
    {
        _clock.SetUtcNow(new DateTimeOffset(CalendarWorld.ToUtc(local), TimeSpan.Zero));
        await SettleAtAsync(local);
    }

    /// <summary>Waits for the calendar's run at this time, then for the outbox to be sent, then files what arrived under it.</summary>
    private async Task SettleAtAsync(DateTime local)
    {
        var utc = new DateTimeOffset(CalendarWorld.ToUtc(local), TimeSpan.Zero);
        var calendar = Calendar;
        await UntilAsync(() => calendar.LastRunAt >= utc, $"the calendar's run at {local}");
        await SettleAsync(local, () => true);
        Record(local);
    }

    /// <summary>
    /// Until nothing is pending in the outbox and the condition holds. The sender paces itself on the fake
    /// clock, so the clock is nudged on meanwhile, but never as far as the calendar's next tick.
    /// </summary>
    private async Task SettleAsync(DateTime local, Func<bool> condition)
    {
        var limit = new DateTimeOffset(CalendarWorld.ToUtc(local), TimeSpan.Zero) + CalendarService.Tick - Nudge;
        var store = _bot.Store;
        await UntilAsync(() =>
        {
            if (!store.Write(() => store.Outbox.Exists(m => m.Status == OutboxStatus.Pending)) && condition()) return true;
            if (_clock.GetUtcNow() + Nudge <= limit) _clock.Advance(Nudge);
            return false;
        }, $"the outbox sent at {local}");
    }

    private void Record(DateTime step)
    {
        foreach (var message in _fake.Sent.Where(m => m.Sequence > _seen))
        {
            _arrivals.Add((step, message));
            _seen = Math.Max(_seen, message.Sequence);
        }
    }

    private List<(DateTime Step, SentMessage Message)> Arrivals(long chat, string? containing = null) =>
        [.. _arrivals.Where(a => a.Message.ChatId == chat && (containing is null || a.Message.Body?.Contains(containing) == true))];

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + RealWait;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited for {what}");
            await Task.Delay(1);
        }
    }
}
