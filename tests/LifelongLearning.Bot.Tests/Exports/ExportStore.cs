using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Tests.Support;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Core;
using Microsoft.Extensions.Time.Testing;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>
/// A real LiteDB store (temporary file) with the plan's fourteen units and three yearly rounds, 2023 to
/// 2025, whose figures are chosen so the report's numbers can be worked out by hand:
/// - library visits (TV-LUOT): 3.000 in 2023, 3.300 in 2024, 3.662 in 2025 after a correction
///   (TV-TH 968 → 1.000 by Cô Hoa on Zalo): +11,0% on 2024, +10,5% a year on average since 2023;
/// - digital transformation (TV-CDS) 2025: the commune library has it (required), 2 of the 3 school libraries, 66,7%: below 70%;
/// - clubs (VH-CLB) 2025: 3 "có" of the 4 cultural houses that answered, 75%; NVH-4 did not report 2025;
/// - the radio (DTT) sent its 2025 report two days after the deadline.
/// </summary>
public sealed class ExportStore : IDisposable
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static readonly Dictionary<string, decimal> Visits2023 = new() { ["TV-XA"] = 1000, ["TV-MN"] = 500, ["TV-TH"] = 800, ["TV-THCS"] = 700 };

    public string Folder { get; } = Directory.CreateTempSubdirectory("exports-tests-").FullName;
    public string DatabasePath => Path.Combine(Folder, "bot.db");
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2023, 1, 1, 1, 0, 0, TimeSpan.Zero));
    public BotStore Store { get; }
    public CommuneClock Local { get; }
    public Plan Plan { get; } = DefaultPlan.Value;
    public RoundService Rounds { get; }
    public ExportFiles Files { get; }

    public ExportStore()
    {
        Store = new BotStore(DatabasePath);
        Local = new CommuneClock(Zone, Clock);
        var communes = CommuneDirectory.Single(Plan, Local);
        Rounds = new RoundService(Store, communes, Local, new Messenger(Store, Local, ChannelProfiles.TextLimits));
        Files = new ExportFiles(new ReportSource(Store, communes, Local));
        Seed();
    }

    private void Seed()
    {
        Store.Write(() =>
        {
            foreach (var u in Plan.Units) Store.Units.Insert(new UnitRecord { Id = u.Code, Name = u.Name, Kind = u.Kind, Area = u.Area });
        });
        foreach (var year in new[] { 2023, 2024, 2025 }) Year(year);
        Clock.SetUtcNow(new DateTimeOffset(2026, 1, 20, 3, 0, 0, TimeSpan.Zero));
    }

    private void Year(int year)
    {
        var period = ReportingPeriod.WholeYear(year);
        Clock.SetUtcNow(new DateTimeOffset(period.To.AddDays(1).ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var round = Store.Write(() => Rounds.Open(Communes.Shipped, period, askReporters: false));
        var onTime = Local.ToUtc(round.Deadline.AddDays(-3), new TimeOnly(9, 0));
        var units = Store.Units.FindAll().OrderBy(u => u.Id).ToList();

        Clock.SetUtcNow(new DateTimeOffset(onTime, TimeSpan.Zero));
        foreach (var unit in units.Where(u => u.Id != "DTT" && !(year == 2025 && u.Id == "NVH-4")))
            Submit(round, unit, "telegram");
        if (year == 2025)
        {
            Clock.Advance(TimeSpan.FromDays(2));
            var hoa = new Member { Id = "hoa", Name = "Cô Hoa" };
            Store.Write(() => Rounds.Submit(round, "TV-TH", hoa, "zalo", new Dictionary<string, AnswerValue> { ["TV-LUOT"] = AnswerValue.Of(1000) }));
            Clock.SetUtcNow(new DateTimeOffset(Local.ToUtc(round.Deadline.AddDays(2), new TimeOnly(10, 0)), TimeSpan.Zero));
        }
        Submit(round, units.Single(u => u.Id == "DTT"), "zalo");
    }

    private void Submit(Round round, UnitRecord unit, string channel)
    {
        var by = new Member { Id = $"m-{unit.Id}", Name = $"Người báo cáo {unit.Id}" };
        var values = Rounds.IndicatorsFor(unit, round).ToDictionary(i => i.Code, i => Value(round.Year, unit.Id, i.Code, i.Kind));
        Store.Write(() => Rounds.Submit(round, unit.Id, by, channel, values));
    }

    private static AnswerValue Value(int year, string unit, string code, IndicatorKind kind) => (code, kind) switch
    {
        // Two approximate answers in 2025: the digitised items' total is «ít nhất» (a lower bound), the new cards' «khoảng».
        ("TV-SOHOA", _) when year == 2025 && unit == "TV-XA" => AnswerValue.Of(10, Approximation.MoreThan),
        ("TV-THEMOI", _) when year == 2025 && unit == "TV-MN" => AnswerValue.Of(10, Approximation.Nearly),
        ("TV-LUOT", _) => AnswerValue.Of(Math.Round(Visits2023[unit] * (decimal)Math.Pow(1.1, year - 2023))),
        ("TV-CDS", _) => AnswerValue.Of(!(unit == "TV-MN" && year == 2025)),
        ("VH-CLB", _) => AnswerValue.Of(unit != "NVH-2"),
        (_, IndicatorKind.YesNo) => AnswerValue.Yes,
        (_, IndicatorKind.Money) => AnswerValue.Of(1_000_000),
        _ => AnswerValue.Of(10),
    };

    /// <summary>Closes the database file so a host can open it.</summary>
    public void Close() => Store.Dispose();

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
