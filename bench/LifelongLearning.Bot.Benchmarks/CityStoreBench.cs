using System.Diagnostics;
using System.Globalization;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Cities;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// CityBench's city in a real LiteDB file (<see cref="CityStoreSeed"/>), through the bot's own classes as the host
/// composes them: the store's size; a city official's /tonghop (CityFigures + CityDigest) and /xuat (CityWorkbook)
/// read from it; a city announcement to 100,000 residents queued as /thongbao does (the official's transaction, then a
/// batch a transaction), while unit heads write; then the real OutboxService and TelegramSender draining it to a loopback Bot API at Telegram's 30/s
/// for a bounded time, with the unit heads' reply latency. `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --city-store`
/// </summary>
public static class CityStoreBench
{
    private const int Residents = 100_000;
    private const int Runs = 5;
    private const int WarmUps = 2;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("llb-city-store-").FullName;
        try
        {
            var plan = PlanLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json"));
            var city = CityStoreSeed.City(plan);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db") });
            builder.AddBotCore();
            builder.AddExportFiles();
            // The generated city instead of a city file: registered last, so it is the one every service gets.
            builder.Services.AddSingleton(sp => CommuneDirectory.Of(city, sp.GetRequiredService<Core.Time.CommuneClock>()));
            using var host = builder.Build();
            var sp = host.Services;
            var store = sp.GetRequiredService<BotStore>();
            var communes = sp.GetRequiredService<CommuneDirectory>();
            Console.WriteLine($"City store: {city.Communes.Count} communes × {CityStoreSeed.UnitsPerCommune} units × {CityStoreSeed.Years} years, a real LiteDB file; load {ThroughputBench.Load()}");

            var watch = Stopwatch.StartNew();
            var answers = CityStoreSeed.Reports(store, communes, sp.GetRequiredService<RoundService>(), sp.GetRequiredService<Members>());
            var rounds = store.Read(() => store.Rounds.Count());
            Console.WriteLine(string.Create(C, $"  seeded {answers:N0} answers, {rounds:N0} rounds, {communes.All.Sum(c => c.Plan.Units.Count):N0} units and their heads in {watch.Elapsed.TotalSeconds:F0} s"));
            Size(store, "with the city's reports");

            Figures(sp, city);

            watch.Restart();
            CityStoreSeed.Residents(store, communes, Residents);
            Console.WriteLine(string.Create(C, $"  seeded {Residents:N0} subscribed residents in {watch.Elapsed.TotalSeconds:F0} s; load {ThroughputBench.Load()}"));
            Size(store, "with the residents too");

            await using var api = await FakeBotApi.StartAsync();
            var engine = sp.GetRequiredService<BotEngine>();
            // Warm the engine's path up on heads of commune 2, which the measured probes do not use.
            for (var i = 0; i < 50; i++)
                engine.Handle(new IncomingMessage(TelegramUpdateMapper.Channel, CityStoreSeed.HeadChat(CityStoreSeed.UnitsPerCommune + i % 10), "", "/trangthai", $"warm:{i}"));
            Queue(sp, engine, api);
            Size(store, "with the announcement queued too");
            await DrainAsync(sp, engine, api);
            Console.WriteLine(string.Create(C, $"  process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB; load {ThroughputBench.Load()}"));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The data file and LiteDB's log beside it, then again after the log is folded in.</summary>
    private static void Size(BotStore store, string what)
    {
        long Bytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
        var log = Path.ChangeExtension(store.DatabasePath, null) + "-log" + Path.GetExtension(store.DatabasePath);
        var (data, logged) = (Bytes(store.DatabasePath), Bytes(log));
        store.Checkpoint();
        Console.WriteLine(string.Create(C,
            $"  store {what}: {data / 1048576.0:F1} MB + {logged / 1048576.0:F1} MB log; after a checkpoint {Bytes(store.DatabasePath) / 1048576.0:F1} MB + {Bytes(log) / 1048576.0:F1} MB"));
    }

    /// <summary>What a city official's /tonghop and /xuat read and build, each timed as the median of five after warm-ups.</summary>
    private static void Figures(IServiceProvider sp, CityPlan city)
    {
        var store = sp.GetRequiredService<BotStore>();
        var communes = sp.GetRequiredService<CommuneDirectory>();
        var figures = sp.GetRequiredService<CityFigures>();
        var workbook = sp.GetRequiredService<CityWorkbook>();
        var today = communes.ClockOf(city.Communes[0].Code).Today;
        var period = store.Read(() => figures.LatestPeriod(city))!;
        string text = "";
        long size = 0;
        NodeFigures? all = null;
        (string Name, Action Step)[] steps =
        [
            ("city digest (/tonghop: read + roll-up + text)", () =>
            {
                var read = figures.Of(city, store.Read(() => figures.LatestPeriod(city))!, c => communes.ClockOf(c).Zone);
                text = CityDigest.Text(read, today);
            }),
            ("city spreadsheet (/xuat: CityWorkbook.Build)", () => size = workbook.Build(period).Content.Length),
            ("  latest period alone (every commune's rounds)", () => store.Read(() => figures.LatestPeriod(city))),
            ("  read + roll-up alone (CityFigures.Of)", () => all = figures.Of(city, period, c => communes.ClockOf(c).Zone)),
        ];
        for (var i = 0; i < WarmUps; i++)
            foreach (var (_, step) in steps) step();
        Console.WriteLine($"  {period.Label} ({period.Code}), median of {Runs} after {WarmUps} warm-ups; load {ThroughputBench.Load()}");
        foreach (var (name, step) in steps) CityBench.Measure(name, step);
        Console.WriteLine(string.Create(C,
            $"  digest text {text.Length:N0} characters; spreadsheet {size / 1024.0:F0} KB; {all!.Children.Count} communes, {all.Completeness.Expected:N0} units expected; load {ThroughputBench.Load()}"));
    }

    /// <summary>
    /// A city official's announcement as /thongbao queues it: every commune's residents found, the first batch of rows
    /// written and the rest stored as batches in the official's transaction; then the batches one a transaction, as
    /// BroadcastBatchService writes them (with its pause between batches), while unit heads write.
    /// </summary>
    private static void Queue(IServiceProvider sp, BotEngine engine, FakeBotApi api)
    {
        var store = sp.GetRequiredService<BotStore>();
        var audience = sp.GetRequiredService<Audience>();
        var broadcaster = sp.GetRequiredService<Broadcaster>();
        var batches = sp.GetRequiredService<BroadcastBatches>();
        var queued = 0;
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = new Stopwatch();
        var probe = new HeadProbe(engine, Heads(3), () => api.Now, "queue");
        Thread.Sleep(1_000); // a few replies before, to see the one that lands on the writer
        store.Write(() =>
        {
            watch.Start();
            var accounts = audience.Residents(null, null);
            broadcaster.Queue("city", null, accounts, "📢 Ngày hội đọc sách toàn thành phố, 8:00 chủ nhật tại nhà văn hóa các xã.", null);
            queued = accounts.Count;
        });
        watch.Stop();
        var turnRows = store.Read(() => store.Outbox.Count(m => m.BroadcastId == "city"));
        var all = Stopwatch.StartNew();
        var longest = TimeSpan.Zero;
        var written = 0;
        while (true)
        {
            var one = Stopwatch.StartNew();
            if (!batches.WriteNext()) break;
            if (one.Elapsed > longest) longest = one.Elapsed;
            written++;
            Thread.Sleep(BroadcastBatchService.PauseBetweenBatches);
        }
        all.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Thread.Sleep(2_000);
        probe.Dispose();
        var waits = probe.Asked.Select(a => a.Ms).Order().ToList();
        Console.WriteLine(string.Create(C,
            $"  city announcement to {queued:N0} residents: the official's transaction (audience + {turnRows:N0} rows + the rest as batches) held the writer {watch.Elapsed.TotalSeconds:F2} s; then {written} batches in {all.Elapsed.TotalSeconds:F1} s ({(queued - turnRows) / all.Elapsed.TotalSeconds:F0} rows/s), the longest {longest.TotalMilliseconds:F0} ms; {bytes / (double)queued / 1024:F0} KB allocated a row; load {ThroughputBench.Load()}"));
        Console.WriteLine(string.Create(C,
            $"    unit heads' /trangthai meanwhile: {waits.Count} replies, p50 {Percentile(waits, 0.5):F0} ms, p99 {Percentile(waits, 0.99):F0} ms, max {waits[^1]:F0} ms"));
    }

    /// <summary>The real outbox sending to the loopback Bot API for a bounded time while unit heads write, then what it sent.</summary>
    private static async Task DrainAsync(IServiceProvider sp, BotEngine engine, FakeBotApi api)
    {
        var store = sp.GetRequiredService<BotStore>();
        api.Reset();
        api.RoundTrip = TimeSpan.Zero;
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(FakeBotApi.Token, api.BaseUrl) { RetryThreshold = 0 }, http);
        var sender = new TelegramSender(bot, sp.GetRequiredService<Outgoing>(), Options.Create(new TelegramOptions { BotToken = FakeBotApi.Token }));
        using var outbox = new OutboxService([sender], store, sp.GetRequiredService<Deliveries>(),
            TimeProvider.System, NullLogger<OutboxService>.Instance);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = api.Now;
        await outbox.StartAsync(CancellationToken.None);
        var heads = Heads(5);
        var probe = new HeadProbe(engine, heads, () => api.Now, "drain");
        await Task.Delay(Drain);
        probe.Dispose();
        var end = api.Now;
        var cpuShare = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / (end - start);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last replies out
        await outbox.StopAsync(CancellationToken.None);

        var accepted = api.Accepted;
        var headChats = heads.Select(h => long.Parse(h, C)).ToHashSet();
        var sent = accepted.Count(m => !headChats.Contains(m.Chat) && m.At <= end);
        // Every message in the window counts against the token's 30/s, the heads' replies too; "steady" leaves out the
        // outbox's start (from its first send), as SendBench counts.
        var window = accepted.Where(m => m.At <= end).ToList();
        var steady = window.Count > 1 ? (window.Count - 1) / (window[^1].At - window[0].At).TotalSeconds / FakeBotApi.PerSecond : 0;
        var pending = store.Read(() => store.Outbox.Count(m => m.Status == OutboxStatus.Pending));
        var asked = probe.Asked;
        var latencies = asked.Select(a => a.Ms).Order().ToList();
        Console.WriteLine(string.Create(C,
            $"  outbox draining for {(end - start).TotalSeconds:F0} s at Telegram's {FakeBotApi.PerSecond}/s: {sent:N0} announcements sent (all messages {window.Count / (end - start).TotalSeconds / FakeBotApi.PerSecond:P1} of 30/s, {steady:P1} from the first send), {pending:N0} rows still pending, 429s {api.TooMany}, process CPU {cpuShare:P0} of a core; load {ThroughputBench.Load()}"));
        Console.WriteLine(string.Create(C,
            $"    unit heads' /trangthai meanwhile ({latencies.Count} messages, one every 200–500 ms): BotEngine.Handle to commit p50 / p99 / max {Percentile(latencies, 0.5):F0} / {Percentile(latencies, 0.99):F0} / {latencies[^1]:F0} ms"));
        // Each /trangthai is one reply, so a head's n-th reply at the platform answers its n-th message.
        var delivered = asked.GroupBy(a => a.Chat).SelectMany(g =>
        {
            var replies = accepted.Where(m => m.Chat == long.Parse(g.Key, C)).Select(m => m.At).ToList();
            return g.Zip(replies, (a, at) => (at - a.At).TotalMilliseconds);
        }).Order().ToList();
        if (delivered.Count > 0)
            Console.WriteLine(string.Create(C,
                $"    the reply at the Bot API, from the head's message: p50 / p99 / max {Percentile(delivered, 0.5):F0} / {Percentile(delivered, 0.99):F0} / {delivered[^1]:F0} ms ({delivered.Count} of {asked.Count} replies matched)"));
    }

    // Ten unit heads of ten communes (0, 11, 22 … 99), the offset-th unit of each: the queue's and the drain's are apart.
    private static List<string> Heads(int offset) =>
        [.. Enumerable.Range(0, 10).Select(i => CityStoreSeed.HeadChat(i * 11 * CityStoreSeed.UnitsPerCommune + offset))];

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
}
