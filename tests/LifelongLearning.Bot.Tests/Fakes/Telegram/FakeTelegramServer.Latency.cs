using System.Text.Json.Nodes;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// A network between the bot and the Bot API: a send is counted when it arrives and answered <see cref="SendLatency"/>
/// later (a proxy, a server abroad), and the fake notes how many sends to one chat were ever under way at once.
/// </summary>
public sealed partial class FakeTelegramServer
{
    private readonly Dictionary<long, int> _sendsUnderWay = [];
    private TimeSpan _sendLatency;
    private int _mostUnderWayToOneChat;
    private int _underWay;
    private int _mostUnderWay;

    /// <summary>How long a send* call takes to come back after it was counted; zero by default.</summary>
    public TimeSpan SendLatency
    {
        get { lock (_gate) return _sendLatency; }
        set { lock (_gate) _sendLatency = value; }
    }

    /// <summary>The most send* calls to one chat that were ever under way together (a bot keeping a chat's order sends one at a time).</summary>
    public int MostSendsUnderWayToOneChat { get { lock (_gate) return _mostUnderWayToOneChat; } }

    /// <summary>The most send* calls under way together, to any chats.</summary>
    public int MostSendsUnderWay { get { lock (_gate) return _mostUnderWay; } }

    private async Task<JsonNode?> SendingAsync(string method, RequestParameters parameters, Func<Task<JsonNode?>> invoke, CancellationToken ct)
    {
        var chat = method.StartsWith("send", StringComparison.Ordinal) ? parameters.GetLong("chat_id") : null;
        if (chat is not { } id) return await invoke();
        TimeSpan latency;
        lock (_gate)
        {
            var underWay = _sendsUnderWay.GetValueOrDefault(id) + 1;
            _sendsUnderWay[id] = underWay;
            _mostUnderWayToOneChat = Math.Max(_mostUnderWayToOneChat, underWay);
            _mostUnderWay = Math.Max(_mostUnderWay, ++_underWay);
            latency = _sendLatency;
        }
        try
        {
            var result = await invoke();
            if (latency > TimeSpan.Zero) await Task.Delay(latency, ct);
            return result;
        }
        finally
        {
            lock (_gate)
            {
                _sendsUnderWay[id]--;
                _underWay--;
            }
        }
    }
}
