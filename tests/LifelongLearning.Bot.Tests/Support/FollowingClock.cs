using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>
/// A fake clock that moves with real time (so the outbox's pacing and the host's one-minute loops run as
/// usual) and can jump forward to a chosen day, for tests of the calendar through the real host.
/// </summary>
public sealed class FollowingClock : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _follow;

    public FollowingClock(DateTimeOffset start)
    {
        Provider = new FakeTimeProvider(start);
        _follow = Task.Run(FollowAsync);
    }

    public FakeTimeProvider Provider { get; }

    /// <summary>Jumps to a local time of the commune (Asia/Ho_Chi_Minh, UTC+7).</summary>
    public void JumpToLocal(DateTime local) =>
        Provider.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(7)));

    private async Task FollowAsync()
    {
        var real = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        while (!_stop.IsCancellationRequested)
        {
            try { await Task.Delay(10, _stop.Token); }
            catch (OperationCanceledException) { return; }
            var now = real.Elapsed;
            Provider.Advance(now - last);
            last = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _follow;
        _stop.Dispose();
    }
}
