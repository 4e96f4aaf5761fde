using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using System.Diagnostics;
using System.Globalization;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// What one minute tick of the reporting calendar costs while a broadcast sits in the outbox: the plan's
/// units, one reporter each, the half-year round open and past its deadline, every unit already reminded
/// for the day, so a tick only asks "already sent?" of each unit and sends nothing. The same tick with
/// 0, 10,000 and 100,000 other outbox rows (a broadcast being sent): it must not grow with them. Measured on
/// 2 shared cores: 1.5–6 ms and 1.2–1.7 MB a tick at every size; before the reminder check used the DedupKey
/// index, 26 ms / 1.9 MB, 1,258 ms / 478 MB and 6,714 ms / 4.6 GB.
/// `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --calendar`
/// </summary>
public static class CalendarTickBench
{
    private const int Ticks = 20;
    private const int WarmUp = 40;

    public static void Run()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"Calendar tick (open round, every unit reminded already; median of {Ticks} ticks)");
        Measure(10_000); // discarded: the process compiles its hot code again only after a few seconds of work, which a running bot is long past
        foreach (var rows in new[] { 0, 10_000, 100_000 })
        {
            var (units, ms, bytes) = Measure(rows);
            Console.WriteLine(string.Create(c, $"  {rows,7:N0} outbox rows, {units} units: {ms,8:F2} ms, {bytes / 1024.0,9:F0} KB allocated per tick"));
        }
    }

    private static (int Units, double Ms, long Bytes) Measure(int outboxRows)
    {
        var folder = Directory.CreateTempSubdirectory("llb-calendarbench-").FullName;
        try
        {
            var clock = new BenchClock();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db") });
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.AddBotCore();
            using var host = builder.Build();
            var sp = host.Services;
            var store = sp.GetRequiredService<BotStore>();
            var (plan, local) = (sp.GetRequiredService<Plan>(), sp.GetRequiredService<CommuneClock>());
            var calendar = sp.GetRequiredService<ReportingCalendar>();
            var rounds = sp.GetRequiredService<RoundService>();

            // The round opens on the morning after the cut-off; the tick runs on its last reminder's morning.
            var period = ReportingPeriod.FirstHalf(2026);
            clock.Now = new DateTimeOffset(local.ToUtc(period.To.AddDays(1), new TimeOnly(8, 0)), TimeSpan.Zero);
            var units = Seed(store, plan, local, outboxRows);
            var round = store.Write(() => rounds.Open(Communes.Shipped, period, askReporters: false));
            var slot = calendar.ReminderSlots(round)[^1];
            var at = calendar.SendTimeOf(round, slot).AddMinutes(5);
            clock.Now = new DateTimeOffset(local.ToUtc(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at)), TimeSpan.Zero);
            var sent = calendar.Run(); // reminds every unit (and tells the officials): the ticks after it find all sent
            if (sent < units) throw new InvalidOperationException($"the first tick sent {sent} reminders for {units} units");

            // As on a bot that has run a while: the log folded into the file (LiteDB does it every ~1000 pages).
            store.Checkpoint();
            // Past the JIT's first tiers, as a bot that has ticked for days: the runtime compiles the hot code
            // again once no new code has been compiled for a moment, which seeding a store keeps putting off.
            for (var i = 0; i < WarmUp; i++) calendar.Run();
            Thread.Sleep(TimeSpan.FromSeconds(1));
            for (var i = 0; i < WarmUp; i++) calendar.Run();
            var queued = store.Outbox.Count();
            var times = new List<double>();
            var allocations = new List<long>();
            for (var i = 0; i < Ticks; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                calendar.Run();
                times.Add(watch.Elapsed.TotalMilliseconds);
                allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            }
            if (store.Outbox.Count() != queued) throw new InvalidOperationException("a later tick queued messages again");
            times.Sort();
            allocations.Sort();
            return (units, times[Ticks / 2], allocations[Ticks / 2]);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The plan's units with a reporter and a Telegram chat each, an official, and a broadcast's rows.</summary>
    private static int Seed(BotStore store, Plan plan, CommuneClock local, int outboxRows) => store.Write(() =>
    {
        var units = plan.Units.Select(u => new UnitRecord { Id = u.Code, Name = u.Name, Kind = u.Kind, Area = u.Area, Active = true }).ToList();
        store.Units.Upsert(units);
        store.Members.Insert(new Member { Id = "1", Name = "Chị Lan", Role = Role.Official, CreatedAt = local.UtcNow });
        store.Accounts.Insert(new ChatAccount { Id = "telegram:1", Channel = "telegram", ChatId = "1", MemberId = "1", DisplayName = "Chị Lan", LastSeenAt = local.UtcNow });
        foreach (var (unit, k) in units.Select((u, k) => (u, k)))
        {
            var id = (k + 2).ToString(CultureInfo.InvariantCulture);
            store.Members.Insert(new Member { Id = id, Name = $"Người báo cáo {k}", Role = Role.Reporter, UnitId = unit.Id, CreatedAt = local.UtcNow });
            store.Accounts.Insert(new ChatAccount { Id = $"telegram:{id}", Channel = "telegram", ChatId = id, MemberId = id, DisplayName = id, LastSeenAt = local.UtcNow });
        }
        for (var start = 0; start < outboxRows; start += 10_000)
            store.Outbox.InsertBulk(Enumerable.Range(start, Math.Min(10_000, outboxRows - start)).Select(i => new OutboxMessage
            {
                Channel = "telegram", ChatId = $"{100_000 + i}", Text = "📣 Thông báo của xã: Ngày hội đọc sách tại nhà văn hóa thôn.",
                Kind = OutboxKinds.Broadcast, BroadcastId = "announce:1", DedupKey = $"announce:1:{i}",
                Status = i % 4 == 0 ? OutboxStatus.Sent : OutboxStatus.Pending, CreatedAt = local.UtcNow, NotBefore = local.UtcNow,
            }));
        return units.Count(u => plan.IndicatorsFor(u.Kind, PeriodKind.HalfYear).Count > 0);
    });

    private sealed class BenchClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
