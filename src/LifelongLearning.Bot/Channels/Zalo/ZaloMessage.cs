namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// An incoming message; <see cref="Date"/> is Unix time in milliseconds. A picture
/// (<c>message.image.received</c>) comes as <see cref="Photo"/>, a URL on Zalo's servers, with an optional
/// <see cref="Caption"/>.
/// </summary>
public sealed record ZaloMessage(ZaloUser From, ZaloChat Chat, string? Text, string MessageId, long Date, string? Photo = null, string? Caption = null)
{
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeMilliseconds(Date);
}
