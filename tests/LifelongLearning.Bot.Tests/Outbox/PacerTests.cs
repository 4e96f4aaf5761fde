using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Outbox;

/// <summary>
/// The pace a channel keeps, on a fake clock: what the platform would count (starts in any second, messages to
/// one chat) against what it allows, with sends in flight at once and a 429 in the middle.
/// </summary>
public sealed class PacerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Sends_in_flight_at_once_reach_the_overall_rate_and_never_pass_it_in_any_second()
    {
        var pacer = new Pacer(new ChannelLimits(30, TimeSpan.FromSeconds(1)), _clock);
        var starts = new List<DateTimeOffset>();
        var end = _clock.GetUtcNow() + TimeSpan.FromSeconds(10);
        // Every send takes 300 ms, and none has come back when the next may start: a slot is booked as a send starts.
        for (var chat = 0; _clock.GetUtcNow() < end; _clock.Advance(Tick))
            while (pacer.ChannelReadyIn() == TimeSpan.Zero)
            {
                pacer.Start($"{chat++}");
                starts.Add(_clock.GetUtcNow());
            }

        Assert.InRange(starts.Count, (int)(0.97 * 300), 300);
        Assert.True(MostInAnySecond(starts) <= 30, $"{MostInAnySecond(starts)} in one second");
    }

    [Fact]
    public void Sends_slow_to_arrive_on_cold_connections_push_the_window_back_so_no_second_counts_more_than_the_limit()
    {
        var pacer = new Pacer(new ChannelLimits(30, TimeSpan.FromSeconds(1)), _clock);
        var arrivals = new List<DateTimeOffset>();
        var answers = new List<(string Chat, DateTimeOffset At)>();
        var end = _clock.GetUtcNow() + TimeSpan.FromSeconds(20);
        // As measured on the loopback Bot API (SendBench, 0 ms): the first sends open the connections and reach the
        // platform 65 ms after they start, all later ones in a millisecond, so the first window's arrivals came
        // late and the next window's early ones landed in the same second.
        for (var chat = 0; _clock.GetUtcNow() < end; _clock.Advance(Tick))
        {
            foreach (var answer in answers.Where(a => a.At <= _clock.GetUtcNow()).ToList())
            {
                pacer.Finished(answer.Chat);
                answers.Remove(answer);
            }
            while (pacer.ChannelReadyIn() == TimeSpan.Zero)
            {
                var cold = chat < 3;
                var there = TimeSpan.FromMilliseconds(cold ? 65 : 1);
                var back = TimeSpan.FromMilliseconds(cold ? 15 : 1);
                pacer.Start($"{chat}");
                arrivals.Add(_clock.GetUtcNow() + there);
                answers.Add(($"{chat++}", _clock.GetUtcNow() + there + back));
            }
        }

        arrivals.Sort();
        Assert.True(MostInAnySecond(arrivals) <= 30, $"the platform counted {MostInAnySecond(arrivals)} in one second");
        Assert.InRange(arrivals.Count, (int)(0.97 * 600), 600);
    }

    [Fact]
    public void A_seconds_starts_are_spread_through_it_not_bunched_at_its_start()
    {
        var pacer = new Pacer(new ChannelLimits(30, TimeSpan.FromSeconds(1)), _clock);
        var starts = new List<DateTimeOffset>();
        for (var chat = 0; starts.Count < 60; _clock.Advance(Tick))
            while (pacer.ChannelReadyIn() == TimeSpan.Zero)
            {
                pacer.Start($"{chat++}");
                starts.Add(_clock.GetUtcNow());
            }

        var closest = starts.Zip(starts.Skip(1), (a, b) => b - a).Min();
        Assert.True(closest >= TimeSpan.FromSeconds(Pacer.Spread / 30), $"two starts {closest.TotalMilliseconds:0} ms apart");
        Assert.True(starts[29] - starts[0] >= TimeSpan.FromSeconds(0.85), "the first 30 starts bunched in the window's first part");
    }

    [Fact]
    public void A_rows_second_message_starts_only_when_the_chat_and_the_channel_are_both_ready()
    {
        var pacer = new Pacer(new ChannelLimits(2, TimeSpan.FromSeconds(1)), _clock);
        Assert.Equal(TimeSpan.Zero, pacer.TryStart("42"));
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        pacer.Finished("42");

        // A photo's answer is in; its text is a message of its own: a second after that answer, not at once.
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.TryStart("42"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, pacer.TryStart("42"));
        // Both counted against the channel's two a second: a third chat waits for the window.
        Assert.True(pacer.TryStart("43") > TimeSpan.Zero, "two messages fill a window of two");
    }

    [Fact]
    public void A_send_in_flight_holds_its_slot_before_its_answer_comes_back()
    {
        var pacer = new Pacer(new ChannelLimits(2, TimeSpan.FromSeconds(1)), _clock);
        pacer.Start("1");
        pacer.Start("2");

        // Neither has come back; a third chat waits for the window of the first, not for their answers.
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(pacer.ChannelReadyIn() > TimeSpan.Zero, "two in one second is the limit");
        _clock.Advance(TimeSpan.FromSeconds(1.02) - TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.Zero, pacer.ChannelReadyIn());
    }

    [Fact]
    public void One_chat_gets_its_short_burst_where_allowed_then_one_message_a_second_not_counting_time_in_flight()
    {
        var pacer = new Pacer(new ChannelLimits(30, TimeSpan.FromSeconds(1), PerChatBurst: 3), _clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.ChatReadyIn("42"));
            pacer.Start("42");
            _clock.Advance(TimeSpan.FromMilliseconds(300));
            pacer.Finished("42");
        }

        // The burst is spent 0.9 s in; the 300 ms each send was in flight earned nothing: the next waits a second after the last answer.
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.ChatReadyIn("42"));
        Assert.Equal(TimeSpan.Zero, pacer.ChatReadyIn("43"));
    }

    [Fact]
    public void A_429_pauses_the_whole_channel_and_a_shorter_one_does_not_cut_the_pause()
    {
        var pacer = new Pacer(new ChannelLimits(30, TimeSpan.FromSeconds(1)), _clock);
        pacer.Start("1");
        pacer.Pause(TimeSpan.FromSeconds(5));
        pacer.Pause(TimeSpan.FromSeconds(1));

        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(5), pacer.PausedUntil);
        Assert.Equal(TimeSpan.FromSeconds(5), pacer.ChannelReadyIn());
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, pacer.ChannelReadyIn());
    }

    [Fact]
    public void After_a_429_the_channel_goes_a_little_slower_and_comes_back_to_its_rate_after_a_calm_thousand()
    {
        var pacer = new Pacer(new ChannelLimits(10, TimeSpan.FromSeconds(1)), _clock);
        pacer.Pause(TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(1.03), WindowOf(pacer));

        for (var i = 0; i < Pacer.CalmStarts; i++) StartWhenReady(pacer);
        Assert.Equal(TimeSpan.FromSeconds(1.02), WindowOf(pacer));
    }

    /// <summary>How long after a full window's first start the next may go: the overall window as the pacer holds it.</summary>
    private TimeSpan WindowOf(Pacer pacer)
    {
        _clock.Advance(TimeSpan.FromSeconds(5));
        var first = _clock.GetUtcNow();
        for (var i = 0; i < 10; i++) StartWhenReady(pacer);
        while (pacer.ChannelReadyIn() > TimeSpan.Zero) _clock.Advance(Tick);
        return _clock.GetUtcNow() - first;
    }

    private void StartWhenReady(Pacer pacer)
    {
        while (pacer.ChannelReadyIn() > TimeSpan.Zero) _clock.Advance(Tick);
        pacer.Start($"{Guid.NewGuid()}");
    }

    private static int MostInAnySecond(List<DateTimeOffset> starts) =>
        starts.Select((at, i) => starts.Skip(i).TakeWhile(s => s - at < TimeSpan.FromSeconds(1)).Count()).Max();
}
