using System.Globalization;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// The broadcast of <see cref="SendBench"/> with a crash in the middle: the built bot (<see cref="BuiltBot"/>) sends a
/// broadcast to 1,000 residents queued in its store at Telegram's limit to the loopback <see cref="FakeBotApi"/>, gets a
/// SIGKILL once half the residents have it, and is started again on the same store at once, as systemd would. What a
/// commune asks: was anyone missed, did anyone get it twice (at most the sends in flight at the kill may repeat), and
/// what did the crash cost of the rate. `-- --kill` (also in `-- --send`)
/// </summary>
public static class KillBench
{
    private const int Residents = 1_000;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static async Task RunAsync(FakeBotApi api, bool quick)
    {
        Console.WriteLine($"Broadcast to {Residents:N0} residents by the built bot, SIGKILL at half, started again on the same store; load {ThroughputBench.Load()}");
        Console.WriteLine("  round trip | before the kill | after | in flight at the kill | missed | twice | share of 30/s (whole run, restart in it) | restart gap | 429s (overall, one chat)");
        foreach (var ms in quick ? [300] : new[] { 0, 300 })
            await OneAsync(api, TimeSpan.FromMilliseconds(ms));
        Console.WriteLine();
    }

    private static async Task OneAsync(FakeBotApi api, TimeSpan roundTrip)
    {
        using var world = new BroadcastWorld(Residents, TelegramUpdateMapper.Channel);
        world.Queue("kill");
        world.Store.Dispose(); // the bot's store from here on: one process at a time
        var folder = Path.GetDirectoryName(world.DbPath)!;
        api.Reset();
        api.RoundTrip = roundTrip;

        using (var first = BuiltBot.Start(api, folder, world.DbPath))
        {
            await UntilAsync(() => Distinct(api) >= Residents / 2, first, "reach half the residents");
            first.Signal(BuiltBot.SigKill);
            await first.Process.WaitForExitAsync();
        }
        // A send already on its way when the process died still reaches the platform, as it would reach Telegram.
        await Task.Delay(roundTrip + TimeSpan.FromMilliseconds(100));
        var before = api.Accepted;
        var markedSent = MarkedSent(world.DbPath);

        using (var second = BuiltBot.Start(api, folder, world.DbPath))
        {
            await UntilAsync(() => Distinct(api) >= Residents, second, "reach every resident");
            // Long enough for a late second copy to show, then the stop an operator gives.
            await Task.Delay(TimeSpan.FromSeconds(3));
            second.Signal(BuiltBot.SigTerm);
            await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        var accepted = api.Accepted;
        var perResident = accepted.GroupBy(m => m.Chat).ToDictionary(g => g.Key, g => g.Count());
        var span = accepted[^1].At - accepted[0].At;
        var share = (accepted.Count - 1) / span.TotalSeconds / FakeBotApi.PerSecond;
        var gap = accepted[before.Count].At - before[^1].At;
        Console.WriteLine(string.Create(C,
            $"  {roundTrip.TotalMilliseconds,7:F0} ms | {before.Count,15} | {accepted.Count - before.Count,5} | {before.Count - markedSent,21} | {Residents - perResident.Count,6} | {perResident.Values.Sum(n => n - 1),5} | {share,40:P1} | {gap.TotalSeconds,9:F1} s | {api.TooMany,9}, {api.TooManyToChat}"));
    }

    private static int Distinct(FakeBotApi api) => api.Accepted.Select(m => m.Chat).Distinct().Count();

    /// <summary>Rows the killed bot had marked sent: what it knew it had sent; the rest of what the platform took was in flight.</summary>
    private static int MarkedSent(string databasePath)
    {
        using var store = new BotStore(databasePath);
        return store.Outbox.Count(m => m.Status == OutboxStatus.Sent);
    }

    private static async Task UntilAsync(Func<bool> done, BuiltBot bot, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!done())
        {
            if (bot.Process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"The bot did not {what}; its stderr:{Environment.NewLine}{bot.Errors}");
            await Task.Delay(10);
        }
    }
}
