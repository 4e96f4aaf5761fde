using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using LifelongLearning.Bot.Benchmarks;

// dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks [-- --quick]
// First one plain pass with the figures a person asks for (messages a second, allocations, file size),
// then BenchmarkDotNet's measurement of the same two steps, unless --quick.
// `-- --web`: the officials' web pages on a big store instead (WebPagesBench).
// `-- --city`: the city's digest and spreadsheet over 114 communes, in memory (CityBench; `--show` prints the texts and writes the spreadsheet).
if (args.Contains("--web")) { WebPagesBench.Run(); return; }
// `-- --digest`: /tonghop's digest and chart, the .xlsx and the .docx on the web bench's ten-year store (DigestBench).
if (args.Contains("--digest")) { DigestBench.Run(); return; }
// `-- --throughput`: messages a second through the engine with 200 unit heads reporting at once, beside LiteDB's floor (ThroughputBench).
if (args.Contains("--throughput")) { ThroughputBench.Run(); return; }
// `-- --size`: the store of one commune after a simulated year and ten, housekeeping on, and what the start-up rebuild gives back (SizeBench).
if (args.Contains("--size")) { SizeBench.Run(); return; }
// `-- --city-store`: the same city in a real LiteDB store: its size, /tonghop and /xuat from it, and unit heads' replies while a city announcement drains (CityStoreBench).
if (args.Contains("--city-store")) { await CityStoreBench.RunAsync(); return; }
if (args.Contains("--city")) { CityBench.Run(args.Contains("--show")); return; }
// `-- --calendar`: one minute tick of the reporting calendar with 0, 10,000 and 100,000 outbox rows (CalendarTickBench).
if (args.Contains("--calendar")) { CalendarTickBench.Run(); return; }
// `-- --idle`: the built bot polling a loopback Bot API: time to its first poll, memory and CPU after 30 s idle, SIGTERM (IdleBench).
if (args.Contains("--idle")) { await IdleBench.RunAsync(); return; }
// `-- --send`: sending at the platform's limit over a loopback Bot API, the same broadcast with a kill -9 halfway, and the
// cost per message by queue length (SendBench); `-- --drain` only the last, `-- --broadcast` only the first, `-- --kill` only the kill (KillBench).
// `-- --zalo`: the same broadcast through the real Zalo sender to a loopback Zalo Bot API at its configured rate (ZaloSendBench).
if (args.Contains("--zalo") && !args.Contains("--send")) { await ZaloSendBench.RunAsync(quick: args.Contains("--quick")); return; }
if (args.Contains("--kill") && !args.Contains("--send"))
{
    await using var api = await FakeBotApi.StartAsync();
    await KillBench.RunAsync(api, quick: args.Contains("--quick"));
    return;
}
if (args.Contains("--send") || args.Contains("--drain") || args.Contains("--broadcast"))
{
    await SendBench.RunAsync(quick: args.Contains("--quick"), drainOnly: args.Contains("--drain"), broadcastOnly: args.Contains("--broadcast"));
    return;
}
const int recipients = 10_000;
Figures(recipients);
if (!args.Contains("--quick")) BenchmarkRunner.Run<BroadcastBenchmarks>(args: [.. args.Where(a => a != "--quick")]);

static void Figures(int recipients)
{
    using var world = new BroadcastWorld(recipients);
    var before = world.FileBytes();

    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var queued = world.Queue("figures");
    var queueTime = watch.Elapsed;
    var queueBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    var afterQueue = world.FileBytes();

    GC.Collect();
    allocated = GC.GetTotalAllocatedBytes(precise: true);
    watch.Restart();
    world.DrainAsync("figures", queued).GetAwaiter().GetResult();
    var drainTime = watch.Elapsed;
    var drainBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    var afterDrain = world.FileBytes();

    var c = CultureInfo.InvariantCulture;
    Console.WriteLine($"Broadcast to {queued:N0} residents (one pass, fresh LiteDB file)");
    Console.WriteLine(string.Create(c, $"  queue : {queueTime.TotalMilliseconds,8:F0} ms, {queueBytes / 1048576.0,7:F1} MB allocated, {queued / queueTime.TotalSeconds,8:F0} rows/s"));
    Console.WriteLine(string.Create(c, $"  drain : {drainTime.TotalMilliseconds,8:F0} ms, {drainBytes / 1048576.0,7:F1} MB allocated ({drainBytes / (double)queued / 1024:F1} KB a message), {queued / drainTime.TotalSeconds,8:F0} messages/s"));
    Console.WriteLine(string.Create(c, $"  file  : {before / 1048576.0:F1} MB with the residents, {afterQueue / 1048576.0:F1} MB queued, {afterDrain / 1048576.0:F1} MB sent"));
}
