namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>An incoming message; <see cref="Date"/> is Unix time in milliseconds.</summary>
public sealed record ZaloMessage(ZaloUser From, ZaloChat Chat, string? Text, string MessageId, long Date)
{
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeMilliseconds(Date);
}
