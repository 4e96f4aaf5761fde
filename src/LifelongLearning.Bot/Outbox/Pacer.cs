namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// Keeps a channel within its platform's limits: at most N messages a second overall, and per chat one
/// message per interval after a short burst (Telegram: about one a second, bursts tolerated).
/// </summary>
public sealed class Pacer(ChannelLimits limits, TimeProvider clock)
{
    private readonly Dictionary<string, (DateTimeOffset At, double Tokens)> _chats = [];
    private DateTimeOffset _nextGlobal = DateTimeOffset.MinValue;

    /// <summary>How long to wait before a message to this chat may go; zero when it may go now.</summary>
    public TimeSpan WaitFor(string chatId)
    {
        var now = clock.GetUtcNow();
        var global = _nextGlobal > now ? _nextGlobal - now : TimeSpan.Zero;
        var tokens = TokensAt(chatId, now);
        var chat = tokens >= 1 ? TimeSpan.Zero : limits.PerChatInterval * (1 - tokens);
        return global > chat ? global : chat;
    }

    /// <summary>
    /// A message to the chat went, started at <paramref name="startedAt"/> and answered now. The platform counted
    /// it somewhere in between, so the chat's allowance is refilled only up to the start and again only from
    /// now: never crediting time the platform did not, whatever each request's own latency.
    /// </summary>
    public void Sent(string chatId, DateTimeOffset startedAt)
    {
        var now = clock.GetUtcNow();
        _chats[chatId] = (now, TokensAt(chatId, startedAt < now ? startedAt : now) - 1);
        _nextGlobal = (_nextGlobal > now ? _nextGlobal : now) + TimeSpan.FromSeconds(1 / limits.MessagesPerSecond);
        if (_chats.Count > 50_000) Forget(now);
    }

    /// <summary>The platform said to slow down: nothing more to this channel until then.</summary>
    public void Pause(TimeSpan duration)
    {
        var until = clock.GetUtcNow() + duration;
        if (until > _nextGlobal) _nextGlobal = until;
    }

    private double TokensAt(string chatId, DateTimeOffset now)
    {
        if (!_chats.TryGetValue(chatId, out var last)) return limits.PerChatBurst;
        var refill = (now - last.At) / limits.PerChatInterval;
        return Math.Min(limits.PerChatBurst, last.Tokens + refill);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (chat, state) in _chats.ToList())
            if (now - state.At > limits.PerChatInterval * limits.PerChatBurst) _chats.Remove(chat);
    }
}
