using System.Text.Json;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// One incoming event. Zalo gives updates no id and no offset, so a repeated delivery can only be recognised
/// by <see cref="ZaloMessage.MessageId"/>.
/// </summary>
public sealed record ZaloUpdate(string EventName, ZaloMessage Message)
{
    public bool IsText => EventName == ZaloEvents.Text;

    /// <summary>Reads a webhook body, <c>{"ok":true,"result":{"event_name":…,"message":{…}}}</c>.</summary>
    /// <exception cref="JsonException">The body is not JSON or lacks a required field.</exception>
    public static ZaloUpdate ParseWebhook(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new JsonException("A Zalo webhook body must be a JSON object.");

        // The documented body is the envelope; a bare update is accepted too, as it costs nothing.
        if (root.TryGetProperty("result", out var result))
        {
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
                throw new JsonException("The Zalo webhook body says ok:false.");
            return FromElement(result);
        }
        return FromElement(root);
    }

    internal static ZaloUpdate FromElement(JsonElement element)
    {
        var update = element.Deserialize<ZaloUpdate>(ZaloJson.Options)
            ?? throw new JsonException("A Zalo update is null.");
        // The serializer leaves a missing field null whatever the model says, so the handler would meet it later.
        if (string.IsNullOrEmpty(update.EventName) || update.Message is null
            || update.Message.Chat is null || string.IsNullOrEmpty(update.Message.Chat.Id)
            || update.Message.From is null || string.IsNullOrEmpty(update.Message.From.Id)
            || string.IsNullOrEmpty(update.Message.MessageId))
            throw new JsonException("A Zalo update lacks event_name, message, chat.id, from.id or message_id.");
        return update;
    }
}
