using System.Diagnostics;
using System.Globalization;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Exports;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// The city's digest and spreadsheet for a city the size of Hải Phòng: 114 communes × 15 units × 10 years of
/// half-year and yearly rounds, every indicator of the default plan, seeded in memory as Core types (the store
/// does not hold several communes yet). Prints the time and the bytes allocated of each step, the median of
/// five runs after three warm-ups of every step. `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --city`
/// </summary>
public static class CityBench
{
    private const int Communes = 114;
    private const int UnitsPerCommune = 15;
    private const int Years = 10;
    private const int LastYear = 2026;
    private const int Runs = 5;
    private const int WarmUps = 3;

    /// <param name="show">Also print the city digest and one commune's digest by area, and write the spreadsheet to a temporary file, to read them.</param>
    public static void Run(bool show)
    {
        var c = CultureInfo.InvariantCulture;
        var plan = PlanLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json"));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var (tree, book, answers, rounds) = Seed(plan);
        var seeded = watch.Elapsed;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(c,
            $"City of {Communes} communes × {UnitsPerCommune} units × {Years} years ({tree.Units.Count:N0} units, {answers:N0} answers in {rounds} rounds), seeded in {seeded.TotalSeconds:F1} s, {held / 1048576.0:F0} MB held"));

        var period = ReportingPeriod.WholeYear(LastYear);
        var today = plan.DeadlineFor(period).AddDays(3);
        string text = "";
        long size = 0;
        var rolled = RollUp.Tree(tree, period, book, NodeLevel.Commune);
        (string Name, Action Step)[] steps =
        [
            ("city digest (roll-up to communes + text)", () => text = CityDigest.Text(RollUp.Tree(tree, period, book, NodeLevel.Commune), today)),
            ("city spreadsheet (roll-up + .xlsx)", () =>
            {
                using var output = new MemoryStream();
                CityXlsxWriter.Write(RollUp.Tree(tree, period, book, NodeLevel.Commune), today, output);
                size = output.Length;
            }),
            ("  roll-up to communes alone", () => RollUp.Tree(tree, period, book, NodeLevel.Commune)),
            ("  digest text alone", () => CityDigest.Text(rolled, today)),
            ("  .xlsx alone", () => CityXlsxWriter.Write(rolled, today, Stream.Null)),
            ("  roll-up of every node down to the units", () => RollUp.Tree(tree, period, book)),
            ("one commune's digest by area", () => AreaDigest.Text(tree.Children[0], period, book)),
        ];
        // Warm every step up first: the JIT optimises hot code after a few calls, in the background.
        for (var i = 0; i < WarmUps; i++)
            foreach (var (_, step) in steps) step();
        Thread.Sleep(500);
        foreach (var (name, step) in steps) Measure(name, step);
        if (show)
        {
            var file = Path.Combine(Path.GetTempPath(), $"tong-hop-thanh-pho-{period.Code}.xlsx");
            using (var output = File.Create(file)) CityXlsxWriter.Write(rolled, today, output);
            Console.WriteLine($"{text}\n\n{AreaDigest.Text(tree.Children[0], period, book)}\n\nspreadsheet: {file}");
        }
        Console.WriteLine(string.Create(c, $"  digest text {text.Length:N0} characters ({text.Split('\n').Length} lines); spreadsheet {size / 1024.0:F0} KB, {plan.Indicators.Count(i => i.IsCollectedIn(period.Kind)) + 1} sheets"));
    }

    /// <summary>The median of <see cref="Runs"/> runs of a step, with its allocations, on one line (the store's city bench too).</summary>
    internal static void Measure(string name, Action step)
    {
        var times = new List<double>();
        var bytes = new List<long>();
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            step();
            times.Add(watch.Elapsed.TotalMilliseconds);
            bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - allocated);
        }
        times.Sort();
        bytes.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-48}: {times[Runs / 2],8:F0} ms (min {times[0]:F0}, max {times[^1]:F0}), {bytes[Runs / 2] / 1048576.0,7:F1} MB allocated"));
    }

    /// <summary>Every commune on the default plan's units plus a community library; a few units late or silent in each round.</summary>
    private static (TreeNode Tree, AnswerBook Book, int Answers, int Rounds) Seed(Plan plan)
    {
        var units = plan.Units.Append(new PlanUnit("TV-CD", "Thư viện cộng đồng", "thu-vien-khac", null)).Take(UnitsPerCommune).ToList();
        var city = new CityPlan("Thành phố Hải Phòng",
            [.. Enumerable.Range(1, Communes).Select(n => new CityCommune($"xa-{n:000}", $"Xã Thử {n:000}", plan))], plan.Indicators);
        var tree = Tree.City(city, _ => units);
        var book = new AnswerBook();
        var random = new Random(16);
        var answers = 0;
        var periods = Enumerable.Range(LastYear - Years + 1, Years).SelectMany(y =>
            plan.Schedule.Rounds.SelectMany(kind => kind == PeriodKind.HalfYear
                ? new[] { ReportingPeriod.FirstHalf(y), ReportingPeriod.SecondHalf(y) }
                : [new ReportingPeriod(kind, y)])).ToList();
        foreach (var period in periods)
            foreach (var unit in tree.Units)
            {
                if (random.NextDouble() < 0.04) continue; // has not reported
                var values = new Dictionary<string, AnswerValue>();
                foreach (var indicator in plan.IndicatorsFor(unit.Kind!, period.Kind))
                {
                    values[indicator.Code] = random.NextDouble() < 0.03 ? AnswerValue.Missing
                        : indicator.Kind == IndicatorKind.YesNo ? AnswerValue.Of(random.NextDouble() < 0.75)
                        : AnswerValue.Of(random.Next(0, 2_000) * (period.Year - 2000));
                    answers++;
                }
                if (values.Count > 0) book.Add(period, unit.Key!, values, late: random.NextDouble() < 0.1);
            }
        return (tree, book, answers, periods.Count);
    }
}
