using System.Globalization;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// The broadcast of <see cref="SendBench"/> on Zalo: the real OutboxService, ZaloSender and ZaloClient with the
/// default options (Zalo:MessagesPerSecond, Zalo:MaxInFlight, one a second to a chat) against the loopback
/// <see cref="FakeZaloApi"/>, which refuses what goes beyond that configured rate, at round trips of 0, 100 and 300 ms.
/// `-- --zalo` (also in `-- --send`)
/// </summary>
public static class ZaloSendBench
{
    private const int Residents = 1_000;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task RunAsync(bool quick)
    {
        var defaults = new ZaloOptions();
        var rate = (int)defaults.MessagesPerSecond;
        await using var api = await FakeZaloApi.StartAsync(rate);
        Console.WriteLine($"Zalo broadcast to {Residents:N0} residents over a loopback Zalo Bot API: the configured {rate}/s overall and 1/s per chat enforced, MaxInFlight {defaults.MaxInFlight}; load {ThroughputBench.Load()}");
        Console.WriteLine($"  round trip | share of {rate}/s | refusals (overall, one chat) | most to one chat in 1 s | missed | twice | time");
        foreach (var ms in quick ? [0, 300] : new[] { 0, 100, 300 })
            await OneAsync(api, TimeSpan.FromMilliseconds(ms), rate);
        Console.WriteLine();
    }

    private static async Task OneAsync(FakeZaloApi api, TimeSpan roundTrip, int rate)
    {
        using var world = new BroadcastWorld(Residents, ZaloUpdateMapper.Channel);
        api.Limits.Reset();
        api.RoundTrip = roundTrip;
        world.Queue("zalo");
        var options = Options.Create(new ZaloOptions { BotToken = FakeZaloApi.Token, ApiBaseUrl = api.BaseUrl });
        using var http = new HttpClient();
        var sender = new ZaloSender(new ZaloClient(http, options), new PublicFiles(world.Store, world.Local), world.Local, options,
            [ZaloSender.Profile], NullLogger<ZaloSender>.Instance);
        using var outbox = new OutboxService([sender], world.Store, new Deliveries(world.Store, world.Local, world.Messenger, world.Broadcaster), TimeProvider.System, NullLogger<OutboxService>.Instance);
        var started = api.Limits.Now;
        await outbox.StartAsync(CancellationToken.None);
        while (world.Store.Broadcasts.FindById("zalo").ReportedAt is null) await Task.Delay(10);
        await outbox.StopAsync(CancellationToken.None);

        var accepted = api.Limits.Accepted;
        var perResident = accepted.GroupBy(m => m.Chat).ToDictionary(g => g.Key, g => g.Count());
        var share = (accepted.Count - 1) / (accepted[^1].At - accepted[0].At).TotalSeconds / rate;
        Console.WriteLine(string.Create(C,
            $"  {roundTrip.TotalMilliseconds,7:F0} ms | {share,11:P1} | {api.Limits.TooMany,14}, {api.Limits.TooManyToChat,8} | {SendBench.MostInOneSecond(accepted),23} | {Residents - perResident.Count,6} | {perResident.Values.Sum(n => n - 1),5} | {(api.Limits.Now - started).TotalSeconds:F0} s"));
    }
}
