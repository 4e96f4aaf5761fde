using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// Feeds a big broadcast's batches into the outbox, one transaction each, woken by the store's commits (the one
/// that queued the broadcast, or the start after a crash finds the batches left). Between batches the store's lock
/// is let go long enough for the messages waiting on it: a unit head's reply waits one batch at most, not the whole
/// announcement.
/// </summary>
public sealed partial class BroadcastBatchService(BotStore store, BroadcastBatches batches, TimeProvider clock, ILogger<BroadcastBatchService> logger)
    : BackgroundService
{
    /// <summary>
    /// Wall-clock on purpose: it is about the threads waiting for the store's lock getting it before the next batch,
    /// not about the bot's calendar (a test's fake clock must not stall it).
    /// </summary>
    public static readonly TimeSpan PauseBetweenBatches = TimeSpan.FromMilliseconds(10);

    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Committed += Wake;
        try
        {
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var written = await Task.Run(() => WriteAll(stoppingToken), stoppingToken);
                    if (written > 0) LogWritten(written);
                    failures = 0;
                    await _wake.WaitAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A full disk, a broken batch: the batches stay stored, and are tried again; the host keeps running.
                    LogFailed(ex);
                    await Task.Delay(Backoff.After(++failures, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)), clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            store.Committed -= Wake;
        }
    }

    private int WriteAll(CancellationToken ct)
    {
        var written = 0;
        while (!ct.IsCancellationRequested && batches.WriteNext())
        {
            written++;
            Thread.Sleep(PauseBetweenBatches);
        }
        return written;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
            try { _wake.Release(); } catch (SemaphoreFullException) { } // released by another commit meanwhile
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast batches: {Count} written to the outbox")]
    private partial void LogWritten(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing a broadcast batch failed; trying again")]
    private partial void LogFailed(Exception ex);
}
