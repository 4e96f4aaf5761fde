using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// A Bot API on a loopback port that answers sendMessage as Telegram does and holds the bot to Telegram's
/// limits, strictly (<see cref="PlatformLimits"/>): at most <see cref="PerSecond"/> messages in any second overall, and to one chat one a second (a burst of
/// <see cref="ChatBurst"/>) (a token bucket, as the tests' fake), else a 429 with retry_after. A send travels half the round trip, is counted when it arrives,
/// and its answer travels the other half (a proxy, a Bot API server abroad). It also answers the few calls a starting bot
/// makes (getMe, setMyCommands, deleteWebhook) and holds each getUpdates for its timeout with no updates, so the built
/// bot can be run against it (IdleBench).
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:BENCH-token-abcdefghijklmnopqrstu";
    public const int PerSecond = 30;
    /// <summary>1: the bot promises one message a second to a chat, no burst (issue 15), and is held to it.</summary>
    public const int ChatBurst = 1;

    private readonly Lock _gate = new();
    private readonly PlatformLimits _limits = new(PerSecond, ChatBurst);
    private readonly WebApplication _app;
    private long _messageId;
    private TaskCompletionSource<long> _firstPoll = NewFirstPoll();
    private int _polls;

    private FakeBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public TimeSpan RoundTrip { get; set; }

    public TimeSpan Now => _limits.Now;

    /// <summary>429s for the overall rate.</summary>
    public int TooMany => _limits.TooMany;

    /// <summary>429s for one chat's rate.</summary>
    public int TooManyToChat => _limits.TooManyToChat;

    /// <summary>Every accepted message: its chat and when it arrived.</summary>
    public IReadOnlyList<(long Chat, TimeSpan At)> Accepted => _limits.Accepted;

    /// <summary>The <see cref="Stopwatch.GetTimestamp"/> at which the first getUpdates since the start or the last <see cref="Reset"/> arrived.</summary>
    public Task<long> FirstPoll { get { lock (_gate) return _firstPoll.Task; } }

    /// <summary>getUpdates received since the start or the last <see cref="Reset"/>: one each timeout shows a true long poll.</summary>
    public int Polls => Volatile.Read(ref _polls);

    private static TaskCompletionSource<long> NewFirstPoll() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeBotApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Urls.Single().TrimEnd('/');
        return api;
    }

    public void Reset()
    {
        _limits.Reset();
        lock (_gate)
        {
            if (_firstPoll.Task.IsCompleted) _firstPoll = NewFirstPoll();
            _polls = 0;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        switch (context.Request.Path.Value?.Replace($"/bot{Token}/", "", StringComparison.Ordinal))
        {
            case "sendMessage":
                await SendMessageAsync(context);
                return;
            case "getUpdates":
                await GetUpdatesAsync(context);
                return;
            case "getMe":
                await AnswerAsync(context, new { id = 123456, is_bot = true, first_name = "Bench", username = "bench_bot" });
                return;
            case "setMyCommands" or "deleteWebhook":
                await AnswerAsync(context, true);
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    private static Task AnswerAsync(HttpContext context, object result)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { ok = true, result }));
    }

    /// <summary>A long poll that never has updates: answered empty after its timeout, as Telegram does for a quiet bot.</summary>
    private async Task GetUpdatesAsync(HttpContext context)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate) _firstPoll.TrySetResult(now);
        Interlocked.Increment(ref _polls);
        var body = context.Request.HasJsonContentType() ? await JsonNode.ParseAsync(context.Request.Body) : null;
        var timeout = body?["timeout"]?.GetValue<int>() ?? 0;
        try { await Task.Delay(TimeSpan.FromSeconds(timeout), context.RequestAborted); }
        catch (OperationCanceledException) { return; } // the bot stopped polling
        await AnswerAsync(context, Array.Empty<object>());
    }

    private async Task SendMessageAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var chat = body!["chat_id"]!.GetValue<long>();
        var half = RoundTrip / 2;
        if (half > TimeSpan.Zero) await Task.Delay(half);
        int? retryAfter = _limits.TryCount(chat) ? null : 1;
        if (half > TimeSpan.Zero) await Task.Delay(half);
        context.Response.ContentType = "application/json";
        if (retryAfter is { } seconds)
        {
            context.Response.StatusCode = 429;
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                ok = false, error_code = 429, description = $"Too Many Requests: retry after {seconds}", parameters = new { retry_after = seconds },
            }));
            return;
        }
        var id = Interlocked.Increment(ref _messageId);
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            ok = true,
            result = new { message_id = id, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), chat = new { id = chat, type = "private" }, text = body["text"]?.GetValue<string>() },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
