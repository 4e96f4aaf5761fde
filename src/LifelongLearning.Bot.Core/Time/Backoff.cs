namespace LifelongLearning.Bot.Core.Time;

/// <summary>
/// The one back-off policy of the bot: after each failure in a row the wait doubles, from <c>first</c> up to
/// <c>max</c>, and a success starts it again from <c>first</c>. The polling loops and the start's retries keep
/// one of these; the outbox, whose attempts are counted in the store, asks <see cref="After"/>.
/// </summary>
public sealed class Backoff(TimeSpan first, TimeSpan max, TimeProvider clock)
{
    private readonly TimeSpan _first = first;

    /// <summary>How long the next <see cref="WaitAsync"/> waits.</summary>
    public TimeSpan Next { get; private set; } = first;

    public void Reset() => Next = _first;

    /// <summary>
    /// Waits <see cref="Next"/> on the clock and doubles it for the failure after. Returns false, at once,
    /// when <paramref name="ct"/> is cancelled, so a loop can stop without an exception.
    /// </summary>
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        var wait = Next;
        Next = Doubled(Next, max);
        try { await Task.Delay(wait, clock, ct).ConfigureAwait(false); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return false; }
        return true;
    }

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row (1 waits <c>first</c> × 2), at most <c>max</c>.</summary>
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        var wait = first;
        for (var i = 0; i < failures && wait < max; i++) wait = Doubled(wait, max);
        return wait;
    }

    private static TimeSpan Doubled(TimeSpan wait, TimeSpan max) => wait * 2 > max ? max : wait * 2;
}
