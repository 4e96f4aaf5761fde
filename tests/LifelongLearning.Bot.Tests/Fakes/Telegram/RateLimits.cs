namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Telegram's published sending limits, as strict as the fake can make them without being flaky:
/// a private chat gets a burst of <see cref="PrivateBurst"/> then one message a second (a token bucket, so a
/// sender pacing at exactly 1/s never trips it); a group (negative id) 20 in any 60 s; all chats together 30 in
/// any second. Not thread-safe: the server calls it under its lock.
/// </summary>
internal sealed class RateLimits
{
    public const int DefaultPrivateBurst = 3;
    public const double PrivatePerSecond = 1.0;
    public const int GroupPerMinute = 20;
    public const int DefaultGlobalPerSecond = 30;

    /// <summary>Messages one private chat may get at once before one a second; 1 holds a sender to one a second, no burst.</summary>
    public int PrivateBurst { get; set; } = DefaultPrivateBurst;

    /// <summary>All chats together in any second; raised by tests that send thousands and cannot wait minutes.</summary>
    public int GlobalPerSecond { get; set; } = DefaultGlobalPerSecond;

    private readonly Dictionary<long, (double Tokens, TimeSpan At)> _privateBuckets = [];
    private readonly Dictionary<long, Queue<TimeSpan>> _groupWindows = [];
    private readonly Queue<TimeSpan> _globalWindow = new();

    /// <summary>Null when the message is within limits, else why not and how long to wait.</summary>
    public (string Reason, int RetryAfter)? Check(long chatId, TimeSpan now)
    {
        Trim(_globalWindow, now, TimeSpan.FromSeconds(1));
        if (_globalWindow.Count >= GlobalPerSecond)
            return ($"more than {GlobalPerSecond} messages in one second overall", 1);

        if (chatId < 0)
        {
            var window = GroupWindow(chatId);
            Trim(window, now, TimeSpan.FromMinutes(1));
            if (window.Count >= GroupPerMinute)
            {
                var wait = window.Peek() + TimeSpan.FromMinutes(1) - now;
                return ($"more than {GroupPerMinute} messages a minute to group {chatId}", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
            }
        }
        else
        {
            var tokens = PrivateTokens(chatId, now);
            if (tokens < 1)
                return ($"more than {PrivatePerSecond:0} message a second (burst {PrivateBurst}) to chat {chatId}",
                    Math.Max(1, (int)Math.Ceiling((1 - tokens) / PrivatePerSecond)));
        }
        return null;
    }

    /// <summary>Counts a message that went out (also one over the limit, when limits are only watched).</summary>
    public void Record(long chatId, TimeSpan now)
    {
        _globalWindow.Enqueue(now);
        if (chatId < 0) GroupWindow(chatId).Enqueue(now);
        else _privateBuckets[chatId] = (Math.Max(0, PrivateTokens(chatId, now) - 1), now);
    }

    private double PrivateTokens(long chatId, TimeSpan now) =>
        _privateBuckets.TryGetValue(chatId, out var bucket)
            ? Math.Min(PrivateBurst, bucket.Tokens + (now - bucket.At).TotalSeconds * PrivatePerSecond)
            : PrivateBurst;

    private Queue<TimeSpan> GroupWindow(long chatId)
    {
        if (!_groupWindows.TryGetValue(chatId, out var window)) _groupWindows[chatId] = window = new Queue<TimeSpan>();
        return window;
    }

    private static void Trim(Queue<TimeSpan> window, TimeSpan now, TimeSpan length)
    {
        while (window.Count > 0 && now - window.Peek() >= length) window.Dequeue();
    }
}
