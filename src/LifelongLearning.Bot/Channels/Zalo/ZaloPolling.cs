using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Core.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Long polling. Zalo's getUpdates hands out one update and has no offset: the update is gone from Zalo
/// once handed out, so its effects are stored (<see cref="ZaloInbox"/>) before the next poll, and a copy
/// Zalo sends again is recognised by its message id.
/// </summary>
public sealed partial class ZaloPolling(
    ZaloClient zalo,
    ZaloInbox inbox,
    ZaloStartup startup,
    TimeProvider clock,
    IOptions<ZaloOptions> options,
    Heartbeats heartbeats,
    ILogger<ZaloPolling> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            // Polling before the webhook is cleared would be refused (409): wait for the start's setup.
            await startup.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested || startup.Ready.IsFaulted || startup.Ready.IsCanceled)
        {
            return;
        }
        var backoff = new Backoff(FirstBackoff, MaxBackoff, clock);
        var timeout = options.Value.PollTimeoutSeconds;
        // Zalo hands an update out once (no offset): one the store could not take (disk full, a locked
        // file) is kept here and offered again before the next poll, or the person's message would be lost.
        ZaloUpdate? unstored = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (unstored is null)
                {
                    unstored = await zalo.GetUpdatesAsync(timeout, stoppingToken);
                    backoff.Reset();
                    heartbeats.Beat("zalo");
                }
                if (unstored is not null) await inbox.AcceptAsync(unstored, stoppingToken);
                unstored = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ZaloApiException ex) when (ex.ErrorCode == 409)
            {
                LogConflict(ex.Description, backoff.Next.TotalSeconds);
                await backoff.WaitAsync(stoppingToken);
            }
            catch (ZaloApiException ex)
            {
                // The client scrubs the token from every description.
                LogPollFailed(ex.Description, backoff.Next.TotalSeconds);
                await backoff.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The store failing, a bug: not a Zalo failure, so the exception carries no token.
                LogFailed(ex, ex.GetType().Name, ex.Message, backoff.Next.TotalSeconds);
                await backoff.WaitAsync(stoppingToken);
            }
        }
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo getUpdates failed ({Reason}); retrying in {Seconds} s")]
    private partial void LogPollFailed(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo getUpdates conflict ({Reason}): a webhook is set for this bot, or another program uses it. Retrying in {Seconds} s")]
    private partial void LogConflict(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo update handling failed ({Type}: {Reason}); polling again in {Seconds} s")]
    private partial void LogFailed(Exception ex, string type, string reason, double seconds);
}
