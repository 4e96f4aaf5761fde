using LifelongLearning.Bot.Engine;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>Turns a Zalo update into the engine's <see cref="IncomingMessage"/>; polling and the webhook share it.</summary>
public static class ZaloUpdateMapper
{
    public const string Channel = "zalo";

    /// <summary>Zalo gives no update id, so the message id is the only thing that recognises a second copy.</summary>
    public static string KeyOf(ZaloUpdate update) => $"zalo:msg:{update.Message.MessageId}";

    /// <summary>The message, or null when it is not text (a sticker, a picture, a voice note, hidden content).</summary>
    public static IncomingMessage? Map(ZaloUpdate update)
    {
        if (!update.IsText || string.IsNullOrWhiteSpace(update.Message.Text)) return null;
        var message = update.Message;
        var isGroup = !message.Chat.IsPrivate;
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
}
