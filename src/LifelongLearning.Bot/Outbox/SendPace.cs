namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// The pace of one row's send, for a row that goes out as more than one message (Telegram: a photo, then its
/// text too long for a caption). The platform counts each, so each further message waits for the chat's interval
/// after the previous answer and for the channel's slot, and is booked like a row.
/// </summary>
public sealed class SendPace(Pacer? pacer, string chatId, TimeProvider clock)
{
    /// <summary>For a send outside the outbox (a test, the console), where nothing is counted.</summary>
    public static readonly SendPace Unpaced = new(null, "", TimeProvider.System);

    /// <summary>The previous message's answer is in: waits until the next may go to the chat, and books it.</summary>
    public async Task NextMessageAsync(CancellationToken cancellationToken)
    {
        if (pacer is null) return;
        pacer.Finished(chatId);
        while (pacer.TryStart(chatId) is var wait && wait > TimeSpan.Zero)
            await Task.Delay(wait, clock, cancellationToken);
    }
}
