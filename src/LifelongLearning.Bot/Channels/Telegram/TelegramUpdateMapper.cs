using System.Globalization;
using LifelongLearning.Bot.Engine;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>What one Telegram update means to the engine: a message (or nothing), and a callback query to answer.</summary>
public sealed record MappedUpdate(IncomingMessage? Message, string? CallbackQueryId);

/// <summary>Turns a Telegram update into the engine's <see cref="IncomingMessage"/>; polling and the webhook share it.</summary>
public static class TelegramUpdateMapper
{
    public const string Channel = "telegram";

    /// <summary>How a Telegram file_id is written in a photo reference the engine keeps.</summary>
    public const string PhotoPrefix = Channel + ":";

    public static string KeyOf(Update update) => $"telegram:update:{update.Id.ToString(CultureInfo.InvariantCulture)}";

    public static MappedUpdate Map(Update update, string? botUsername) => update switch
    {
        { Message: { Text: { } text, Chat: var chat } message } => new(new IncomingMessage(
            Channel,
            chat.Id.ToString(CultureInfo.InvariantCulture),
            NameOf(message.From, chat),
            text,
            KeyOf(update),
            IsGroup: chat.Type is ChatType.Group or ChatType.Supergroup,
            AddressedToBot: chat.Type is not (ChatType.Group or ChatType.Supergroup) || IsCommandForBot(text, botUsername)), null),
        // A photo (an announcement's, an event's): its caption is the text, the largest size its reference.
        { Message: { Photo: { Length: > 0 } photos, Chat: var chat } message } => new(new IncomingMessage(
            Channel,
            chat.Id.ToString(CultureInfo.InvariantCulture),
            NameOf(message.From, chat),
            message.Caption ?? "",
            KeyOf(update),
            IsGroup: chat.Type is ChatType.Group or ChatType.Supergroup,
            AddressedToBot: chat.Type is not (ChatType.Group or ChatType.Supergroup),
            PhotoRef: PhotoPrefix + photos[^1].FileId), null),
        { CallbackQuery: { Data: { } data, From: var from } query } => new(new IncomingMessage(
            Channel,
            (query.Message?.Chat.Id ?? from.Id).ToString(CultureInfo.InvariantCulture),
            NameOf(from, query.Message?.Chat),
            data,
            KeyOf(update),
            IsGroup: query.Message?.Chat.Type is ChatType.Group or ChatType.Supergroup,
            AddressedToBot: true), query.Id),
        { CallbackQuery: { } query } => new(null, query.Id),
        _ => new(null, null),
    };

    /// <summary>In a group: "/cmd" or "/cmd@thisbot" is for the bot; "/cmd@otherbot" and plain text are not.</summary>
    public static bool IsCommandForBot(string text, string? botUsername)
    {
        if (!text.StartsWith('/')) return false;
        var end = text.IndexOfAny([' ', '\n']);
        var head = end < 0 ? text : text[..end];
        var at = head.IndexOf('@');
        return at < 0 || (botUsername is not null && string.Equals(head[(at + 1)..], botUsername, StringComparison.OrdinalIgnoreCase));
    }

    private static string NameOf(User? user, Chat? chat)
    {
        if (user is not null)
            return string.Join(' ', new[] { user.FirstName, user.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return chat?.Title ?? chat?.FirstName ?? "";
    }
}
