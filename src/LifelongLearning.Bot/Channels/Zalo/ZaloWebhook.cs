using LifelongLearning.Bot.Engine;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Webhook mode: a small web server on Zalo:WebhookListenUrl with POST /zalo/webhook, and GET /files/{token}
/// for the charts and files Zalo fetches by URL. A delivery without the right X-Bot-Api-Secret-Token gets 401
/// and changes nothing; a message is answered 200 only once its effects are stored, 500 when storing failed.
/// </summary>
public sealed partial class ZaloWebhook(
    ZaloInbox inbox,
    PublicFiles files,
    IOptions<ZaloOptions> options,
    ILoggerFactory loggers,
    Heartbeats heartbeats,
    ILogger<ZaloWebhook> logger) : IHostedService, IAsyncDisposable
{
    public const string Path = "/zalo/webhook";

    public const string SecretHeader = "X-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 64 * 1024;
    private WebApplication? _app;

    /// <summary>The address the server actually listens on (a port 0 in the settings becomes the real one).</summary>
    public string? ListeningUrl { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.WebhookListenUrl);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        // Redacted: the server logs each request's path, and a /files/{token} path is a live link.
        builder.Services.AddSingleton<ILoggerFactory>(new RedactingLoggerFactory(loggers));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(Path, (Func<HttpContext, Task<IResult>>)HandleAsync);
        app.MapPublicFiles(files);
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
        ZaloUpdate update;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            update = ZaloUpdate.ParseWebhook(await reader.ReadToEndAsync(context.RequestAborted));
        }
        catch (JsonException ex)
        {
            LogMalformed(ex.Message);
            return Results.BadRequest();
        }
        try
        {
            await inbox.AcceptAsync(update, context.RequestAborted);
            heartbeats.Beat("zalo");
            return Results.Ok();
        }
        catch (Exception ex)
        {
            LogFailed(update.EventName, ex.GetType().Name, ex.Message);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo webhook listening on {Url}{Path}")]
    private partial void LogListening(string url, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo webhook request from {Remote} without the right secret: 401")]
    private partial void LogBadSecret(string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo webhook request is not an update: {Reason}")]
    private partial void LogMalformed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo webhook {EventName} failed ({Type}: {Reason}); answering 500 so Zalo retries")]
    private partial void LogFailed(string eventName, string type, string reason);
}
