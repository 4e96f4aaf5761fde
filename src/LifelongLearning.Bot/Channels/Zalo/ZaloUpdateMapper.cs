using LifelongLearning.Bot.Engine;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>Turns a Zalo update into the engine's <see cref="IncomingMessage"/>; polling and the webhook share it.</summary>
public static class ZaloUpdateMapper
{
    public const string Channel = "zalo";

    /// <summary>How a picture's Zalo URL is written in a photo reference the engine keeps.</summary>
    public const string PhotoPrefix = Channel + ":";

    /// <summary>
    /// Zalo gives no update id, so the message id recognises a second copy. Zalo does not say message ids are
    /// unique across chats, so the chat is part of the key: two people's messages can never be taken for one.
    /// </summary>
    public static string KeyOf(ZaloUpdate update) => $"zalo:msg:{update.Message.Chat.Id}:{update.Message.MessageId}";

    /// <summary>
    /// The message, or null when it is neither text nor a picture with its URL (a sticker, a voice note, hidden
    /// content). A picture always becomes a message with its reference: whether one is welcome at this point is
    /// the engine's to say, as it knows where the person stands.
    /// </summary>
    public static IncomingMessage? Map(ZaloUpdate update)
    {
        var message = update.Message;
        var isGroup = !message.Chat.IsPrivate;
        if (update.EventName == ZaloEvents.Image && Uri.TryCreate(message.Photo, UriKind.Absolute, out var url)
            && url.Scheme is "https" or "http")
            return new IncomingMessage(
                Channel,
                message.Chat.Id,
                message.From.DisplayName,
                message.Caption ?? "",
                KeyOf(update),
                IsGroup: isGroup,
                AddressedToBot: !isGroup,
                PhotoRef: PhotoPrefix + message.Photo);
        if (!update.IsText || string.IsNullOrWhiteSpace(message.Text)) return null;
        return new IncomingMessage(
            Channel,
            message.Chat.Id,
            message.From.DisplayName,
            message.Text,
            KeyOf(update),
            IsGroup: isGroup,
            // Zalo has no "@bot" suffix on commands: in a group, a command is taken as addressed to the bot.
            AddressedToBot: !isGroup || message.Text.TrimStart().StartsWith('/'));
    }

    /// <summary>The picture's URL in a Zalo photo reference, or null for another channel's.</summary>
    public static string? UrlOf(string? photoRef) =>
        photoRef is not null && photoRef.StartsWith(PhotoPrefix, StringComparison.Ordinal) ? photoRef[PhotoPrefix.Length..] : null;
}
