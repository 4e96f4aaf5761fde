using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

/// <summary>
/// Updates waiting for getUpdates. Zalo has no offset: an update handed to a poll whose answer is lost is gone,
/// and the fake behaves the same way.
/// </summary>
public sealed partial class FakeZaloServer
{
    public const string TextEvent = "message.text.received";

    private readonly Queue<JsonObject> _inbox = new();
    private readonly SemaphoreSlim _inboxCount = new(0);
    private readonly Dictionary<string, JsonObject> _updatesByMessageId = [];
    private readonly Dictionary<string, string> _chats = [];
    private JsonObject? _lastHandedOut;

    /// <summary>Chats that have written to the bot, with the person's display name: Zalo shows a chat id only then.</summary>
    public IReadOnlyDictionary<string, string> Chats
    {
        get { lock (_gate) return new Dictionary<string, string>(_chats); }
    }

    /// <summary>Updates waiting for a poll.</summary>
    public int PendingUpdates
    {
        get { lock (_gate) return _inbox.Count; }
    }

    /// <summary>A person writes to the bot in a private chat; returns the message_id.</summary>
    public string EnqueueText(string userId, string text, string displayName = "Người dùng") =>
        Enqueue(BuildUpdate(userId, TextEvent, text, displayName, null));

    /// <summary>A non-text event (image, sticker, voice, unsupported), with no text; returns the message_id.</summary>
    public string EnqueueEvent(string userId, string eventName, string displayName = "Người dùng") =>
        Enqueue(BuildUpdate(userId, eventName, null, displayName, null));

    /// <summary>Hands the last update given to a poll (or, if none yet, the last enqueued) once more, same message_id.</summary>
    public string RepeatLast()
    {
        JsonObject last;
        lock (_gate)
            last = _lastHandedOut ?? _updatesByMessageId.Values.LastOrDefault()
                ?? throw new InvalidOperationException("No update has been enqueued yet.");
        return Enqueue(last.DeepClone().AsObject());
    }

    /// <summary>Hands an earlier update once more, as Zalo may after a lost answer or a webhook retry.</summary>
    public string EnqueueDuplicate(string messageId)
    {
        JsonObject update;
        lock (_gate)
            update = _updatesByMessageId.TryGetValue(messageId, out var known)
                ? known
                : throw new InvalidOperationException($"No update with message_id {messageId} was enqueued.");
        return Enqueue(update.DeepClone().AsObject());
    }

    private string Enqueue(JsonObject update)
    {
        lock (_gate) _inbox.Enqueue(update);
        _inboxCount.Release();
        return MessageIdOf(update);
    }

    private JsonObject BuildUpdate(string userId, string eventName, string? text, string displayName, string? messageId, string? photo = null, string? caption = null)
    {
        messageId ??= Guid.NewGuid().ToString("N");
        var message = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = userId, ["display_name"] = displayName, ["is_bot"] = false },
            ["chat"] = new JsonObject { ["id"] = userId, ["chat_type"] = "PRIVATE" },
            ["message_id"] = messageId,
            ["date"] = Clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (text is not null)
            message["text"] = text;
        if (photo is not null)
            message["photo"] = photo;
        if (caption is not null)
            message["caption"] = caption;
        var update = new JsonObject { ["event_name"] = eventName, ["message"] = message };
        lock (_gate)
        {
            _chats[userId] = displayName;
            _updatesByMessageId[messageId] = update;
        }
        return update;
    }

    private static string MessageIdOf(JsonObject update) => (string)update["message"]!["message_id"]!;

    private async Task GetUpdatesAsync(HttpContext context, JsonObject body, CancellationToken aborted)
    {
        if (WebhookUrl is not null)
        {
            // Zalo says polling and webhook exclude each other; the code is the fake's choice.
            await FakeZaloAnswers.ErrorAsync(context, 409, "Conflict: a webhook is set, call deleteWebhook first");
            return;
        }
        var timeoutText = Field(body, "timeout");
        var seconds = 30.0;
        if (timeoutText is not null && !double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            await FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: timeout must be a number");
            return;
        }

        bool got;
        try
        {
            got = await _inboxCount.WaitAsync(TimeSpan.FromSeconds(Math.Max(0, seconds)), aborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (!got)
        {
            await FakeZaloAnswers.ErrorAsync(context, 408, "Request Timeout");
            return;
        }

        JsonObject update;
        lock (_gate)
        {
            update = _inbox.Dequeue();
            _lastHandedOut = update;
        }
        await FakeZaloAnswers.OkAsync(context, update.DeepClone());
    }
}
