namespace LifelongLearning.Bot.Outbox;

/// <summary>
/// The sends of one channel under way: never two to one chat (its order would be the network's), at most
/// <c>max</c> in all. A send's mark comes off in <c>finally</c>, whatever the send does, so no chat is held for
/// ever by a send that threw or was cancelled; each end is signalled, so the loop waiting for room goes on.
/// </summary>
internal sealed class SendsInFlight(int max)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _chats = [];
    private readonly List<Task> _sends = [];
    private TaskCompletionSource _ended = NewSignal();

    public bool Busy(string chatId) { lock (_gate) return _chats.Contains(chatId); }

    public bool Full { get { lock (_gate) return _chats.Count >= max; } }

    public bool Any { get { lock (_gate) return _chats.Count > 0; } }

    /// <summary>Completes when the next send ends. Take it before looking at <see cref="Full"/>, so no end falls between the two.</summary>
    public Task NextEnd { get { lock (_gate) return _ended.Task; } }

    /// <summary>Marks the chat and starts its send.</summary>
    public void Run(string chatId, Func<Task> send)
    {
        lock (_gate)
        {
            if (!_chats.Add(chatId)) throw new InvalidOperationException($"A send to chat {chatId} is already under way.");
            _sends.RemoveAll(t => t.IsCompleted);
        }
        var task = RunAsync(chatId, send);
        lock (_gate) _sends.Add(task);
    }

    /// <summary>Every send under way has ended (each cancels itself within the stop grace once the host stops).</summary>
    public async Task AllEndedAsync()
    {
        Task[] sends;
        lock (_gate) sends = [.. _sends];
        try { await Task.WhenAll(sends); }
        catch (Exception) { } // each send logged or recorded its own outcome; a cancelled one stays pending
    }

    private async Task RunAsync(string chatId, Func<Task> send)
    {
        try
        {
            await send();
        }
        finally
        {
            TaskCompletionSource ended;
            lock (_gate)
            {
                _chats.Remove(chatId);
                ended = _ended;
                _ended = NewSignal();
            }
            ended.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
