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
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ZaloStartup> logger) : IHostedService
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    /// <summary>Completes once Zalo has answered and the bot is set up; polling waits for it.</summary>
    public Task Ready => _ready.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ConnectAsync(cancellationToken);
            _ready.TrySetResult();
            return;
        }
        catch (ZaloApiException ex) when (ex.IsTransient)
        {
            LogUnreachable(ex.Description, 1, FirstBackoff.TotalSeconds);
        }
        // Out of reach holds up nothing else (the calendar, Telegram): Zalo is tried again until it answers.
        _retrying = RetryAsync(_stopping.Token);
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        var backoff = FirstBackoff;
        for (var attempt = 2; ; attempt++)
        {
            try
            {
                await Task.Delay(backoff, clock, ct);
                // getMe, setWebhook and deleteWebhook are idempotent: the whole sequence is tried again.
                await ConnectAsync(ct);
                _ready.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                _ready.TrySetCanceled(ct);
                return;
            }
            catch (ZaloApiException ex) when (ex.IsTransient)
            {
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                LogUnreachable(ex.Description, attempt, backoff.TotalSeconds);
            }
            catch (Exception ex)
            {
                // A refusal once Zalo was reached: waiting will not fix it, so the bot stops as it would have
                // at the start. Neither message carries the token (the client scrubs Zalo's descriptions).
                LogGaveUp(ex.Message);
                _ready.TrySetException(ex);
                lifetime.StopApplication();
                return;
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        ZaloBotInfo me;
        try
        {
            me = await zalo.GetMeAsync(cancellationToken);
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
