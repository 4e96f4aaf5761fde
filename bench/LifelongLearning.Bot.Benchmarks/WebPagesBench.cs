using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using System.Diagnostics;
using System.Globalization;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Web;
using LifelongLearning.Bot.Web.Pages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// Server time of each web page on a big store: ten years of yearly and half-year rounds, 60 units, every
/// indicator of the plan, one reporter per unit, reminders of the open round. The pages are rendered as the
/// web server renders them (same services, same store), without the network: what the official waits for
/// beyond it is Kestrel's own time. `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --web`
/// </summary>
public static class WebPagesBench
{
    private const int Years = 10;
    private const int Units = 60;
    private const int Runs = 5;

    public static void Run()
    {
        var folder = Directory.CreateTempSubdirectory("llb-webbench-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db") });
            builder.AddBotCore();
            builder.AddExportFiles();
            builder.AddWebPage();
            using var host = builder.Build();
            var sp = host.Services;
            var watch = Stopwatch.StartNew();
            var (answers, official) = Seed(sp.GetRequiredService<BotStore>(), sp.GetRequiredService<Plan>(), sp.GetRequiredService<CommuneClock>());
            var user = new WebUser(official, "bench", "bench");
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"Web pages on {Years} years × {Units} units × {sp.GetRequiredService<Plan>().Indicators.Count} indicators ({answers:N0} answers, seeded in {watch.Elapsed.TotalSeconds:F1} s)"));
            var lastYear = DateTime.UtcNow.Year;
            (string Name, Func<object> Render)[] pages =
            [
                ("kỳ báo cáo  /web/", () => sp.GetRequiredService<RoundPage>().Render(Communes.Shipped)),
                ("một đơn vị  /web/ky/…", () => sp.GetRequiredService<RoundPage>().Unit(Communes.Shipped, ReportingPeriod.WholeYear(lastYear).Code, "TV-XA")),
                ("chỉ tiêu    /web/chi-tieu", () => sp.GetRequiredService<TargetsPage>().Render(Communes.Shipped, null)),
                ("xu hướng    /web/xu-huong", () => sp.GetRequiredService<TrendsPage>().Render(Communes.Shipped)),
                ("tải về      /web/tai-ve", () => sp.GetRequiredService<DownloadsPage>().Render(Communes.Shipped)),
                ("sự kiện     /web/su-kien", () => sp.GetRequiredService<EventsPage>().Render(Communes.Shipped)),
                ("đơn vị      /web/don-vi", () => sp.GetRequiredService<UnitsPage>().Render(user, null)),
                // What the pages rest on, to see where the time goes.
                ("  ReportSource, một năm", () => sp.GetRequiredService<ReportSource>().Build(Core.Exports.ExportScope.Of(ReportingPeriod.WholeYear(lastYear - 1)), Communes.Shipped)),
                ("  ReportSource, mười năm", () => sp.GetRequiredService<ReportSource>().Build(Core.Exports.ExportScope.Years(lastYear - Years + 1, lastYear), Communes.Shipped)),
                ("  RoundService.UnitsOf", () => sp.GetRequiredService<RoundService>().UnitsOf(sp.GetRequiredService<RoundService>().OpenRounds(Communes.Shipped)[0])),
                ("  answers of the open round", () => sp.GetRequiredService<BotStore>().Answers.Find(LiteDB.Query.EQ("RoundId", ReportingPeriod.WholeYear(lastYear).Code)).ToList()),
                ("  Reports.CompletenessOf", () => sp.GetRequiredService<Reports>().CompletenessOf(sp.GetRequiredService<RoundService>().OpenRounds(Communes.Shipped)[0])),
            ];
            foreach (var (name, render) in pages)
            {
                render(); // the first call builds caches and JIT-compiles: not what an official waits for twice
                var times = new List<double>();
                for (var i = 0; i < Runs; i++)
                {
                    watch.Restart();
                    render();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine(string.Create(c, $"  {name,-28} median {times[Runs / 2],7:F1} ms, worst {times[^1],7:F1} ms"));
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    internal static (int Answers, Member Official) Seed(BotStore store, Plan plan, CommuneClock local)
    {
        var count = 0;
        Member official = null!;
        store.Write(() =>
        {
            var units = new List<UnitRecord>();
            foreach (var u in plan.Units) units.Add(new UnitRecord { Id = u.Code, Name = u.Name, Kind = u.Kind, Area = u.Area });
            for (var n = 0; units.Count < Units; n++)
            {
                var like = plan.Units[n % plan.Units.Count];
                units.Add(new UnitRecord { Id = $"{like.Code}-{n}", Name = $"{like.Name} số {n}", Kind = like.Kind, Area = like.Area });
            }
            store.Units.InsertBulk(units);
            official = new Member { Id = "1", Name = "Chị Lan", Role = Role.Official, CreatedAt = local.UtcNow };
            store.Members.Insert(official);
            var members = units.Select((u, k) => new Member { Id = (k + 2).ToString(CultureInfo.InvariantCulture), Name = $"Người báo cáo {k}", Role = Role.Reporter, UnitId = u.Id, CreatedAt = local.UtcNow }).ToList();
            store.Members.InsertBulk(members);
            store.Accounts.InsertBulk(members.Select((m, k) => new ChatAccount
            {
                Id = $"zalo:{m.Id}", Channel = "zalo", ChatId = m.Id, MemberId = m.Id, DisplayName = m.Name, LastSeenAt = local.UtcNow,
                UnreachableReason = k % 9 == 0 ? "blocked" : null, UnreachableSince = k % 9 == 0 ? local.UtcNow : null,
            }));

            var random = new Random(42);
            var last = DateTime.UtcNow.Year;
            for (var year = last - Years + 1; year <= last; year++)
            {
                foreach (var period in new[] { ReportingPeriod.FirstHalf(year), ReportingPeriod.WholeYear(year) })
                {
                    var open = year == last && period.Kind == PeriodKind.Year;
                    var deadline = period.To.AddDays(7);
                    var deadlineAt = deadline.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    store.Rounds.Insert(new Round
                    {
                        Id = period.Code, Kind = period.Kind, Year = period.Year, Number = period.Number, Deadline = deadline, ClosesOn = deadline.AddDays(30),
                        Status = open ? RoundStatus.Open : RoundStatus.Closed, OpenedAt = deadlineAt.AddDays(-20),
                    });
                    var batch = new List<Answer>();
                    foreach (var (unit, k) in units.Select((u, k) => (u, k)))
                    {
                        if (open && k % 3 == 0) continue; // a third of the units still owe the open round
                        foreach (var indicator in plan.IndicatorsFor(unit.Kind, period.Kind))
                        {
                            var value = indicator.Kind == Core.Plans.IndicatorKind.YesNo ? AnswerValue.Of(random.Next(3) > 0) : AnswerValue.Of(random.Next(10, 2000));
                            var at = deadlineAt.AddDays(-random.Next(0, 10));
                            batch.Add(new Answer
                            {
                                Id = Answer.IdOf(period.Code, unit.Id, indicator.Code), RoundId = period.Code, UnitId = unit.Id, IndicatorCode = indicator.Code,
                                Value = value, FirstConfirmedAt = at,
                                Revisions = [new Revision { Value = value, MemberId = members[k].Id, MemberName = members[k].Name, Channel = "zalo", At = at }],
                            });
                        }
                    }
                    store.Answers.InsertBulk(batch);
                    count += batch.Count;
                    if (open)
                        store.Outbox.InsertBulk(units.Select(u => new OutboxMessage
                        {
                            Channel = "zalo", ChatId = "x", Text = "Nhắc báo cáo", Kind = OutboxKinds.Reminder, Status = OutboxStatus.Sent,
                            DedupKey = $"remind:{period.Code}:{u.Id}:{deadline:yyyy-MM-dd}", CreatedAt = deadlineAt, SentAt = deadlineAt,
                        }));
                }
            }
        });
        return (count, official);
    }
}
