using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// Zalo's Bot API on a loopback port, only sendMessage, as the real <c>ZaloClient</c> calls it (POST
/// /bot{token}/sendMessage, JSON, an answer of {ok, result, error_code, description} with HTTP 200). Zalo documents no
/// rate limit, so the fake holds the bot to the rate it promises (Zalo:MessagesPerSecond, one a second to a chat, no
/// burst) through <see cref="PlatformLimits"/>: a message beyond it is refused with ok:false and error_code 429, which
/// shows the bot breaking its own promise. A send travels half the round trip, is counted when it arrives, and its
/// answer travels the other half, as in <see cref="FakeBotApi"/>.
/// </summary>
public sealed class FakeZaloApi : IAsyncDisposable
{
    public const string Token = "bench-zalo-token-0123456789";

    private readonly WebApplication _app;
    private long _messageId;

    private FakeZaloApi(WebApplication app, PlatformLimits limits)
    {
        _app = app;
        Limits = limits;
    }

    public string BaseUrl { get; private set; } = "";

    public TimeSpan RoundTrip { get; set; }

    /// <summary>What the fake counted: accepted messages, refusals for the overall rate and for one chat's.</summary>
    public PlatformLimits Limits { get; }

    public static async Task<FakeZaloApi> StartAsync(int perSecond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeZaloApi(app, new PlatformLimits(perSecond, chatBurst: 1));
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Urls.Single().TrimEnd('/');
        return api;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.Value != $"/bot{Token}/sendMessage")
        {
            await AnswerAsync(context, new { ok = false, error_code = 404, description = "Not Found" });
            return;
        }
        var body = await JsonNode.ParseAsync(context.Request.Body);
        // Zalo's ids are strings; the bench's residents are numbered, so they count as the Telegram fake's do.
        var chat = long.Parse(body!["chat_id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var half = RoundTrip / 2;
        if (half > TimeSpan.Zero) await Task.Delay(half);
        var accepted = Limits.TryCount(chat);
        if (half > TimeSpan.Zero) await Task.Delay(half);
        if (!accepted)
        {
            await AnswerAsync(context, new { ok = false, error_code = 429, description = "Too Many Requests" });
            return;
        }
        var id = Interlocked.Increment(ref _messageId);
        await AnswerAsync(context, new { ok = true, result = new { message_id = $"{id}", date = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() } });
    }

    private static Task AnswerAsync(HttpContext context, object answer)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(answer));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
