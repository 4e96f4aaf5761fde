using System.Collections.Concurrent;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// When each channel last did its job: a poll that returned (with or without updates), or a webhook delivery
/// stored. A polling channel silent for <see cref="PollingLimit"/> is unhealthy; a webhook channel may be quiet
/// for hours when nobody writes, so its last delivery is shown but not judged.
/// </summary>
public sealed class Heartbeats
{
    public static readonly TimeSpan PollingLimit = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (bool Polling, DateTimeOffset? Last)> _channels = new();
    private readonly TimeProvider _clock;

    /// <param name="expected">the channels composed (shown as never heard of until their first poll)</param>
    public Heartbeats(TimeProvider clock, IEnumerable<ExpectedChannel> expected)
    {
        _clock = clock;
        StartedAt = clock.GetUtcNow();
        foreach (var channel in expected) _channels.TryAdd(channel.Name, (channel.Polling, null));
    }

    /// <summary>When the process started: the reference for a channel that never polled yet.</summary>
    public DateTimeOffset StartedAt { get; }

    public void Beat(string channel) =>
        _channels.AddOrUpdate(channel, _ => (true, _clock.GetUtcNow()), (_, old) => (old.Polling, _clock.GetUtcNow()));

    public IReadOnlyDictionary<string, (bool Polling, DateTimeOffset? Last)> Channels => _channels;
}

/// <summary>A channel the host composed, and whether it polls (judged by <see cref="Heartbeats.PollingLimit"/>) or takes webhooks.</summary>
public sealed record ExpectedChannel(string Name, bool Polling);
