using System.Text.Json;
using LifelongLearning.Bot.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Serialization;
using Telegram.Bot.Types;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>
/// Webhook mode: a small web server on Telegram:WebhookListenUrl with POST /telegram/webhook. A request
/// without the right secret header gets 401 and changes nothing; an update is answered 200 only once its
/// effects are stored, and 500 when storing failed, so Telegram delivers it again.
/// </summary>
public sealed partial class TelegramWebhook(
    ITelegramBotClient bot,
    BotEngine engine,
    BotIdentity identity,
    PhotoCopies photos,
    IOptions<TelegramOptions> options,
    ILoggerFactory loggers,
    Heartbeats heartbeats,
    ILogger<TelegramWebhook> logger) : IHostedService, IAsyncDisposable
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private WebApplication? _app;

    /// <summary>The address the endpoint actually listens on (a port 0 in the settings becomes the real one).</summary>
    public string? ListeningUrl { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.WebhookListenUrl);
        // Redacted: the server logs each request's path, and a /files/{token} path is a live link.
        builder.Services.AddSingleton<ILoggerFactory>(new RedactingLoggerFactory(loggers));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(Path, (Func<HttpContext, Task<IResult>>)HandleAsync);
        await app.StartAsync(cancellationToken);
        _app = app;
        ListeningUrl = app.Urls.FirstOrDefault()?.TrimEnd('/');
        LogListening(ListeningUrl ?? options.Value.WebhookListenUrl, Path);
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!WebhookSecret.Matches(context.Request.Headers[SecretHeader].FirstOrDefault(), options.Value.WebhookSecret ?? ""))
        {
            LogBadSecret(context.Connection.RemoteIpAddress?.ToString() ?? "?");
            return Results.Unauthorized();
        }
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            LogMalformed(ex.Message);
            return Results.BadRequest();
        }
        if (update is null) return Results.BadRequest();
        try
        {
            var mapped = TelegramUpdateMapper.Map(update, identity.TelegramUsername);
            if (mapped.Message is { } message)
            {
                await TelegramPhotoCopy.KeepIfExpectedAsync(bot, engine, photos, message, context.RequestAborted);
                engine.Handle(message);
            }
            if (mapped.CallbackQueryId is { } id) await TelegramPolling.AnswerCallbackAsync(bot, id, logger, context.RequestAborted);
            heartbeats.Beat("telegram");
            return Results.Ok();
        }
        catch (Exception ex)
        {
            LogFailed(update.Id, ex.GetType().Name, ex.Message);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }


    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook listening on {Url}{Path}")]
    private partial void LogListening(string url, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram webhook request from {Remote} without the right secret: 401")]
    private partial void LogBadSecret(string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram webhook request is not an update: {Reason}")]
    private partial void LogMalformed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram webhook update {UpdateId} failed ({Type}: {Reason}); answering 500 so Telegram retries")]
    private partial void LogFailed(int updateId, string type, string reason);
}
