
namespace LifelongLearning.Bot.Engine;

/// <summary>Delivers outbox messages on one platform (Telegram, Zalo, the console).</summary>
public interface IChannelSender
{
    string Channel { get; }

    ChannelLimits Limits { get; }

    /// <summary>
    /// Sends one row, its first message already booked; a row that goes as more than one message (a photo, then its
    /// text too long for a caption) waits on <paramref name="pace"/> before each further one. Throws
    /// <see cref="SendFailedException"/> when the platform refuses or fails.
    /// </summary>
    Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken);
}

/// <summary>
/// How fast a platform lets the bot talk: overall, and to one chat (one message per interval; a burst only where
/// nothing is counted, the console); and how many sends may be under way at once, so that a slow network (a
/// proxy, a Bot API server abroad) still fills the rate.
/// </summary>
public sealed record ChannelLimits(double MessagesPerSecond, TimeSpan PerChatInterval, int PerChatBurst = 1, int MaxInFlight = 1);

public enum SendFailure
{
    /// <summary>Try again later: a 429, a 5xx, a timeout, the network.</summary>
    Transient,

    /// <summary>The person cannot be reached (blocked the bot, chat gone): stop writing to this account.</summary>
    Unreachable,

    /// <summary>The platform refused this message itself (a 400): retrying will not help.</summary>
    Rejected,
}

public sealed class SendFailedException(SendFailure failure, string reason, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(reason, inner)
{
    public SendFailure Failure { get; } = failure;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
