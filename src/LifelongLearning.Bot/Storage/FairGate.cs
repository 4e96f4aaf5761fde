namespace LifelongLearning.Bot.Storage;

/// <summary>
/// A lock that lets its waiters in first come, first served, and that the holder may take again (a read inside a
/// write). <see cref="System.Threading.Lock"/> lets a thread that has just let go take it again before the
/// threads waiting are woken, so under load a few waiters wait through most of a run (issue 18). Here the holder
/// hands the lock to the longest waiter as it lets go.
/// </summary>
internal sealed class FairGate
{
    private readonly object _sync = new();
    private readonly Queue<Waiter> _waiting = new();
    private int _owner; // managed thread id of the holder, 0 when free
    private int _depth;

    public Scope Enter()
    {
        var me = Environment.CurrentManagedThreadId;
        if (Volatile.Read(ref _owner) == me)
        {
            _depth++;
            return new Scope(this);
        }
        Waiter waiter;
        lock (_sync)
        {
            if (_owner == 0 && _waiting.Count == 0)
            {
                _owner = me;
                _depth = 1;
                return new Scope(this);
            }
            waiter = new Waiter(me);
            _waiting.Enqueue(waiter);
        }
        // Handed over by Exit: _owner and _depth are already this thread's.
        waiter.Ready.Wait();
        waiter.Ready.Dispose();
        return new Scope(this);
    }

    private void Exit()
    {
        if (--_depth > 0) return;
        lock (_sync)
        {
            if (_waiting.TryDequeue(out var next))
            {
                _owner = next.ThreadId;
                _depth = 1;
                next.Ready.Set();
            }
            else _owner = 0;
        }
    }

    private sealed class Waiter(int threadId)
    {
        public int ThreadId { get; } = threadId;
        public ManualResetEventSlim Ready { get; } = new(false, spinCount: 1);
    }

    public readonly ref struct Scope(FairGate gate)
    {
        public void Dispose() => gate.Exit();
    }
}
