using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

/// <summary>Sends the fake accepted, checked as Zalo checks them.</summary>
public sealed partial class FakeZaloServer
{
    public const int MaxTextLength = 2000;

    private readonly List<SentZaloMessage> _sent = [];
    private readonly List<(string ChatId, string Action)> _chatActions = [];
    private readonly HashSet<int> _claimed = [];
    private TaskCompletionSource _sentChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When true, sends to a chat that never wrote to the bot are refused (Zalo's rule is not documented).</summary>
    public bool RequireKnownChat { get; set; }

    public IReadOnlyList<SentZaloMessage> Sent
    {
        get { lock (_gate) return [.. _sent]; }
    }

    public IReadOnlyList<(string ChatId, string Action)> ChatActions
    {
        get { lock (_gate) return [.. _chatActions]; }
    }

    /// <summary>
    /// The earliest message to <paramref name="chatId"/> matching <paramref name="predicate"/> that no earlier wait
    /// returned, so consecutive waits walk through a conversation. Throws a TimeoutException listing all sends.
    /// </summary>
    public async Task<SentZaloMessage> WaitForMessageAsync(string chatId, Func<SentZaloMessage, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var i = 0; i < _sent.Count; i++)
                {
                    var message = _sent[i];
                    if (!_claimed.Contains(i) && message.ChatId == chatId && (predicate?.Invoke(message) ?? true))
                    {
                        _claimed.Add(i);
                        return message;
                    }
                }
                changed = _sentChanged.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"No matching Zalo message to {chatId}. {DescribeWaiting()} Sent: {DescribeSent()}");
            await Task.WhenAny(changed, Task.Delay(remaining));
        }
    }

    // Whether the person's last words were still waiting for a poll (the bot not polling) or were taken (the reply
    // not sent): what a wait that timed out needs to say, since such a failure comes once in many runs.
    private string DescribeWaiting()
    {
        lock (_gate)
            return $"Updates not yet polled: {_inbox.Count}; the last calls: {string.Join(", ", _calls.TakeLast(12))}.";
    }

    private string DescribeSent()
    {
        lock (_gate)
            return _sent.Count == 0 ? "nothing" : string.Join("; ", _sent.Select((m, i) => $"[{i}{(_claimed.Contains(i) ? ", taken" : "")}] {m}"));
    }

    private Task SendMessageAsync(HttpContext context, JsonObject body)
    {
        if (CheckChat(body, out var chatId) is { } refusal)
            return refusal(context);
        var text = Field(body, "text");
        if (CheckText(text, "text", required: true) is { } bad)
            return bad(context);
        return AcceptAsync(context, new SentZaloMessage(chatId, "sendMessage", text, null, null));
    }

    private Task SendPhotoAsync(HttpContext context, JsonObject body)
    {
        if (CheckChat(body, out var chatId) is { } refusal)
            return refusal(context);
        var photo = Field(body, "photo");
        if (string.IsNullOrEmpty(photo))
            return FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: photo is required");
        if (!Uri.TryCreate(photo, UriKind.Absolute, out _))
            return FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: photo must be a URL");
        var caption = Field(body, "caption");
        if (CheckText(caption, "caption", required: false) is { } bad)
            return bad(context);
        return AcceptAsync(context, new SentZaloMessage(chatId, "sendPhoto", null, photo, caption));
    }

    private Task SendStickerAsync(HttpContext context, JsonObject body)
    {
        if (CheckChat(body, out var chatId) is { } refusal)
            return refusal(context);
        var sticker = Field(body, "sticker");
        if (string.IsNullOrEmpty(sticker))
            return FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: sticker is required");
        return AcceptAsync(context, new SentZaloMessage(chatId, "sendSticker", sticker, null, null));
    }

    private Task SendChatActionAsync(HttpContext context, JsonObject body)
    {
        if (CheckChat(body, out var chatId) is { } refusal)
            return refusal(context);
        var action = Field(body, "action");
        if (action != "typing")
            return FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: action must be typing");
        lock (_gate) _chatActions.Add((chatId, action));
        return FakeZaloAnswers.OkAsync(context, null);
    }

    /// <summary>Null when the chat may receive; otherwise the answer that refuses it.</summary>
    private Func<HttpContext, Task>? CheckChat(JsonObject body, out string chatId)
    {
        chatId = Field(body, "chat_id") ?? "";
        if (chatId.Length == 0)
            return c => FakeZaloAnswers.ErrorAsync(c, 400, "Bad Request: chat_id is required");
        if (RefusalFor(chatId) is { } description)
            return c => FakeZaloAnswers.ErrorAsync(c, 403, description);
        bool known;
        lock (_gate) known = _chats.ContainsKey(chatId);
        if (RequireKnownChat && !known)
            return c => FakeZaloAnswers.ErrorAsync(c, 400, "Bad Request: chat not found");
        return null;
    }

    private static Func<HttpContext, Task>? CheckText(string? text, string field, bool required)
    {
        if (text is null)
            return required ? c => FakeZaloAnswers.ErrorAsync(c, 400, $"Bad Request: {field} is required") : null;
        if (text.Length is 0 or > MaxTextLength)
            return c => FakeZaloAnswers.ErrorAsync(c, 400, $"Bad Request: {field} must be 1-{MaxTextLength} characters");
        return null;
    }

    private Task AcceptAsync(HttpContext context, SentZaloMessage message)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _sent.Add(message);
            changed = _sentChanged;
            _sentChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        // The result's shape is not documented; message_id and date are what bot APIs of this family return.
        return FakeZaloAnswers.OkAsync(context, new JsonObject
        {
            ["message_id"] = Guid.NewGuid().ToString("N"),
            ["date"] = Clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
    }
}
