using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

/// <summary>
/// The Zalo Bot API on loopback, for tests that talk HTTP to it: POST /bot{token}/{method}.
/// Where Zalo's behaviour is undocumented the fake makes a plausible choice, named at the member:
/// a wrong token gets HTTP 200 with ok:false 401 "Unauthorized"; an unknown method ok:false 404;
/// a missing or invalid field ok:false 400; getUpdates while a webhook is set ok:false 409.
/// </summary>
public sealed partial class FakeZaloServer : IAsyncDisposable
{
    public const string DefaultToken = "zalo-test-token-0123456789";

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<string> _calls = [];
    private WebApplication? _app;

    private FakeZaloServer(string token) => Token = token;

    public string Token { get; }

    /// <summary>http://127.0.0.1:{port}, to use as Zalo:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public string BotId { get; set; } = "bot-0001";

    public string BotName { get; set; } = "Bot Học tập suốt đời";

    /// <summary>Sets update dates; a FakeTimeProvider makes them predictable.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every method called with the right token, in order, including refused and faulted calls.</summary>
    public IReadOnlyList<string> Calls
    {
        get { lock (_gate) return [.. _calls]; }
    }

    /// <summary>The calls whose request had no Content-Length (a chunked body), in order.</summary>
    public IReadOnlyList<string> CallsWithoutContentLength
    {
        get { lock (_gate) return [.. _callsWithoutLength]; }
    }

    private readonly List<string> _callsWithoutLength = [];

    public static async Task<FakeZaloServer> StartAsync(string token = DefaultToken)
    {
        var server = new FakeZaloServer(token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // Hanging calls and long polls end first, or Kestrel would wait for them on shutdown.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _stopping.Dispose();
        _webhookClient.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (TryServePhoto(context, out var photo))
        {
            await photo;
            return;
        }
        if (!TryParsePath(context.Request.Path.Value, out var token, out var method))
        {
            await FakeZaloAnswers.ErrorAsync(context, 404, "Not Found", System.Net.HttpStatusCode.NotFound);
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await FakeZaloAnswers.ErrorAsync(context, 405, "Method Not Allowed");
            return;
        }
        if (token != Token)
        {
            await FakeZaloAnswers.ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        lock (_gate)
        {
            _calls.Add(method);
            // Zalo's own examples send a Content-Length; a chunked body is what a streaming JsonContent makes.
            if (context.Request.ContentLength is null) _callsWithoutLength.Add(method);
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var body = await ReadBodyAsync(context);
        if (await ApplyFaultAsync(context, method, body is null ? null : Field(body, "text") ?? Field(body, "caption"), aborted.Token))
            return;

        if (body is null)
        {
            await FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: body is not a JSON object");
            return;
        }

        await (method switch
        {
            "getMe" => FakeZaloAnswers.OkAsync(context, new JsonObject
            {
                ["id"] = BotId,
                ["account_name"] = BotName,
                ["account_type"] = "BASIC",
                ["can_join_groups"] = false,
            }),
            "getUpdates" => GetUpdatesAsync(context, body, aborted.Token),
            "sendMessage" => SendMessageAsync(context, body),
            "sendPhoto" => SendPhotoAsync(context, body),
            "sendSticker" => SendStickerAsync(context, body),
            "sendChatAction" => SendChatActionAsync(context, body),
            "setWebhook" => SetWebhookAsync(context, body),
            "deleteWebhook" => DeleteWebhookAsync(context),
            "getWebhookInfo" => GetWebhookInfoAsync(context),
            _ => FakeZaloAnswers.ErrorAsync(context, 404, $"Not Found: method {method}"),
        });
    }

    private static bool TryParsePath(string? path, out string token, out string method)
    {
        token = method = "";
        var parts = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].StartsWith("bot", StringComparison.Ordinal))
            return false;
        token = parts[0]["bot".Length..];
        method = parts[1];
        return true;
    }

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
            return [];
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A field as text whether it came as a JSON string or a number, as clients differ.</summary>
    private static string? Field(JsonObject body, string name) =>
        body[name] is JsonValue value
            ? value.TryGetValue<string>(out var s) ? s : value.ToJsonString()
            : null;
}
