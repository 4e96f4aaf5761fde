using System.Diagnostics;
using System.Globalization;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// What /tonghop and /xuat cost on a big store (the web bench's: ten years of yearly and half-year rounds,
/// 60 units, every indicator of the plan): the round digest with its chart, as /tonghop builds it inside the
/// message's write, and the year's report source, .xlsx and .docx. Median of a few runs, with bytes allocated.
/// `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --digest`
/// </summary>
public static class DigestBench
{
    private const int Runs = 5;

    public static void Run()
    {
        var folder = Directory.CreateTempSubdirectory("llb-digestbench-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db") });
            builder.AddBotCore();
            builder.AddExportFiles();
            using var host = builder.Build();
            var sp = host.Services;
            var store = sp.GetRequiredService<BotStore>();
            var (answers, _) = WebPagesBench.Seed(store, sp.GetRequiredService<Plan>(), sp.GetRequiredService<CommuneClock>());
            store.Checkpoint();
            var digests = sp.GetRequiredService<RoundDigests>();
            var source = sp.GetRequiredService<ReportSource>();
            var open = sp.GetRequiredService<RoundService>().OpenRounds(Communes.Shipped)[0];
            var year = ReportingPeriod.WholeYear(DateTime.UtcNow.Year - 1);
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"Digest and exports on the web bench's store ({answers:N0} answers); median of {Runs}"));
            (string Name, Action Work)[] steps =
            [
                ("digest + chart (/tonghop, in its write)", () => store.Write(() => digests.RoundDigest(open))),
                ("report source, one year", () => source.Build(ExportScope.Of(year), Communes.Shipped)),
                (".xlsx, one year", () => XlsxWriter.Write(source.Build(ExportScope.Of(year), Communes.Shipped), new MemoryStream())),
                (".docx, one year", () => DocxWriter.Write(source.Build(ExportScope.Of(year), Communes.Shipped), new MemoryStream())),
            ];
            foreach (var (name, work) in steps)
            {
                work(); // JIT and caches: not what an official waits for twice
                var times = new List<double>();
                var bytes = new List<long>();
                for (var i = 0; i < Runs; i++)
                {
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    var watch = Stopwatch.StartNew();
                    work();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
                }
                times.Sort();
                bytes.Sort();
                Console.WriteLine(string.Create(c, $"  {name,-42} {times[Runs / 2],8:F1} ms, {bytes[Runs / 2] / 1048576.0,8:F1} MB allocated"));
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
