using System.Diagnostics;
using System.Globalization;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// Sending as a commune sees it: the real OutboxService and TelegramSender against a loopback Bot API that
/// enforces Telegram's limits (<see cref="FakeBotApi"/>), at round trips of 0, 100 and 300 ms, a broadcast to
/// 1,000 residents while one person gets a reply every 2 s; then the bot's CPU while it sends at 30 a second
/// with 100,000 rows queued, and the cost per message of draining 1,000, 10,000 and 100,000 queued rows with
/// a sender that answers at once; between the two, the broadcast with a kill -9 halfway (<see cref="KillBench"/>) and on
/// Zalo (<see cref="ZaloSendBench"/>). `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --send`
/// </summary>
public static class SendBench
{
    private const int Residents = 1_000;
    private const string Person = "999999999";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task RunAsync(bool quick, bool drainOnly, bool broadcastOnly = false)
    {
        await using var api = await FakeBotApi.StartAsync();
        if (!drainOnly) await BroadcastsAsync(api, quick);
        if (broadcastOnly) return;
        if (!drainOnly) await KillBench.RunAsync(api, quick);
        if (!drainOnly) await ZaloSendBench.RunAsync(quick);
        Console.WriteLine("Draining queued rows with a sender that answers at once (the bot's own work per message)");
        Console.WriteLine("  queued  | per message | allocated per message | CPU at 30/s while this many wait");
        foreach (var rows in quick ? [1_000, 10_000] : new[] { 1_000, 10_000, 100_000 })
            await DrainAsync(api, rows);
    }

    private static async Task BroadcastsAsync(FakeBotApi api, bool quick)
    {
        Console.WriteLine($"Broadcast to {Residents:N0} residents over a loopback Bot API: {FakeBotApi.PerSecond}/s overall and 1/s per chat (burst {FakeBotApi.ChatBurst}) enforced, MaxInFlight {new TelegramOptions().MaxInFlight}");
        Console.WriteLine("  round trip | share of 30/s | 429s (overall, one chat) | most to one chat in 1 s | missed | twice | reply latency p50 / max");
        foreach (var ms in quick ? [0, 300] : new[] { 0, 100, 300 })
            await BroadcastAsync(api, TimeSpan.FromMilliseconds(ms));
        Console.WriteLine();
    }

    private static async Task BroadcastAsync(FakeBotApi api, TimeSpan roundTrip)
    {
        using var world = new BroadcastWorld(Residents, TelegramUpdateMapper.Channel);
        api.Reset();
        api.RoundTrip = roundTrip;
        world.Queue("send");
        using var outbox = Outbox(world, api, out var http);
        using var _ = http;
        var asked = new List<TimeSpan>();
        await outbox.StartAsync(CancellationToken.None);
        while (world.Store.Broadcasts.FindById("send").ReportedAt is null)
        {
            // A person writes every 2 s while the broadcast goes: the engine queues the reply as it would.
            if (asked.Count == 0 || api.Now - asked[^1] >= TimeSpan.FromSeconds(2))
            {
                world.Store.Write(() => world.Messenger.Enqueue(new OutboxMessage
                {
                    Channel = TelegramUpdateMapper.Channel, ChatId = Person, Text = $"Trả lời {asked.Count + 1}", Kind = OutboxKinds.Reply,
                }));
                asked.Add(api.Now);
            }
            await Task.Delay(10);
        }
        var person = long.Parse(Person, C);
        while (api.Accepted.Count(m => m.Chat == person) < asked.Count) await Task.Delay(10);
        await outbox.StopAsync(CancellationToken.None);

        var accepted = api.Accepted;
        var residents = accepted.Where(m => m.Chat != person).GroupBy(m => m.Chat).ToDictionary(g => g.Key, g => g.Count());
        var span = accepted[^1].At - accepted[0].At;
        var share = (accepted.Count - 1) / span.TotalSeconds / FakeBotApi.PerSecond;
        var latencies = accepted.Where(m => m.Chat == person).Select((m, i) => m.At - asked[i]).Order().ToList();
        Console.WriteLine(string.Create(C,
            $"  {roundTrip.TotalMilliseconds,7:F0} ms | {share,12:P1} | {api.TooMany,9}, {api.TooManyToChat,8} | {MostInOneSecond(accepted),23} | {Residents - residents.Count,6} | {residents.Values.Sum(n => n - 1),5} | {latencies[latencies.Count / 2].TotalMilliseconds,6:F0} / {latencies[^1].TotalMilliseconds:F0} ms ({latencies.Count} replies)"));
    }

    private static async Task DrainAsync(FakeBotApi api, int rows)
    {
        using var world = new BroadcastWorld(rows, TelegramUpdateMapper.Channel);
        var queued = world.Queue("drain");

        // First the bot's CPU while it sends at Telegram's pace with the whole queue waiting (the fake server
        // runs in this process too: its share is in the figure).
        api.Reset();
        api.RoundTrip = TimeSpan.Zero;
        var paced = Outbox(world, api, out var http);
        await paced.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var cpuShare = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / watch.Elapsed;
        await paced.StopAsync(CancellationToken.None);
        paced.Dispose();
        http.Dispose();
        var left = world.Store.Outbox.Count(m => m.Status == OutboxStatus.Pending);

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        await world.DrainAsync("drain", left);
        var time = watch.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(C,
            $"  {queued,7:N0} | {time.TotalMilliseconds * 1000 / left,8:F0} µs | {bytes / (double)left / 1024,18:F1} KB | {cpuShare,6:P1} of a core"));
    }

    private static OutboxService Outbox(BroadcastWorld world, FakeBotApi api, out HttpClient http)
    {
        http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(FakeBotApi.Token, api.BaseUrl) { RetryThreshold = 0 }, http);
        var sender = new TelegramSender(bot, new Outgoing(world.Store), Options.Create(new TelegramOptions { BotToken = FakeBotApi.Token }));
        return new OutboxService([sender], world.Store, new Deliveries(world.Store, world.Local, world.Messenger, world.Broadcaster), TimeProvider.System, NullLogger<OutboxService>.Instance);
    }

    /// <summary>The most messages one chat got in any one second.</summary>
    internal static int MostInOneSecond(IReadOnlyList<(long Chat, TimeSpan At)> accepted) =>
        accepted.GroupBy(m => m.Chat).Max(g =>
        {
            var times = g.Select(m => m.At).ToList();
            return times.Select((at, i) => times.Skip(i).TakeWhile(t => t - at < TimeSpan.FromSeconds(1)).Count()).Max();
        });
}
