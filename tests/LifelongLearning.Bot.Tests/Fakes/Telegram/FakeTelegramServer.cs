using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// A Telegram Bot API server on a loopback port, for tests that drive the real Telegram.Bot client:
/// <c>new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl))</c>.
/// Requests are checked against the published Bot API (unknown method 404, unknown or missing parameter 400),
/// against Telegram's content limits (4096-character text, 1024-character caption, 64-byte callback data) and,
/// when <see cref="EnforceLimits"/> is on, against its sending rates. Everything the bot sends is recorded.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string DefaultToken = "123456:TEST-token-abcdefghijklmnopqrstu";
    public const string BotFirstName = "LifelongLearning Bot";
    public const string BotUsername = "llbot_test_bot";
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;
    public const int MaxCallbackDataBytes = 64;

    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RateLimits _limits = new();

    private readonly List<JsonObject> _pendingUpdates = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<AnsweredCallbackQuery> _answered = [];
    private readonly List<CommandsSet> _commandSets = [];
    private readonly Dictionary<string, IReadOnlyList<BotCommandInfo>> _commands = [];
    private readonly List<string> _limitViolations = [];
    private readonly List<Fault> _faults = [];
    private readonly HashSet<long> _blocked = [];
    private readonly HashSet<string> _openCallbackQueries = [];
    private readonly Dictionary<long, ChatInfo> _chats = [];
    private readonly Dictionary<long, long> _lastMessageId = [];
    private readonly Dictionary<(long Chat, long Message), StoredMessage> _messages = [];

    private TaskCompletionSource _changed = NewSignal();
    private CancellationTokenSource? _activePoll;
    // Real update ids are large, and an int in Telegram.Bot: start where a real bot's might be.
    private long _nextUpdateId = 700_000_001;
    private long _sequence;
    private long _confirmedOffset;
    private long _nextFileNumber;
    private string? _webhookUrl;
    private string? _webhookSecret;
    private bool _enforceLimits;
    private bool _requireKnownChats;
    private int _disposed;

    private FakeTelegramServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
        BotId = long.Parse(token[..token.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Token { get; }

    /// <summary>Like "http://127.0.0.1:54321", the form TelegramBotClientOptions expects for a local server.</summary>
    public string BaseUrl { get; private set; } = "";

    public long BotId { get; }

    /// <summary>Answer 429 with retry_after when a send breaks Telegram's rate limits. Violations are counted either way.</summary>
    public bool EnforceLimits
    {
        get { lock (_gate) return _enforceLimits; }
        set { lock (_gate) _enforceLimits = value; }
    }

    /// <summary>
    /// Messages a second to all chats together that <see cref="EnforceLimits"/> allows (Telegram: 30). A test that
    /// broadcasts to thousands raises it, and the bot's own rate with it, to check the pacing in seconds, not minutes.
    /// </summary>
    public int GlobalPerSecond
    {
        get { lock (_gate) return _limits.GlobalPerSecond; }
        set { lock (_gate) _limits.GlobalPerSecond = value; }
    }

    /// <summary>
    /// Messages a private chat may get at once before one a second (Telegram tolerates a short burst: 3). A test
    /// that holds the bot to one a second, no burst, sets 1, and <see cref="EnforceLimits"/> then refuses a second within it.
    /// </summary>
    public int PrivateBurst
    {
        get { lock (_gate) return _limits.PrivateBurst; }
        set { lock (_gate) _limits.PrivateBurst = value; }
    }

    /// <summary>
    /// Answer "chat not found" for chats the fake has not seen (by <see cref="EnqueueMessage"/> or
    /// <see cref="AddChat"/>): a bot cannot write to a person who never wrote to it.
    /// </summary>
    public bool RequireKnownChats
    {
        get { lock (_gate) return _requireKnownChats; }
        set { lock (_gate) _requireKnownChats = value; }
    }

    /// <summary>True while a getUpdates waits for updates, so a test knows its long poll has arrived.</summary>
    public bool IsLongPolling { get { lock (_gate) return _activePoll is not null; } }

    /// <summary>Sends that broke a rate limit, refused or not.</summary>
    public int LimitViolations { get { lock (_gate) return _limitViolations.Count; } }

    public IReadOnlyList<string> LimitViolationDetails { get { lock (_gate) return [.. _limitViolations]; } }

    public IReadOnlyList<SentMessage> Sent { get { lock (_gate) return [.. _sent]; } }

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_gate) return [.. _requests]; } }

    public IReadOnlyList<AnsweredCallbackQuery> AnsweredCallbackQueries { get { lock (_gate) return [.. _answered]; } }

    /// <summary>The current default command list (no scope, no language).</summary>
    public IReadOnlyList<BotCommandInfo> Commands
    {
        get { lock (_gate) return _commands.TryGetValue(CommandKey(null, null), out var list) ? list : []; }
    }

    public IReadOnlyList<CommandsSet> CommandSets { get { lock (_gate) return [.. _commandSets]; } }

    public string? WebhookUrl { get { lock (_gate) return _webhookUrl; } }

    public string? WebhookSecretToken { get { lock (_gate) return _webhookSecret; } }

    /// <summary>The highest positive offset any getUpdates has sent: every update below it is confirmed and gone.</summary>
    public long ConfirmedOffset { get { lock (_gate) return _confirmedOffset; } }

    public int PendingUpdateCount { get { lock (_gate) return _pendingUpdates.Count; } }

    public static async Task<FakeTelegramServer> StartAsync(string token = DefaultToken)
    {
        if (!TokenPattern().IsMatch(token))
            throw new ArgumentException("A bot token looks like 123456:ABC-def; Telegram.Bot refuses anything else.", nameof(token));
        _ = BotApiSpec.Instance;

        // The empty builder reads no appsettings.json: the bot's own Kestrel settings are copied next to the tests.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var server = new FakeTelegramServer(app, token);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    /// <summary>Makes a chat known without an update, as if the person had written long ago.</summary>
    public void AddChat(long chatId, string chatType = "private", string name = "Test") { lock (_gate) RememberChat(chatId, chatType, name); }

    public void BlockUser(long chatId) { lock (_gate) _blocked.Add(chatId); }

    public void UnblockUser(long chatId) { lock (_gate) _blocked.Remove(chatId); }

    public IReadOnlyList<SentMessage> SentTo(long chatId) { lock (_gate) return [.. _sent.Where(m => m.ChatId == chatId)]; }

    /// <summary>A person (or, with chatType "group"/"supergroup", a member) writes to the bot. Returns the update_id.</summary>
    public long EnqueueMessage(long chatId, string text, string firstName = "Test", string chatType = "private", long? fromId = null)
    {
        lock (_gate)
        {
            RememberChat(chatId, chatType, firstName);
            // In a group the sender is not the chat; without a fromId the fake makes one up from the chat id.
            var sender = UserJson(fromId ?? (chatType == "private" ? chatId : Math.Abs(chatId)), firstName);
            var message = new JsonObject
            {
                ["message_id"] = NextMessageId(chatId),
                ["from"] = sender,
                ["chat"] = ChatJson(chatId),
                ["date"] = UnixNow(),
                ["text"] = text,
            };
            if (text.StartsWith('/'))
            {
                var length = text.IndexOfAny([' ', '\n']) is var end and >= 0 ? end : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
            }
            return AddUpdate(new JsonObject { ["message"] = message });
        }
    }

    /// <summary>
    /// A person presses an inline button on message <paramref name="messageId"/>. Returns the update_id; the
    /// callback query's id is <see cref="CallbackQueryIdFor"/>(update_id).
    /// </summary>
    public long EnqueueCallbackQuery(long chatId, string data, long messageId, long? fromId = null, string firstName = "Test")
    {
        lock (_gate)
        {
            var message = _messages.TryGetValue((chatId, messageId), out var stored)
                ? MessageJson(chatId, messageId, stored)
                : new JsonObject { ["message_id"] = messageId, ["chat"] = ChatJson(chatId), ["date"] = UnixNow() };
            var updateId = _nextUpdateId;
            return AddUpdate(new JsonObject
            {
                ["update_id"] = updateId,
                ["callback_query"] = new JsonObject
                {
                    ["id"] = CallbackQueryIdFor(updateId),
                    ["from"] = UserJson(fromId ?? (chatId > 0 ? chatId : Math.Abs(chatId)), firstName),
                    ["message"] = message,
                    ["chat_instance"] = $"ci{chatId}",
                    ["data"] = data,
                },
            });
        }
    }

    /// <summary>Presses the inline button with this text on a recorded message. Returns the update_id.</summary>
    public long PressButton(SentMessage message, string buttonText, long? fromId = null)
    {
        var button = message.Buttons.FirstOrDefault(b => b.Text == buttonText)
            ?? throw new InvalidOperationException($"No button \"{buttonText}\" on {message}");
        var data = button.CallbackData
            ?? throw new InvalidOperationException($"Button \"{buttonText}\" has no callback_data: {message}");
        return EnqueueCallbackQuery(message.ChatId, data, message.MessageId, fromId);
    }

    public static string CallbackQueryIdFor(long updateId) => $"cq{updateId}";

    /// <summary>Any update as JSON; an update_id is assigned unless it has one. Returns the update_id.</summary>
    public long EnqueueUpdate(JsonObject update)
    {
        lock (_gate) return AddUpdate((JsonObject)update.DeepClone());
    }

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> (any method when null) fail like Telegram fails.</summary>
    public void FailNext(string? method, int statusCode, int count = 1, int? retryAfter = null, string? description = null)
    {
        if (statusCode == 429) retryAfter ??= 1;
        description ??= statusCode switch
        {
            429 => $"Too Many Requests: retry after {retryAfter}",
            400 => "Bad Request: injected failure",
            401 => "Unauthorized",
            403 => "Forbidden: bot was blocked by the user",
            404 => "Not Found",
            409 => "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            _ => $"Error {statusCode}",
        };
        lock (_gate) _faults.Add(new Fault(method, count, hang: false, statusCode, description, retryAfter));
    }

    /// <summary>The next calls never get an answer, until the client gives up or the server is disposed.</summary>
    public void HangNext(string? method, int count = 1)
    {
        lock (_gate) _faults.Add(new Fault(method, count, hang: true, 0, "", null));
    }

    /// <summary>
    /// The first message recorded for the chat that matches, already recorded or still to come; with
    /// a TimeoutException that lists what the chat did get, and which requests Telegram refused.
    /// </summary>
    public async Task<SentMessage> WaitForMessageAsync(long chatId, Func<SentMessage, bool>? match = null, TimeSpan? timeout = null) =>
        (await WaitForMessagesAsync(chatId, 1, match, timeout))[0];

    public async Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(
        long chatId, int count, Func<SentMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            SentMessage[] snapshot;
            lock (_gate)
            {
                snapshot = [.. _sent.Where(m => m.ChatId == chatId)];
                changed = _changed.Task;
            }
            var found = snapshot.Where(m => match?.Invoke(m) ?? true).Take(count).ToList();
            if (found.Count >= count) return found;
            var remaining = limit - waited.Elapsed;
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException(
                    $"Waited {limit.TotalSeconds:0.##} s for {count} message(s) to chat {chatId}" +
                    $"{(match is null ? "" : " matching the condition")}, found {found.Count}.\n{Describe(chatId)}");
            try { await changed.WaitAsync(remaining); }
            catch (TimeoutException) { }
        }
    }

    /// <summary>Completes once a getUpdates has confirmed everything below <paramref name="offset"/>.</summary>
    public async Task WaitForConfirmedOffsetAsync(long offset, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_confirmedOffset >= offset) return;
                changed = _changed.Task;
            }
            var remaining = limit - waited.Elapsed;
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.##} s for offset {offset} to be confirmed; confirmed offset is {ConfirmedOffset}.");
            try { await changed.WaitAsync(remaining); }
            catch (TimeoutException) { }
        }
    }

    /// <summary>The first answered request to the method (case-insensitive) that matches, already made or still to come.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(string method, Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWaitTimeout;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            RecordedRequest[] snapshot;
            lock (_gate)
            {
                snapshot = [.. _requests];
                changed = _changed.Task;
            }
            var found = snapshot.FirstOrDefault(r =>
                string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase) && (match?.Invoke(r) ?? true));
            if (found is not null) return found;
            var remaining = limit - waited.Elapsed;
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException(
                    $"Waited {limit.TotalSeconds:0.##} s for a {method} request; got: " +
                    string.Join(", ", snapshot.Select(r => $"{r.Method} {r.StatusCode}")));
            try { await changed.WaitAsync(remaining); }
            catch (TimeoutException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Cancel first: hung requests and long polls would otherwise hold StopAsync for its whole timeout.
        await _shutdown.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _shutdown.Dispose();
    }

    private string Describe(long chatId)
    {
        lock (_gate)
        {
            var sb = new StringBuilder($"Sent to chat {chatId}:");
            var mine = _sent.Where(m => m.ChatId == chatId).ToList();
            if (mine.Count == 0) sb.Append(" nothing");
            foreach (var message in mine) sb.Append("\n  ").Append(message);
            var others = _sent.Where(m => m.ChatId != chatId).GroupBy(m => m.ChatId).ToList();
            if (others.Count > 0)
                sb.Append("\nOther chats: ").AppendJoin(", ", others.Select(g => $"{g.Key} ({g.Count()})"));
            var refused = _requests.Where(r => r.StatusCode >= 400).TakeLast(10).ToList();
            if (refused.Count > 0)
            {
                sb.Append("\nRefused requests:");
                foreach (var request in refused)
                    sb.Append($"\n  {request.Method} → {request.StatusCode} {request.Description}");
            }
            return sb.ToString();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every waiter; call under the lock after a change.</summary>
    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();

    // A class, not a record: two identical FailNext calls are two faults, and Remove must find this one.
    private sealed class Fault(string? method, int remaining, bool hang, int statusCode, string description, int? retryAfter)
    {
        public string? Method { get; } = method;
        public int Remaining { get; set; } = remaining;
        public bool Hang { get; } = hang;
        public int StatusCode { get; } = statusCode;
        public string Description { get; } = description;
        public int? RetryAfter { get; } = retryAfter;
    }

    private sealed record ChatInfo(string Type, string Name);

    private sealed class StoredMessage
    {
        public string? Text { get; set; }
        public string? Caption { get; set; }
        public JsonNode? InlineMarkup { get; set; }
        public long Date { get; init; }
        public long? EditDate { get; set; }
        public JsonNode? Media { get; init; }
        public string? MediaKind { get; init; }
    }
}
