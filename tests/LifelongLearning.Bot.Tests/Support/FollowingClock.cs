namespace LifelongLearning.Bot.Tests.Support;

/// <summary>
/// A clock that runs with real time (so the outbox's pacing and the host's one-minute loops behave as in
/// production) from a chosen start, and can jump forward to a chosen day. Its timers are real timers, moved
/// forward on a jump: they fire on the thread pool, never inside the test's call, so nothing the bot does
/// on a timer can run on (and hold up) the thread that moves the clock.
/// </summary>
public sealed class FollowingClock : TimeProvider, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JumpingTimer> _timers = [];
    private TimeSpan _offset;

    public FollowingClock(DateTimeOffset start) => _offset = start - System.GetUtcNow();

    /// <summary>This clock, for the host's services.</summary>
    public TimeProvider Provider => this;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return System.GetUtcNow() + _offset;
    }

    /// <summary>Jumps to a local time of the commune (Asia/Ho_Chi_Minh, UTC+7); timers due by then fire at once.</summary>
    public void JumpToLocal(DateTime local)
    {
        var target = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(7));
        List<JumpingTimer> timers;
        lock (_gate)
        {
            var delta = target - (System.GetUtcNow() + _offset);
            if (delta < TimeSpan.Zero) throw new InvalidOperationException("The clock only goes forward.");
            _offset += delta;
            timers = [.. _timers];
        }
        foreach (var timer in timers) timer.Reschedule();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new JumpingTimer(this, callback, state);
        lock (_gate) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    public ValueTask DisposeAsync()
    {
        List<JumpingTimer> timers;
        lock (_gate) timers = [.. _timers];
        foreach (var timer in timers) timer.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Forget(JumpingTimer timer)
    {
        lock (_gate) _timers.Remove(timer);
    }

    /// <summary>A real timer that remembers when, on this clock, it is due, so a jump can bring that forward.</summary>
    private sealed class JumpingTimer : ITimer
    {
        private readonly FollowingClock _clock;
        private readonly ITimer _inner;
        private readonly Lock _gate = new();
        private DateTimeOffset? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public JumpingTimer(FollowingClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _inner = System.CreateTimer(s =>
            {
                lock (_gate) _dueAt = _period == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + _period;
                callback(s);
            }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _period = period;
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                return _inner.Change(dueTime, period);
            }
        }

        public void Reschedule()
        {
            lock (_gate)
            {
                if (_dueAt is not { } due) return;
                var remaining = due - _clock.GetUtcNow();
                _inner.Change(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining, _period);
            }
        }

        public void Dispose()
        {
            _inner.Dispose();
            _clock.Forget(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
