namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// A channel's last N sends, each with the latest moment the platform may have counted it. The platform counts a
/// message when it arrives, somewhere between its start and its answer; a send slower than the fastest lately
/// (a new connection's handshake, a loaded machine, a queue on the way) may have arrived by as much later than
/// its start. Counting every send at its start let the first window's late arrivals and the next window's early
/// ones fall in one second (the 429 in the first second of SendBench's broadcast at 0 and 100 ms). Not thread-safe:
/// the <see cref="Pacer"/> holds its lock around every call.
/// </summary>
internal sealed class StartWindow
{
    /// <summary>
    /// A send counts at most this share of the window after its start: beyond it the answer was slow on its way
    /// back as likely as out, and waiting on it would idle the channel behind one stalled request; a 429 (its
    /// pause and a wider margin) covers that rare case.
    /// </summary>
    public const double MaxLateShare = 0.25;

    /// <summary>Round trips kept to find the fastest lately: enough to hold a warm one, few enough to follow a changed path.</summary>
    private const int RoundTrips = 32;

    // RoundTrip is zero until the answer: the lateness is read against the fastest round trip when asked, since the
    // first sends (the slow ones) are answered before any fast one is known.
    private readonly (DateTimeOffset Start, TimeSpan RoundTrip, string? Chat)[] _slots;
    private readonly Dictionary<string, (int Slot, DateTimeOffset Start)> _open = [];
    private readonly TimeSpan[] _roundTrips = Enumerable.Repeat(TimeSpan.MaxValue, RoundTrips).ToArray();
    private readonly TimeSpan _maxLate;
    private int _next;
    private int _nextRoundTrip;

    public StartWindow(int size, TimeSpan window)
    {
        _slots = Enumerable.Repeat((DateTimeOffset.MinValue, TimeSpan.Zero, (string?)null), size).ToArray();
        _maxLate = window * MaxLateShare;
    }

    /// <summary>
    /// The earliest of the window's sends as the platform may have counted them, each at least <paramref name="least"/>
    /// after its start (the margin: drift too small to show in a round trip); a full window's next send may start a
    /// window after it. <see cref="DateTimeOffset.MinValue"/> while the window is not full.
    /// </summary>
    public DateTimeOffset Earliest(TimeSpan least)
    {
        var fastest = TimeSpan.MaxValue;
        foreach (var roundTrip in _roundTrips) if (roundTrip < fastest) fastest = roundTrip;
        var earliest = DateTimeOffset.MaxValue;
        foreach (var slot in _slots)
        {
            if (slot.Start == DateTimeOffset.MinValue) return DateTimeOffset.MinValue;
            var late = slot.RoundTrip > fastest ? slot.RoundTrip - fastest : TimeSpan.Zero;
            var counted = slot.Start + (late > _maxLate ? _maxLate : late < least ? least : late);
            if (counted < earliest) earliest = counted;
        }
        return earliest;
    }

    /// <summary>
    /// A send to the chat starts: until its answer it counts at its start (waiting on a send in flight would hold
    /// the channel behind the slowest request), and it takes the place of the oldest.
    /// </summary>
    public void Started(string chatId, DateTimeOffset now)
    {
        if (_slots[_next].Chat is { } old && _open.TryGetValue(old, out var open) && open.Slot == _next) _open.Remove(old);
        _slots[_next] = (now, TimeSpan.Zero, chatId);
        _open[chatId] = (_next, now);
        _next = (_next + 1) % _slots.Length;
    }

    /// <summary>The chat's send got its answer: it may have been counted as late after its start as its round trip is beyond the fastest lately.</summary>
    public void Answered(string chatId, DateTimeOffset now)
    {
        if (!_open.Remove(chatId, out var open) || _slots[open.Slot].Start != open.Start) return;
        var roundTrip = now - open.Start;
        _roundTrips[_nextRoundTrip] = roundTrip;
        _nextRoundTrip = (_nextRoundTrip + 1) % RoundTrips;
        _slots[open.Slot] = (open.Start, roundTrip, chatId);
    }
}
