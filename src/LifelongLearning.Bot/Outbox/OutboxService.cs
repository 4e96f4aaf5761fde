using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// Sends what the outbox holds, one loop per channel, at the platform's pace, several sends at once but never
/// two to one chat. A message is marked sent only after the platform accepted it, so a crash repeats at most
/// the messages in flight; a 429 or a failure waits and retries. What a row's end means for people (a refusal,
/// a row given up, a broadcast's report) is the engine's <see cref="Deliveries"/>.
/// </summary>
public sealed partial class OutboxService(
    IEnumerable<IChannelSender> senders,
    BotStore store,
    Deliveries deliveries,
    TimeProvider clock,
    ILogger<OutboxService> logger) : BackgroundService
{
    public const int MaxAttempts = 12;

    /// <summary>How often a pass through a broadcast looks for a reply queued meanwhile (which then goes first).</summary>
    public static readonly TimeSpan ReplyCheckEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(30);
    private readonly IReadOnlyList<IChannelSender> _senders = [.. senders];
    // One signal per channel: with one shared semaphore a busy channel's loop could take the permits a commit
    // meant for an idle one, which then slept its full minute with a reply waiting (the Zalo photo test's flake).
    private readonly Dictionary<string, SemaphoreSlim> _wake = senders.ToDictionary(s => s.Channel, _ => new SemaphoreSlim(0, 1));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Committed += Wake;
        stoppingToken.Register(() => store.Committed -= Wake);
        return Task.WhenAll(_senders.Select(s => Task.Run(() => RunAsync(s, stoppingToken), stoppingToken)));
    }

    private void Wake()
    {
        foreach (var signal in _wake.Values)
            if (signal.CurrentCount == 0)
                try { signal.Release(); } catch (SemaphoreFullException) { } // released by another commit meanwhile
    }

    private async Task RunAsync(IChannelSender sender, CancellationToken ct)
    {
        var pacer = new Pacer(sender.Limits, clock);
        var rows = new PendingRows(store, sender.Channel);
        var inFlight = new SendsInFlight(sender.Limits.MaxInFlight);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    // Taken before the pass: a send that ends while the pass looks at its chat (busy) must still
                    // wake the wait after it, or its chat's next row would sleep until the next commit or a minute.
                    var ended = inFlight.NextEnd;
                    var (again, nextAt) = await SweepAsync(sender, pacer, rows, inFlight, ct);
                    if (!again) await WaitAsync(sender.Channel, nextAt, ended, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    LogLoopFailed(ex, sender.Channel);
                    await Task.Delay(TimeSpan.FromSeconds(5), clock, ct);
                }
            }
        }
        finally
        {
            // The sends under way end within StopGrace of the stop (each cancels itself then), inside the host's own stop time.
            await inFlight.AllEndedAsync();
        }
    }

    /// <summary>
    /// One pass over the channel's pending rows in sending order, starting each that may go now. A chat that is
    /// not ready (its send under way, its own pace, a retry's wait) is passed over, not waited on: one flooded
    /// chat must not hold the others' replies. Only the channel's overall pace and the room for sends in flight
    /// are waited for. Only a chat's first pending row may go, so each chat's messages keep their order. Returns
    /// whether to pass again at once (something started, or the pass was cut short), and when a row passed over
    /// may go (its retry time or its chat's pace).
    /// </summary>
    private async Task<(bool Again, DateTimeOffset? NextAt)> SweepAsync(
        IChannelSender sender, Pacer pacer, PendingRows rows, SendsInFlight inFlight, CancellationToken ct)
    {
        // After a 429 the rows it caught are due when the pause ends: wait it out first, so they go first.
        if (pacer.PausedUntil - clock.GetUtcNow() is var paused && paused > TimeSpan.Zero) await Task.Delay(paused, clock, ct);
        var pauses = pacer.Pauses;
        var started = false;
        DateTimeOffset? nextAt = null;
        var seen = new HashSet<string>();
        long newestReply = 0;
        var replyCheck = DateTimeOffset.MinValue;
        foreach (var row in rows.InOrder())
        {
            if (row.Kind != OutboxKinds.Broadcast) newestReply = row.Id; // the order holds every reply before any broadcast
            if (!seen.Add(row.ChatId)) continue;
            if (row.NotBefore > clock.GetUtcNow().UtcDateTime)
            {
                nextAt = Earliest(nextAt, new DateTimeOffset(row.NotBefore, TimeSpan.Zero));
                continue;
            }
            if (inFlight.Busy(row.ChatId)) continue; // its next row goes when the answer is in: the end wakes the loop
            if (pacer.ChatReadyIn(row.ChatId) is var chatWait && chatWait > TimeSpan.Zero)
            {
                nextAt = Earliest(nextAt, clock.GetUtcNow() + chatWait);
                continue;
            }
            await SlotAsync(pacer, inFlight, ct);
            // Start the pass again when a 429 came meanwhile (the rows it caught, behind this one, go first) or when
            // a reply was queued since this pass began (it goes before the rest of a broadcast).
            if (pacer.Pauses != pauses || (row.Kind == OutboxKinds.Broadcast && ReplyWaiting(rows, newestReply, ref replyCheck))) return (true, nextAt);
            // The row was read up to seconds ago: a resident may have left (/ngung) or an event been cancelled
            // since. Read it again, so only the message in flight can slip through.
            if (store.Outbox.FindById(row.Id) is not { Status: OutboxStatus.Pending } message) continue;
            // One step with the check, since a send under way may book its second message meanwhile (SendPace).
            if (pacer.TryStart(message.ChatId) > TimeSpan.Zero) return (true, nextAt);
            inFlight.Run(message.ChatId, () => SendOneAsync(sender, pacer, message, ct));
            started = true;
        }
        return (started, nextAt);
    }

    /// <summary>Waits for what every chat shares: the channel's pace (and a 429's pause) and room for one more send in flight.</summary>
    private async Task SlotAsync(Pacer pacer, SendsInFlight inFlight, CancellationToken ct)
    {
        while (true)
        {
            var ended = inFlight.NextEnd;
            if (inFlight.Full)
            {
                await ended.WaitAsync(ct);
                continue;
            }
            // Asked again after each wait: a timer may end a hair early, and the limit is not a hair lax.
            var wait = pacer.ChannelReadyIn();
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait, clock, ct);
        }
    }

    /// <summary>
    /// Whether a reply was queued after <paramref name="newestReply"/>; asked at most every <see cref="ReplyCheckEvery"/>,
    /// so a broadcast drained as fast as the platform answers costs one seek per tenth of a second, not one per row.
    /// </summary>
    private bool ReplyWaiting(PendingRows rows, long newestReply, ref DateTimeOffset lastCheck)
    {
        var now = clock.GetUtcNow();
        if (now - lastCheck < ReplyCheckEvery) return false;
        lastCheck = now;
        return rows.AnyReplyAfter(newestReply);
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    /// <summary>
    /// How long a send under way may still finish once the host stops: cut off mid-answer, a message the
    /// platform already delivered stays pending and goes a second time after the restart.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <summary>Sends one message (its slot already booked) and records the outcome.</summary>
    private async Task SendOneAsync(IChannelSender sender, Pacer pacer, OutboxMessage message, CancellationToken ct)
    {
        // Wall-clock grace on purpose: it is about how long the process takes to stop, not the bot's calendar.
        using var send = new CancellationTokenSource();
        using var stopping = ct.Register(() => send.CancelAfter(StopGrace));
        try
        {
            await sender.SendAsync(OutgoingMessage.Of(message), new SendPace(ct => pacer.NextMessageAsync(message.ChatId, ct)), send.Token);
            store.Write(() =>
            {
                // Cancelled while in flight (/ngung that very second): it went, so it is marked sent, but it
                // was already counted as settled.
                // The stored row, not the copy read before the send: its text may have changed meanwhile (a used
                // /web link loses its token the moment the official opens it, often before this answer is in).
                var stored = store.Outbox.FindById(message.Id) ?? message;
                var wasPending = stored.Status == OutboxStatus.Pending;
                stored.Status = OutboxStatus.Sent;
                stored.SentAt = clock.GetUtcNow().UtcDateTime;
                stored.Attempts++;
                store.Outbox.Update(stored);
                if (wasPending) deliveries.Settled(stored);
            });
        }
        catch (SendFailedException failure) when (!send.IsCancellationRequested)
        {
            // The channel waits out a 429, and the row goes again when the pause ends, in order with the others it caught.
            if (failure.RetryAfter is { } pause) pacer.Pause(pause);
            Record(message, failure, failure.RetryAfter is null ? null : pacer.PausedUntil.UtcDateTime);
        }
        catch (Exception ex) when (ex is not SendFailedException && !send.IsCancellationRequested)
        {
            // Not the platform's answer but a fault of this row (a bug in the sender, a broken stream): left to
            // the loop it would be read again for ever, uncounted. Count it like a transient failure,
            // so it backs off and is given up at MaxAttempts, and go on with the other rows.
            LogUnexpected(ex, message.Channel, message.Id);
            Record(message, new SendFailedException(SendFailure.Transient, $"{ex.GetType().Name}: {ex.Message}"));
        }
        finally
        {
            // Also when the send threw or was cut off at the stop: the chat's allowance refills from its answer on.
            pacer.Finished(message.ChatId);
        }
    }

    private void Record(OutboxMessage sent, SendFailedException failure, DateTime? retryAt = null) => store.Write(() =>
    {
        // The stored row, as in a success: what changed in it since the send began is kept.
        if (store.Outbox.FindById(sent.Id) is not { Status: OutboxStatus.Pending } message) return; // cancelled meanwhile
        message.Attempts++;
        message.Error = failure.Message;
        switch (failure.Failure)
        {
            case SendFailure.Transient when message.Attempts < MaxAttempts:
                var backoff = failure.RetryAfter ?? Backoff.After(message.Attempts, TimeSpan.FromSeconds(1), MaxBackoff);
                message.NotBefore = retryAt ?? clock.GetUtcNow().UtcDateTime + backoff;
                LogRetry(message.Channel, message.Id, message.Attempts, backoff.TotalSeconds, failure.Message);
                break;
            case SendFailure.Unreachable:
                message.Status = OutboxStatus.Unreachable;
                if (deliveries.Unreachable(message, failure.Message) is { } member) LogUnreachable(message.Channel, member, failure.Message);
                break;
            default:
                message.Status = OutboxStatus.Failed;
                LogGaveUp(message.Channel, message.Id, message.Attempts, failure.Message);
                deliveries.GaveUp(message, failure.Message);
                break;
        }
        store.Outbox.Update(message);
        if (message.Status != OutboxStatus.Pending) deliveries.Settled(message);
    });

    /// <summary>
    /// Nothing could start: waits until a row passed over may go, a send ends (<paramref name="ended"/>, taken
    /// before the pass), or a commit queued something.
    /// </summary>
    private async Task WaitAsync(string channel, DateTimeOffset? nextAt, Task ended, CancellationToken ct)
    {
        var delay = nextAt is { } at ? at - clock.GetUtcNow() : TimeSpan.FromMinutes(1);
        if (delay <= TimeSpan.Zero) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(delay, clock, timeout.Token);
        var signal = _wake[channel].WaitAsync(timeout.Token);
        await Task.WhenAny(timer, signal, ended);
        await timeout.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox loop for {Channel} failed; retrying in 5 s")]
    private partial void LogLoopFailed(Exception ex, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} message {MessageId}: the sender threw unexpectedly; counted as a failed attempt")]
    private partial void LogUnexpected(Exception ex, string channel, long messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} message {MessageId} failed (attempt {Attempt}); retrying in {Seconds} s: {Reason}")]
    private partial void LogRetry(string channel, long messageId, int attempt, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} message {MessageId} given up after {Attempt} attempts: {Reason}")]
    private partial void LogGaveUp(string channel, long messageId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} account of member {MemberId} is unreachable: {Reason}")]
    private partial void LogUnreachable(string channel, string memberId, string reason);
}
