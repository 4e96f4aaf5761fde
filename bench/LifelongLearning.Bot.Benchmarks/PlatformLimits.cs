using System.Diagnostics;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// What a platform counts of the messages that reach it, held strictly: at most <c>perSecond</c> in any second overall,
/// and to one chat a token bucket of <c>chatBurst</c> refilling one a second. Each loopback fake (Telegram's, Zalo's)
/// counts through one, so both hold the bot to the same rule.
/// </summary>
public sealed class PlatformLimits(int perSecond, int chatBurst)
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<TimeSpan> _window = new();
    private readonly Dictionary<long, (double Tokens, TimeSpan At)> _chats = [];
    private readonly List<(long Chat, TimeSpan At)> _accepted = [];
    private int _tooMany;
    private int _tooManyToChat;

    public int PerSecond => perSecond;

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Refusals for the overall rate.</summary>
    public int TooMany { get { lock (_gate) return _tooMany; } }

    /// <summary>Refusals for one chat's rate.</summary>
    public int TooManyToChat { get { lock (_gate) return _tooManyToChat; } }

    /// <summary>Every accepted message: its chat and when it arrived.</summary>
    public IReadOnlyList<(long Chat, TimeSpan At)> Accepted { get { lock (_gate) return [.. _accepted]; } }

    public void Reset()
    {
        lock (_gate)
        {
            _window.Clear();
            _chats.Clear();
            _accepted.Clear();
            _tooMany = 0;
            _tooManyToChat = 0;
        }
    }

    /// <summary>Counts the message if it is within the limits (true); else false, and the refusal is counted.</summary>
    public bool TryCount(long chat)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            while (_window.Count > 0 && now - _window.Peek() >= TimeSpan.FromSeconds(1)) _window.Dequeue();
            if (_window.Count >= perSecond)
            {
                _tooMany++;
                return false;
            }
            var tokens = _chats.TryGetValue(chat, out var bucket) ? Math.Min(chatBurst, bucket.Tokens + (now - bucket.At).TotalSeconds) : chatBurst;
            if (tokens < 1)
            {
                _tooManyToChat++;
                return false;
            }
            _window.Enqueue(now);
            _chats[chat] = (tokens - 1, now);
            _accepted.Add((chat, now));
            return true;
        }
    }
}
