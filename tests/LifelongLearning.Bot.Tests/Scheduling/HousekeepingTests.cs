using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

/// <summary>The keys of received messages are kept a month, then forgotten once a day.</summary>
public sealed class HousekeepingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-housekeeping-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly BotStore _store;
    private readonly Housekeeping _housekeeping;

    public HousekeepingTests()
    {
        _store = new BotStore(Path.Combine(_folder, "bot.db"));
        _housekeeping = new Housekeeping(_store, _clock, Options.Create(new StorageOptions { ReceivedRetentionDays = 30 }), NullLogger<Housekeeping>.Instance);
    }

    [Fact]
    public void Keys_older_than_the_retention_are_removed_and_recent_ones_kept()
    {
        Receive("telegram:update:1", daysAgo: 45);
        Receive("telegram:update:2", daysAgo: 31);
        Receive("telegram:update:3", daysAgo: 29);
        Receive("telegram:update:4", daysAgo: 0);

        Assert.Equal(2, _housekeeping.PruneReceived());

        Assert.Equal(["telegram:update:3", "telegram:update:4"], _store.Received.FindAll().Select(r => r.Id).Order());
    }

    [Fact]
    public async Task The_service_prunes_at_start_and_again_a_day_later()
    {
        Receive("telegram:update:1", daysAgo: 40);
        await _housekeeping.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _store.Received.Count() == 0);

        Receive("telegram:update:2", daysAgo: 29);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, _store.Received.Count()); // exactly 30 days old: nothing may remove it yet
        // Time goes on an hour at a time until the next daily run has removed it.
        await WaitUntilAsync(() =>
        {
            _clock.Advance(TimeSpan.FromHours(1));
            return _store.Received.Count() == 0;
        });
        await _housekeeping.StopAsync(CancellationToken.None);
    }

    private void Receive(string key, int daysAgo) =>
        _store.Write(() => _store.Received.Insert(new ReceivedMessage { Id = key, At = _clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo) }));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        _housekeeping.Dispose();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
