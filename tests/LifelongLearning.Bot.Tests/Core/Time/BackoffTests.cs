using LifelongLearning.Bot.Core.Time;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Time;

public class BackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    /// <summary>Advances the fake clock a second at a time until the wait ends; returns how long it took.</summary>
    private static async Task<TimeSpan> WaitedAsync(Backoff backoff, FakeTimeProvider clock)
    {
        var start = clock.GetUtcNow();
        var wait = backoff.WaitAsync(CancellationToken.None);
        while (!wait.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(wait, Task.Delay(10));
        }
        Assert.True(await wait);
        return clock.GetUtcNow() - start;
    }

    [Fact]
    public async Task Failures_in_a_row_wait_twice_as_long_each_time_up_to_the_most_and_a_success_starts_again()
    {
        var clock = new FakeTimeProvider();
        var backoff = new Backoff(First, Max, clock);
        var waits = new List<double>();
        for (var i = 0; i < 7; i++) waits.Add((await WaitedAsync(backoff, clock)).TotalSeconds);
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits);

        backoff.Reset();
        Assert.Equal(First, backoff.Next);
        Assert.Equal(1, (await WaitedAsync(backoff, clock)).TotalSeconds);
    }

    [Fact]
    public async Task A_wait_ends_at_once_without_an_exception_when_the_bot_stops()
    {
        var backoff = new Backoff(First, Max, new FakeTimeProvider());
        using var stopping = new CancellationTokenSource();
        var wait = backoff.WaitAsync(stopping.Token);
        Assert.False(wait.IsCompleted);
        await stopping.CancelAsync();
        Assert.False(await wait);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(10, 1024)]
    [InlineData(11, 1800)] // 2048 s is past the outbox's 30 minutes
    [InlineData(40, 1800)]
    public void The_outboxs_nth_retry_waits_as_the_loops_do(int attempts, double seconds) =>
        Assert.Equal(seconds, Backoff.After(attempts, First, TimeSpan.FromMinutes(30)).TotalSeconds);
}
