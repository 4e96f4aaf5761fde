using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// The two halves of a broadcast to 10,000 residents: queueing (audience and the first batch of rows in one
/// transaction, then a batch a transaction) and draining (the real OutboxService through a sender that accepts at once, no pacing).
/// Each iteration starts from a fresh database, so it is a cold, one-shot measurement (Monitoring).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BroadcastBenchmarks
{
    private BroadcastWorld _world = null!;
    private int _queued;

    [Params(10_000)]
    public int Recipients { get; set; }

    [IterationSetup(Target = nameof(Queue))]
    public void SetUpQueue() => _world = new BroadcastWorld(Recipients);

    [Benchmark]
    public int Queue() => _world.Queue("bench");

    [IterationSetup(Target = nameof(Drain))]
    public void SetUpDrain()
    {
        _world = new BroadcastWorld(Recipients);
        _queued = _world.Queue("bench");
    }

    [Benchmark]
    public Task Drain() => _world.DrainAsync("bench", _queued);

    [IterationCleanup]
    public void CleanUp() => _world.Dispose();
}
