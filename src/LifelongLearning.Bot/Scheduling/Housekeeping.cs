using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>
/// Once a day (on the injected clock), forgets the keys of messages received longer ago than
/// <see cref="StorageOptions.ReceivedRetentionDays"/>. A key only guards against a platform delivering the same
/// message again, which happens within minutes or hours (Telegram keeps an update at most 24 hours), so a
/// month is ample, and the collection no longer grows with every message ever received.
/// </summary>
public sealed partial class Housekeeping(BotStore store, TimeProvider clock, IOptions<StorageOptions> options, ILogger<Housekeeping> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Deletes the old keys; returns how many.</summary>
    public int PruneReceived()
    {
        var before = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(options.Value.ReceivedRetentionDays);
        return store.Write(() => store.Received.DeleteMany(r => r.At < before));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = PruneReceived();
                if (pruned > 0) LogPruned(pruned);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
            {
                LogFailed(ex);
            }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} received-message keys older than the retention removed")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Housekeeping failed; trying again tomorrow")]
    private partial void LogFailed(Exception ex);
}
