using LifelongLearning.Bot.Core.Time;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Channels;

/// <summary>
/// Connects a channel to its platform at start, and keeps trying in the background while the platform is
/// out of reach, because a commune server often boots before its network and the rest of the bot (the
/// calendar, the other channel) must not wait for it. A refusal that waiting cannot fix (a wrong token)
/// fails the start, or, found later, stops the bot. Telegram's and Zalo's starts share this; each says what
/// "connect", "out of reach" and its log lines are.
/// </summary>
public sealed class PlatformConnection(
    Func<CancellationToken, Task> connect,
    Func<Exception, CancellationToken, bool> isOutOfReach,
    Action<Exception, int, TimeSpan> logOutOfReach,
    Action<Exception> logGaveUp,
    TimeProvider clock,
    IHostApplicationLifetime lifetime)
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    /// <summary>Completes once the platform has answered and the bot is set up there; polling waits for it.</summary>
    public Task Ready => _ready.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await connect(cancellationToken);
            _ready.TrySetResult();
            return;
        }
        catch (Exception ex) when (isOutOfReach(ex, cancellationToken))
        {
            logOutOfReach(ex, 1, FirstBackoff);
        }
        _retrying = RetryAsync(_stopping.Token);
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        var backoff = new Backoff(FirstBackoff, MaxBackoff, clock);
        for (var attempt = 2; ; attempt++)
        {
            try
            {
                if (!await backoff.WaitAsync(ct))
                {
                    _ready.TrySetCanceled(ct);
                    return;
                }
                // Every step of a connection is idempotent (getMe, the command menu, the webhook), so the
                // whole sequence is simply tried again.
                await connect(ct);
                _ready.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                _ready.TrySetCanceled(ct);
                return;
            }
            catch (Exception ex) when (isOutOfReach(ex, ct))
            {
                logOutOfReach(ex, attempt, backoff.Next);
            }
            catch (Exception ex)
            {
                // Refused once reached: waiting will not fix it, so the bot stops as it would have at the start.
                logGaveUp(ex);
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
}
