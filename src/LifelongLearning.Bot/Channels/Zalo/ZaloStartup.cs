using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Runs before polling or the webhook: checks the token (getMe) and points Zalo at the webhook
/// (setWebhook with the secret) or clears it for polling, since the two exclude each other. Zalo out of
/// reach (network down, 5xx, a timeout) is tried again in the background with backoff, as a commune server
/// often boots before its network (the same rule as Telegram's start); a refused token stops the bot.
/// </summary>
public sealed partial class ZaloStartup(
    ZaloClient zalo,
    IOptions<ZaloOptions> options,
    BotIdentity identity,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ZaloStartup> logger) : IHostedService
{
    private PlatformConnection? _connection;

    // Out of reach holds up nothing else (the calendar, Telegram). Zalo's descriptions carry no token: the
    // client scrubs them.
    private PlatformConnection Connection => LazyInitializer.EnsureInitialized(ref _connection, () => new(
        ConnectAsync,
        (ex, _) => ex is ZaloApiException { IsTransient: true },
        (ex, attempt, wait) => LogUnreachable(((ZaloApiException)ex).Description, attempt, wait.TotalSeconds),
        ex => LogGaveUp(ex.Message),
        clock,
        lifetime));

    /// <summary>Completes once Zalo has answered and the bot is set up; polling waits for it.</summary>
    public Task Ready => Connection.Ready;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Known from the settings, so the invitation sheet shows it even while Zalo is out of reach.
        identity.ZaloBotLink = string.IsNullOrEmpty(options.Value.BotLink) ? null : options.Value.BotLink;
        return Connection.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Connection.StopAsync(cancellationToken);

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        ZaloBotInfo me;
        try
        {
            me = await zalo.GetMeAsync(cancellationToken);
            identity.ZaloBotName = me.AccountName;
        }
        catch (ZaloApiException ex) when (!ex.IsTransient)
        {
            LogTokenRefused(ex.ErrorCode);
            throw new InvalidOperationException(
                $"Zalo:BotToken bị từ chối ({ex.ErrorCode}: {ex.Description}): Zalo không nhận mã này. " +
                "Kiểm tra lại mã bot mà Zalo Bot Creator đã gửi (Zalo:BotToken) và Zalo:ApiBaseUrl.");
        }

        if (o.IsWebhook)
            await zalo.SetWebhookAsync(WebhookUrl(o), o.WebhookSecret!, cancellationToken);
        else
            await zalo.DeleteWebhookAsync(cancellationToken);
        LogReady(me.AccountName, o.IsWebhook ? "webhook" : "polling");
    }

    public static string WebhookUrl(ZaloOptions o) => o.PublicBaseUrl!.TrimEnd('/') + ZaloWebhook.Path;

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo bot {Name} ready ({Mode})")]
    private partial void LogReady(string name, string mode);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Zalo refused Zalo:BotToken ({ErrorCode}); the bot does not start")]
    private partial void LogTokenRefused(int errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo out of reach at start ({Reason}), attempt {Attempt}; trying again in {Seconds} s while the rest of the bot runs")]
    private partial void LogUnreachable(string reason, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Zalo refused the bot once reached ({Reason}); stopping")]
    private partial void LogGaveUp(string reason);
}
