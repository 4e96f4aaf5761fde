using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// Sends what the outbox holds, one loop per channel, at the platform's pace. A message is marked sent
/// only after the platform accepted it, so a crash repeats at most the message in flight; a 429 or a
/// failure waits and retries; a refusal marks the person unreachable and tells the officials.
/// </summary>
public sealed partial class OutboxService(
    IEnumerable<IChannelSender> senders,
    BotStore store,
    PlanHolder time,
    Messenger messenger,
    Broadcaster broadcaster,
    TimeProvider clock,
    ILogger<OutboxService> logger) : BackgroundService
{
    public const int MaxAttempts = 12;
    private const int BatchSize = 100;
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
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var now = time.UtcNow;
                var (due, next) = Due(sender.Channel, now);
                if (due.Count == 0)
                {
                    await WaitAsync(sender.Channel, next, ct);
                    continue;
                }
                foreach (var read in due)
                {
                    // Asked again after each wait: a timer may end a hair early, and the limit is not a hair lax.
                    for (var wait = WaitFor(pacer, read.ChatId); wait > TimeSpan.Zero; wait = WaitFor(pacer, read.ChatId))
                        await Task.Delay(wait, clock, ct);
                    // The batch was read up to seconds ago: a resident may have left (/ngung) or an event been
                    // cancelled since. Read the row again, so only the message in flight can slip through.
                    if (store.Outbox.FindById(read.Id) is not { Status: OutboxStatus.Pending } message) continue;
                    if (!await SendOneAsync(sender, pacer, message, ct)) break;
                }
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

    /// <summary>
    /// How long a send under way may still finish once the host stops: cut off mid-answer, a message the
    /// platform already delivered stays pending and goes a second time after the restart.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    /// <summary>Sends one message and records the outcome; false when the channel should pause.</summary>
    private async Task<bool> SendOneAsync(IChannelSender sender, Pacer pacer, OutboxMessage message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // Wall-clock grace on purpose: it is about how long the process takes to stop, not the bot's calendar.
        using var send = new CancellationTokenSource();
        using var stopping = ct.Register(() => send.CancelAfter(StopGrace));
        pacer.Start(message.ChatId);
        try
        {
            await sender.SendAsync(message, send.Token);
            pacer.Finished(message.ChatId);
            store.Write(() =>
            {
                // Cancelled while in flight (/ngung that very second): it went, so it is marked sent, but it
                // was already counted as settled.
                var wasPending = store.Outbox.FindById(message.Id)?.Status == OutboxStatus.Pending;
                message.Status = OutboxStatus.Sent;
                message.SentAt = time.UtcNow;
                message.Attempts++;
                store.Outbox.Update(message);
                if (wasPending) broadcaster.Settled(message);
            });
            return true;
        }
        catch (SendFailedException failure) when (!send.IsCancellationRequested)
        {
            pacer.Finished(message.ChatId);
            // The channel waits out a 429, and the row goes again when the pause ends, with the others it caught.
            if (failure.RetryAfter is { } pause) pacer.Pause(pause);
            Record(message, failure, failure.RetryAfter is null ? null : pacer.PausedUntil.UtcDateTime);
            return failure.Failure != SendFailure.Transient;
        }
        catch (Exception ex) when (ex is not SendFailedException && !send.IsCancellationRequested)
        {
            // Not the platform's answer but a fault of this row (a bug in the sender, a broken stream): left to
            // the loop it would be read again every 5 s for ever, uncounted. Count it like a transient failure,
            // so it backs off and is given up at MaxAttempts, and go on with the other rows.
            pacer.Finished(message.ChatId);
            LogUnexpected(ex, message.Channel, message.Id);
            Record(message, new SendFailedException(SendFailure.Transient, $"{ex.GetType().Name}: {ex.Message}"));
            return true;
        }
    }

    private static TimeSpan WaitFor(Pacer pacer, string chatId)
    {
        var chat = pacer.ChatReadyIn(chatId);
        var channel = pacer.ChannelReadyIn();
        return chat > channel ? chat : channel;
    }

    private void Record(OutboxMessage message, SendFailedException failure, DateTime? retryAt = null) => store.Write(() =>
    {
        if (store.Outbox.FindById(message.Id)?.Status != OutboxStatus.Pending) return; // cancelled meanwhile
        message.Attempts++;
        message.Error = failure.Message;
        switch (failure.Failure)
        {
            case SendFailure.Transient when message.Attempts < MaxAttempts:
                var backoff = failure.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, message.Attempts)));
                message.NotBefore = retryAt ?? time.UtcNow + backoff;
                LogRetry(message.Channel, message.Id, message.Attempts, backoff.TotalSeconds, failure.Message);
                break;
            case SendFailure.Unreachable:
                message.Status = OutboxStatus.Unreachable;
                MarkUnreachable(message, failure.Message);
                break;
            default:
                message.Status = OutboxStatus.Failed;
                LogGaveUp(message.Channel, message.Id, message.Attempts, failure.Message);
                TellGaveUp(message, failure.Message);
                break;
        }
        store.Outbox.Update(message);
        if (message.Status != OutboxStatus.Pending) broadcaster.Settled(message);
    });

    /// <summary>
    /// The officials hear once a day per channel that messages are being given up (a broadcast hitting one
    /// fault gives up every row: one alert, not one per resident); the log has each row.
    /// </summary>
    private void TellGaveUp(OutboxMessage message, string reason) =>
        messenger.ToOfficials(
            $"⚠️ Bot đã thôi gửi một tin trên {ChannelName.Display(message.Channel)} sau {message.Attempts} lần thử không được " +
            $"(nền tảng ghi: «{Quote.Short(reason, 200)}»). Người nhận vẫn giữ đăng ký; vui lòng báo người quản trị xem nhật ký (log) của bot.",
            OutboxKinds.Alert, $"gave-up:{message.Channel}:{time.UtcNow:yyyyMMdd}");

    private void MarkUnreachable(OutboxMessage message, string reason)
    {
        var account = store.Accounts.FindById(ChatAccount.AddressOf(message.Channel, message.ChatId));
        if (account is null || account.UnreachableReason is not null) return;
        account.UnreachableReason = reason;
        account.UnreachableSince = time.UtcNow;
        store.Accounts.Update(account);
        LogUnreachable(message.Channel, account.MemberId, reason);
        var member = store.Members.FindById(account.MemberId);
        if (member is null) return;
        if (member.Role == Role.Resident)
        {
            // A resident who blocked the bot has left: stop every announcement to them.
            if (store.Subscribers.FindById(member.Id) is { Active: true } subscriber)
            {
                subscriber.Active = false;
                subscriber.LeftAt = time.UtcNow;
                store.Subscribers.Update(subscriber);
            }
            return;
        }
        var unit = member.UnitId is null ? "" : $" ({store.Units.FindById(member.UnitId)?.Name})";
        messenger.ToOfficials($"⚠️ Không gửi được tin cho {member.Name}{unit} trên {ChannelName.Display(message.Channel)}: {RefusalText.Explain(reason)}. Vui lòng liên hệ trực tiếp.",
            OutboxKinds.Alert, $"unreachable:{account.Id}:{account.UnreachableSince:yyyyMMddHHmm}");
    }


    /// <summary>
    /// The messages that may go now, in sending order, and when the next one waiting falls due. A chat's
    /// messages keep their order behind one that waits for its retry: part 3 of a long text waits while part 2
    /// does. Read through the send-order index and stopped at a full batch, so a batch costs the rows it
    /// passes over, not the whole queue.
    /// </summary>
    private (List<OutboxMessage> Due, DateTime? Next) Due(string channel, DateTime now)
    {
        var due = new List<OutboxMessage>();
        DateTime? next = null;
        var waiting = new HashSet<string>();
        // Replies, reminders and alerts go before announcements (the index's order): a person answering the bot
        // must not wait behind a broadcast to thousands.
        foreach (var m in new PendingRows(store, channel).InOrder())
        {
            if (waiting.Contains(m.ChatId)) continue;
            if (m.NotBefore <= now)
            {
                due.Add(m);
                if (due.Count == BatchSize) break;
                continue;
            }
            if (next is null || m.NotBefore < next) next = m.NotBefore;
            waiting.Add(m.ChatId);
        }
        return (due, next);
    }

    private async Task WaitAsync(string channel, DateTime? nextDue, CancellationToken ct)
    {
        var delay = nextDue is { } due ? due - time.UtcNow : TimeSpan.FromMinutes(1);
        if (delay <= TimeSpan.Zero) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(delay, clock, timeout.Token);
        var signal = _wake[channel].WaitAsync(timeout.Token);
        await Task.WhenAny(timer, signal);
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
