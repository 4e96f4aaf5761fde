using System.Diagnostics;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Engine;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// Unit heads asking /trangthai, one message every 200–500 ms in all, on a thread of its own: each message's
/// latency is from the call to BotEngine.Handle to its commit (when a channel confirms it to the platform). The
/// message goes to the next of several heads in turn, so no chat gets more than Telegram's one reply a second.
/// </summary>
public sealed class HeadProbe : IDisposable
{
    private readonly BotEngine _engine;
    private readonly IReadOnlyList<string> _chats;
    private readonly Func<TimeSpan> _now;
    private readonly Thread _thread;
    private readonly List<(string Chat, TimeSpan At, double Ms)> _asked = [];
    private volatile bool _stop;
    private int _sent;

    /// <param name="now">the clock the replies are timed on at the platform (the fake Bot API's), for the delivery latency</param>
    public HeadProbe(BotEngine engine, IReadOnlyList<string> chats, Func<TimeSpan> now, string tag)
    {
        _engine = engine;
        _chats = chats;
        _now = now;
        _thread = new Thread(() => Loop(tag)) { IsBackground = true, Name = "unit heads" };
        _thread.Start();
    }

    /// <summary>The messages handled so far: chat, when it was sent on the platform's clock, and its latency to the commit.</summary>
    public IReadOnlyList<(string Chat, TimeSpan At, double Ms)> Asked { get { lock (_asked) return [.. _asked]; } }

    /// <summary>Waits for the message in hand (which may be queued behind the store's writer) and stops.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Loop(string tag)
    {
        var random = new Random(7);
        while (!_stop)
        {
            var chat = _chats[_sent % _chats.Count];
            var at = _now();
            var start = Stopwatch.GetTimestamp();
            _engine.Handle(new IncomingMessage(TelegramUpdateMapper.Channel, chat, "Trưởng đơn vị", "/trangthai", $"{tag}:{_sent++}"));
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            lock (_asked) _asked.Add((chat, at, ms));
            Thread.Sleep(random.Next(200, 501));
        }
    }
}
