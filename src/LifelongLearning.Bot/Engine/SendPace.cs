namespace LifelongLearning.Bot.Engine;

/// <summary>
/// The pace of one row's send, for a row that goes out as more than one message (Telegram: a photo, then its
/// text too long for a caption). The platform counts each, so each further message waits for the chat's interval
/// after the previous answer and for the channel's slot, and is booked like a row. The outbox gives its pacer's
/// wait; a channel only calls it.
/// </summary>
public sealed class SendPace(Func<CancellationToken, Task>? next)
{
    /// <summary>For a send outside the outbox (a test, the console), where nothing is counted.</summary>
    public static readonly SendPace Unpaced = new(null);

    /// <summary>The previous message's answer is in: waits until the next may go to the chat, and books it.</summary>
    public Task NextMessageAsync(CancellationToken cancellationToken) => next?.Invoke(cancellationToken) ?? Task.CompletedTask;
}
