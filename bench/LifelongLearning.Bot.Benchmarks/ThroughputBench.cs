using System.Diagnostics;
using System.Globalization;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// Messages a second the engine handles end to end (BotEngine.Handle: dedupe, who is it, the report step, the
/// conversation, the replies in the outbox, one commit) while 200 unit heads report at once, beside LiteDB's own
/// floor on the same file in the same run: one bare insert and commit per message. Each unit head is a thread that
/// sends its whole report (/baocao, one answer a question, OK) and waits for each message to be handled before the
/// next, as a person waits for the bot's question; a message's latency is from the call to its commit, which is
/// when a channel confirms it to the platform. `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --throughput`
/// </summary>
public static class ThroughputBench
{
    private const int Heads = 200;
    private const string Channel = "bench";

    public static void Run()
    {
        var folder = Directory.CreateTempSubdirectory("llb-throughput-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db") });
            builder.AddBotCore();
            using var host = builder.Build();
            var sp = host.Services;
            var store = sp.GetRequiredService<BotStore>();
            var engine = sp.GetRequiredService<BotEngine>();
            var scripts = Seed(sp);
            store.Checkpoint();
            var c = CultureInfo.InvariantCulture;
            var messages = scripts.Sum(s => s.Length);

            // Warm-up: JIT and LiteDB's caches, on messages that change nothing a report reads.
            for (var i = 0; i < 200; i++) engine.Handle(new IncomingMessage(Channel, $"h{i % Heads}", "", "/trogiup", $"warm:{i}"));

            var written = Written();
            var floor = Floor(store, messages);
            var floorWritten = Written() - written;
            written = Written();
            var (wall, latencies, bytes) = Engine(engine, scripts);
            var engineWritten = Written() - written;
            var answers = store.Read(() => store.Answers.Count());
            latencies.Sort();
            var rate = messages / wall.TotalSeconds;
            Console.WriteLine(string.Create(c, $"Throughput: {Heads} unit heads report at once ({messages:N0} messages, {answers:N0} answers stored); load {Load()}"));
            Console.WriteLine(string.Create(c, $"  LiteDB floor, insert + commit per message : {floor,8:F0} a second"));
            Console.WriteLine(string.Create(c, $"  engine, BotEngine.Handle to its commit    : {rate,8:F0} messages a second ({rate / floor:P0} of the floor), {answers / wall.TotalSeconds:F0} answers a second"));
            Console.WriteLine(string.Create(c, $"  allocated per message                     : {bytes / (double)messages / 1024,8:F1} KB"));
            Console.WriteLine(string.Create(c, $"  reply latency p50 / p99 / max             : {Percentile(latencies, 0.50),6:F0} / {Percentile(latencies, 0.99):F0} / {latencies[^1]:F0} ms"));
            if (written >= 0)
                Console.WriteLine(string.Create(c, $"  written to the files per message          : {engineWritten / (double)messages / 1024,8:F1} KB (the floor's commit: {floorWritten / (double)messages / 1024:F1} KB)"));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>One transaction per row through the store's own Write, on the bot's file: the cost of a commit.</summary>
    private static double Floor(BotStore store, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
            store.Write(() => store.Received.Insert(new ReceivedMessage { Id = $"floor:{i}", At = DateTime.UtcNow }));
        var rate = count / watch.Elapsed.TotalSeconds;
        store.Write(() => store.Received.DeleteMany(r => r.Id.StartsWith("floor:")));
        return rate;
    }

    private static (TimeSpan Wall, List<double> Latencies, long Bytes) Engine(BotEngine engine, string[][] scripts)
    {
        var latencies = new List<double>[Heads];
        using var start = new Barrier(Heads + 1);
        var threads = Enumerable.Range(0, Heads).Select(h => new Thread(() =>
        {
            var mine = latencies[h] = new List<double>(scripts[h].Length);
            start.SignalAndWait();
            var n = 0;
            foreach (var text in scripts[h])
            {
                var at = Stopwatch.GetTimestamp();
                engine.Handle(new IncomingMessage(Channel, $"h{h}", $"Người báo cáo {h}", text, $"{Channel}:h{h}:{n++}"));
                mine.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
        }) { IsBackground = true }).ToList();
        foreach (var thread in threads) thread.Start();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        foreach (var thread in threads) thread.Join();
        var wall = watch.Elapsed;
        return (wall, [.. latencies.SelectMany(l => l)], GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    /// <summary>200 units (the plan's own, then more of the same kinds), a unit head each, the last half-year's round open.</summary>
    private static string[][] Seed(IServiceProvider sp)
    {
        var store = sp.GetRequiredService<BotStore>();
        var plan = sp.GetRequiredService<Plan>();
        var members = sp.GetRequiredService<Members>();
        var rounds = sp.GetRequiredService<RoundService>();
        var units = Enumerable.Range(0, Heads).Select(n =>
        {
            var like = plan.Units[n % plan.Units.Count];
            return new UnitRecord { Id = n < plan.Units.Count ? like.Code : $"{like.Code}-{n}", Name = $"{like.Name} số {n}", Kind = like.Kind, Area = like.Area };
        }).ToList();
        return store.Write(() =>
        {
            store.Units.DeleteAll();
            store.Units.InsertBulk(units);
            var round = rounds.Open(Communes.Shipped, ReportingPeriod.LastEndedBefore(PeriodKind.HalfYear, DateOnly.FromDateTime(DateTime.UtcNow)), askReporters: false);
            return units.Select((u, h) =>
            {
                members.Create(Channel, $"h{h}", $"Người báo cáo {h}", Role.Reporter, u.Id, Communes.Shipped);
                var answers = rounds.IndicatorsFor(u, round).Select(i => i.Kind switch
                {
                    IndicatorKind.YesNo => "có",
                    IndicatorKind.Money => "5000000",
                    _ => (100 + h).ToString(CultureInfo.InvariantCulture),
                });
                return (string[])["/baocao", .. answers, "OK"];
            }).ToArray();
        });
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// Bytes the process has written to files so far (Linux's /proc/self/io "wchar"), or -1 elsewhere: a commit's
    /// cost is mostly the pages it writes to the log and, at a checkpoint, to the data file, and this count does not
    /// depend on how busy the shared machine is.
    /// </summary>
    private static long Written()
    {
        const string Io = "/proc/self/io";
        if (!File.Exists(Io)) return -1;
        var line = File.ReadLines(Io).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    internal static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
