using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// A fresh LiteDB file with N subscribed residents and the bot's own broadcast code over it: the same
/// classes the host composes (Audience, Broadcaster, Messenger, OutboxService), without the host.
/// </summary>
public sealed class BroadcastWorld : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-bench-").FullName;

    /// <param name="channel">"telegram" when the real Telegram sender sends the rows (SendBench); any other name by default.</param>
    public BroadcastWorld(int residents, string channel = "bench")
    {
        Channel = channel;
        var plan = PlanLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json"));
        Store = new BotStore(DbPath);
        Local = new CommuneClock(TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"), TimeProvider.System);
        Messenger = new Messenger(Store, Local, new TextLimits([TelegramSender.Profile, ZaloSender.Profile]));
        Broadcaster = new Broadcaster(Store, Local, Messenger);
        Batches = new BroadcastBatches(Store, Broadcaster);
        Audience = new Audience(Store, Messenger);
        // Straight into the collections, in bulk: the set-up is not what is measured.
        var now = Local.UtcNow;
        var ids = Enumerable.Range(1, residents).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Store.Write(() =>
        {
            Store.Members.InsertBulk(ids.Select(id => new Member { Id = id, Name = $"Người dân {id}", Role = Role.Resident, CreatedAt = now }));
            Store.Accounts.InsertBulk(ids.Select(id => new ChatAccount
            {
                Id = ChatAccount.AddressOf(channel, id), Channel = channel, ChatId = id, MemberId = id, DisplayName = $"Người dân {id}", LastSeenAt = now,
            }));
            Store.Subscribers.InsertBulk(ids.Select(id => new Subscriber { Id = id, Active = true, SubscribedAt = now }));
        });
        Store.Checkpoint();
    }

    public string Channel { get; }
    public string DbPath => Path.Combine(_folder, "bench.db");
    public BotStore Store { get; }
    public CommuneClock Local { get; }
    public Messenger Messenger { get; }
    public Broadcaster Broadcaster { get; }
    public BroadcastBatches Batches { get; }
    public Audience Audience { get; }

    /// <summary>
    /// What /thongbao does on "OK": find the audience and write the first batch of rows (the rest stored as batches), in
    /// one transaction; then every other batch, one a transaction, as BroadcastBatchService writes them (without its pause).
    /// </summary>
    public int Queue(string broadcastId)
    {
        var count = Store.Write(() =>
        {
            var accounts = Audience.Residents(null, null);
            Broadcaster.Queue(broadcastId, null, accounts, "📢 Ngày hội đọc sách toàn xã, 8:00 chủ nhật tại nhà văn hóa.", null);
            return accounts.Count;
        });
        while (Batches.WriteNext()) { }
        return count;
    }

    /// <summary>Runs the real OutboxService with a sender that accepts at once, until the broadcast is settled.</summary>
    public async Task DrainAsync(string broadcastId, int expected)
    {
        var sender = new LoopbackSender(Channel, expected);
        var outbox = new OutboxService([sender], Store, new Deliveries(Store, Local, Messenger, Broadcaster), TimeProvider.System, NullLogger<OutboxService>.Instance);
        await outbox.StartAsync(CancellationToken.None);
        await sender.AllSent;
        // The last row is marked in the transaction after its send: wait for the broadcast to be reported.
        while (Store.Broadcasts.FindById(broadcastId).ReportedAt is null) await Task.Delay(1);
        await outbox.StopAsync(CancellationToken.None);
        outbox.Dispose();
    }

    public long FileBytes()
    {
        Store.Checkpoint();
        return new FileInfo(DbPath).Length;
    }

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A platform that takes every message at once: what is measured is the bot's own work per message.</summary>
    private sealed class LoopbackSender(string channel, int expected) : IChannelSender
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _sent;

        public string Channel => channel;
        public ChannelLimits Limits { get; } = new(MessagesPerSecond: 1e9, PerChatInterval: TimeSpan.FromTicks(1), PerChatBurst: 1_000);
        public Task AllSent => _all.Task;

        public Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _sent) >= expected) _all.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
