using System.Globalization;
using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// How big the store of one commune grows: ten simulated years of the plan's 14 units (a unit head each, two rounds a
/// year with every answer, a correction in one of ten, three reminders a unit a round, the round's chart), 2,000
/// residents, 10 broadcasts a year to all of them, the keys of every message received, with the real
/// <see cref="Housekeeping"/> run at the end of each simulated month at that month's time. After the first year and
/// after the tenth: the file's size, its free share, and what the start-up rebuild (<c>Storage:RebuildFreePercent</c>)
/// gives back. The rows are written straight into the collections, with the sizes the bot writes; photos an official
/// sends are left out (LiteDB stamps an upload with the real clock, so a simulated year cannot age them).
/// `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --size`
/// </summary>
public static class SizeBench
{
    private const int Residents = 2_000;
    private const int BroadcastsAYear = 10;
    private const int Years = 10;

    private const string Announcement =
        "📢 Thư viện xã tổ chức Ngày hội đọc sách cho thiếu nhi lúc 8:00 sáng chủ nhật tại Nhà văn hóa Thôn 2: giao lưu tác giả, " +
        "đọc sách cùng con, tặng sách cho các em có hoàn cảnh khó khăn. Kính mời bà con và các cháu tham gia đông đủ.";

    public static void Run()
    {
        var folder = Directory.CreateTempSubdirectory("llb-sizebench-").FullName;
        var path = Path.Combine(folder, "bot.db");
        try
        {
            var plan = PlanLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json"));
            var chart = DigestChart.Render(new ChartInput("Kỳ báo cáo năm 2026", [], []));
            var first = DateTime.UtcNow.Year - Years + 1;
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"Store size of one commune: {plan.Units.Count} units, {Residents:N0} residents, {BroadcastsAYear} broadcasts a year, housekeeping monthly; load {ThroughputBench.Load()}"));
            for (var year = first; year < first + Years; year++)
            {
                using (var store = new BotStore(path))
                {
                    var clock = new SimulatedClock();
                    var housekeeping = new Housekeeping(store, clock, Options.Create(new StorageOptions()), NullLogger<Housekeeping>.Instance);
                    if (year == first) SeedPeople(store, plan, new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
                    for (var month = 1; month <= 12; month++)
                    {
                        var start = new DateTime(year, month, 1, 2, 0, 0, DateTimeKind.Utc);
                        store.Write(() => Month(store, plan, chart, year, month, start));
                        clock.Now = start.AddMonths(1).AddHours(-1);
                        housekeeping.RunOnce(CancellationToken.None);
                    }
                }
                if (year == first || year == first + Years - 1) Report(path, year - first + 1);
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The size, the free share, and the file after a rebuild as the start-up does it at the lowest threshold.</summary>
    private static void Report(string path, int years)
    {
        var c = CultureInfo.InvariantCulture;
        StoreSpace space;
        long outbox, answers;
        using (var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            space = StoreRebuild.Measure(db, path);
            outbox = db.GetCollection("outbox").LongCount();
            answers = db.GetCollection("answers").LongCount();
        }
        var rebuilds = space.FreeShare * 100 >= new StorageOptions().RebuildFreePercent ? "yes" : "no";
        var copy = path + $".{years}y.db";
        File.Copy(path, copy, overwrite: true);
        bool done;
        using (var logs = LoggerFactory.Create(b => b.AddSimpleConsole()))
            done = new StoreRebuild(10, 0, logs.CreateLogger("rebuild")).RunIfSparse(copy);
        var rebuilt = done ? $"{new FileInfo(copy).Length / 1048576.0:F1} MB" : "FAILED (the log line above)";
        File.Delete(copy);
        File.Delete(StoreRebuild.BackupPathOf(copy));
        Console.WriteLine(string.Create(c, $"  after {years,2} year(s): {space.FileBytes / 1048576.0,6:F1} MB, {space.FreeShare,4:P0} free ({answers:N0} answers, {outbox:N0} outbox rows kept); " +
                                           $"rebuilt: {rebuilt}; the default threshold (50%) rebuilds at start: {rebuilds}"));
    }

    private static void SeedPeople(BotStore store, Plan plan, DateTime at) => store.Write(() =>
    {
        store.Units.InsertBulk(plan.Units.Select(u => new UnitRecord { Id = u.Code, Name = u.Name, Kind = u.Kind, Area = u.Area }));
        var people = plan.Units.Select((u, k) => new Member { Id = $"r{k}", Name = $"Người báo cáo {u.Name}", Role = Role.Reporter, UnitId = u.Code, CreatedAt = at })
            .Concat(Enumerable.Range(0, Residents).Select(k => new Member { Id = $"d{k}", Name = $"Người dân {k}", Role = Role.Resident, CreatedAt = at })).ToList();
        store.Members.InsertBulk(people);
        store.Accounts.InsertBulk(people.Select(m => new ChatAccount { Id = $"zalo:{m.Id}", Channel = "zalo", ChatId = m.Id, MemberId = m.Id, DisplayName = m.Name, LastSeenAt = at }));
        store.Subscribers.InsertBulk(people.Where(m => m.Role == Role.Resident).Select(m => new Subscriber { Id = m.Id, Active = true, SubscribedAt = at }));
        store.Received.InsertBulk(people.Select(m => new ReceivedMessage { Id = $"zalo:join:{m.Id}", At = at }));
    });

    /// <summary>What one month adds: a broadcast in ten months of the year, and in June and December a round's reports.</summary>
    private static void Month(BotStore store, Plan plan, byte[] chart, int year, int month, DateTime at)
    {
        if (month is not (1 or 2))
        {
            var id = $"b-{year}-{month}";
            store.Broadcasts.Insert(new Broadcast { Id = id, OfficialId = "r0", Recipients = Residents, Settled = Residents, CreatedAt = at, ReportedAt = at.AddHours(2) });
            store.Outbox.InsertBulk(Enumerable.Range(0, Residents).Select(k => new OutboxMessage
            {
                Channel = "zalo", ChatId = $"d{k}", Text = Announcement, Kind = OutboxKinds.Broadcast, Status = OutboxStatus.Sent,
                BroadcastId = id, CreatedAt = at, SentAt = at.AddMinutes(k / 10),
            }));
        }
        if (month is not (6 or 12)) return;
        var period = month == 6 ? ReportingPeriod.FirstHalf(year) : ReportingPeriod.WholeYear(year);
        store.Rounds.Insert(new Round
        {
            Id = period.Code, Kind = period.Kind, Year = year, Number = period.Number, Deadline = DateOnly.FromDateTime(at.AddDays(14)), ClosesOn = DateOnly.FromDateTime(at.AddDays(28)),
            Status = RoundStatus.Closed, OpenedAt = at, ClosedAt = at.AddDays(28),
        });
        var random = new Random(year * 100 + month);
        foreach (var (unit, k) in plan.Units.Select((u, k) => (u, k)))
        {
            var indicators = plan.IndicatorsFor(unit.Kind, period.Kind);
            var answered = at.AddDays(random.Next(1, 20));
            store.Answers.InsertBulk(indicators.Select(i =>
            {
                var value = i.Kind == IndicatorKind.YesNo ? AnswerValue.Of(true) : AnswerValue.Of(random.Next(10, 5000));
                var revision = new Revision { Value = value, MemberId = $"r{k}", MemberName = $"Người báo cáo {unit.Name}", Channel = "zalo", At = answered };
                return new Answer
                {
                    Id = Answer.IdOf(period.Code, unit.Code, i.Code), RoundId = period.Code, UnitId = unit.Code, IndicatorCode = i.Code, Value = value,
                    FirstConfirmedAt = answered, Revisions = random.Next(10) == 0 ? [revision, revision] : [revision],
                };
            }));
            // The report's own messages in (one a question, /baocao and OK) and out (the questions, the summary).
            store.Received.InsertBulk(Enumerable.Range(0, indicators.Count + 2).Select(n => new ReceivedMessage { Id = $"zalo:{period.Code}:{unit.Code}:{n}", At = answered }));
            store.Outbox.InsertBulk(Enumerable.Range(0, indicators.Count + 3).Select(n => new OutboxMessage
            {
                Channel = "zalo", ChatId = $"r{k}", Text = "Câu hỏi tiếp theo của báo cáo: số lượt bạn đọc đến thư viện trong kỳ là bao nhiêu?",
                Kind = OutboxKinds.Reply, Status = OutboxStatus.Sent, CreatedAt = answered, SentAt = answered,
            }));
            store.Outbox.InsertBulk(Enumerable.Range(0, 3).Select(n => new OutboxMessage
            {
                Channel = "zalo", ChatId = $"r{k}", Text = $"⏰ Nhắc báo cáo {period.Label}: hạn gửi là {at.AddDays(14):dd/MM/yyyy}. Gõ /baocao để bắt đầu.",
                Kind = OutboxKinds.Reminder, Status = OutboxStatus.Sent, DedupKey = $"remind:{period.Code}:{unit.Code}:{n}", CreatedAt = at.AddDays(n * 4), SentAt = at.AddDays(n * 4),
            }));
        }
        using var png = new MemoryStream(chart);
        store.Files.Upload($"$/charts/{period.Code}", $"{period.Code}.png", png);
    }

    private sealed class SimulatedClock : TimeProvider
    {
        public DateTime Now { get; set; }

        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }
}
