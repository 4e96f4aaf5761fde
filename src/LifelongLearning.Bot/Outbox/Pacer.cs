using LifelongLearning.Bot.Engine;

namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// Keeps a channel within its platform's limits, booking each message when its send starts, so that sends in
/// flight at once count as they go (booked when the answer came back, every interval was the limit's plus the
/// round trip). Overall: at most N sends in any window of N/rate seconds, a little wider for the network's
/// jitter, each counted as late as its answer says the platform may have seen it (<see cref="StartWindow"/>), and spread evenly: never closer than <see cref="Spread"/> of an interval (a second's starts bunched
/// at its start drew a 429 when the platform saw the next second's first ones arrive early). Per chat: one
/// message per interval (a burst only where the limits allow one), never crediting the time a send was in
/// flight: the platform counted it somewhere in between; a photo's text sent after it waits its own turn. A 429 pauses the whole channel. One loop starts the sends; their answers come back on other threads.
/// </summary>
public sealed class Pacer
{
    /// <summary>
    /// The overall window is at least this much wider than the limit's: arrivals at the platform move a few ms against
    /// our starts. A send whose round trip was slower than the fastest by more widens it by that (<see cref="StartWindow"/>).
    /// </summary>
    public const double Margin = 0.02;

    /// <summary>
    /// Each 429 widens the window by this much more, up to <see cref="MaxMargin"/>: the platform counted more in a
    /// second than we started, so arrivals move more than the margin allows (a loaded server, a jittery link).
    /// It narrows back by as much after each <see cref="CalmStarts"/> sends without one.
    /// </summary>
    public const double MarginStep = 0.01;
    public const double MaxMargin = 0.10;
    public const int CalmStarts = 1_000;

    /// <summary>
    /// Starts are at least this share of the overall interval apart: not 1, since each timer ends a little late
    /// and the lost time would never come back; the window above keeps the rate itself.
    /// </summary>
    public const double Spread = 0.9;

    private readonly Lock _gate = new();
    private readonly ChannelLimits _limits;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, (DateTimeOffset At, double Tokens)> _chats = [];
    private readonly StartWindow _window;
    private readonly TimeSpan _limitWindow;
    private double _margin = Margin;
    private int _calmStarts;
    private readonly TimeSpan _spacing;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

    public Pacer(ChannelLimits limits, TimeProvider clock)
    {
        _limits = limits;
        _clock = clock;
        // A window of at most 1,000 starts: the options allow no more a second, and a test's "no limit" stays small.
        var perWindow = (int)Math.Clamp(Math.Floor(limits.MessagesPerSecond), 1, 1_000);
        _limitWindow = TimeSpan.FromSeconds(perWindow / limits.MessagesPerSecond);
        _window = new StartWindow(perWindow, _limitWindow);
        _spacing = TimeSpan.FromSeconds(Spread / limits.MessagesPerSecond);
    }

    /// <summary>Until when a 429 stopped the channel (in the past when it did not).</summary>
    public DateTimeOffset PausedUntil { get { lock (_gate) return _pausedUntil; } }

    /// <summary>How many 429s have paused the channel: the loop starts its pass again after one.</summary>
    public int Pauses { get { lock (_gate) return _pauses; } }

    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _pauses;

    /// <summary>How long until any message may start on this channel (its overall pace, a pause); zero when one may start now.</summary>
    public TimeSpan ChannelReadyIn()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var at = Latest(_pausedUntil, Later(_lastStart, _spacing), Later(_window.Earliest(_limitWindow * _margin), _limitWindow));
            return at > now ? at - now : TimeSpan.Zero;
        }
    }

    /// <summary>How long until a message to this chat may start (its own pace only); zero when it may start now.</summary>
    public TimeSpan ChatReadyIn(string chatId)
    {
        double tokens;
        lock (_gate) tokens = TokensAt(chatId, _clock.GetUtcNow());
        return tokens >= 1 ? TimeSpan.Zero : _limits.PerChatInterval * (1 - tokens);
    }

    /// <summary>
    /// Starts a message to the chat now if both the channel and the chat are ready, in one step: the second
    /// message of a row (a photo's text, <see cref="SendPace"/>) books from a send's thread while the loop books
    /// from its own. Zero when it started, else how long until it may.
    /// </summary>
    public TimeSpan TryStart(string chatId)
    {
        lock (_gate)
        {
            var wait = ChannelReadyIn();
            var chatWait = ChatReadyIn(chatId);
            if (chatWait > wait) wait = chatWait;
            if (wait > TimeSpan.Zero) return wait;
            Start(chatId);
            return TimeSpan.Zero;
        }
    }

    /// <summary>A message to the chat starts now: it takes its slot of the channel and of the chat.</summary>
    public void Start(string chatId)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            _chats[chatId] = (now, TokensAt(chatId, now) - 1);
            _window.Started(chatId, now);
            _lastStart = now;
            if (++_calmStarts >= CalmStarts && _margin > Margin)
            {
                _margin = Math.Max(Margin, _margin - MarginStep);
                _calmStarts = 0;
            }
            if (_chats.Count > 50_000) Forget(now);
        }
    }

    /// <summary>
    /// A row that goes as more than one message: its previous message is answered; waits until the next may go to the
    /// chat and books it (what a channel's <see cref="SendPace"/> calls).
    /// </summary>
    public async Task NextMessageAsync(string chatId, CancellationToken cancellationToken)
    {
        Finished(chatId);
        while (TryStart(chatId) is var wait && wait > TimeSpan.Zero)
            await Task.Delay(wait, _clock, cancellationToken);
    }

    /// <summary>
    /// The send to the chat got its answer: the chat's allowance refills again only from now, and the overall window
    /// learns how late the platform may have counted it.
    /// </summary>
    public void Finished(string chatId)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_chats.TryGetValue(chatId, out var state)) _chats[chatId] = (now, state.Tokens);
            _window.Answered(chatId, now);
        }
    }

    /// <summary>The platform said to slow down: nothing more starts on this channel until then.</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_gate)
        {
            var until = _clock.GetUtcNow() + duration;
            if (until > _pausedUntil) _pausedUntil = until;
            _pauses++;
            _margin = Math.Min(MaxMargin, _margin + MarginStep);
            _calmStarts = 0;
        }
    }

    private double TokensAt(string chatId, DateTimeOffset now)
    {
        if (!_chats.TryGetValue(chatId, out var last)) return _limits.PerChatBurst;
        var refill = now > last.At ? (now - last.At) / _limits.PerChatInterval : 0;
        return Math.Min(_limits.PerChatBurst, last.Tokens + refill);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (chat, state) in _chats.ToList())
            if (now - state.At > _limits.PerChatInterval * _limits.PerChatBurst) _chats.Remove(chat);
    }

    private static DateTimeOffset Later(DateTimeOffset at, TimeSpan by) => at == DateTimeOffset.MinValue ? at : at + by;

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c) =>
        a > b ? (a > c ? a : c) : (b > c ? b : c);
}
