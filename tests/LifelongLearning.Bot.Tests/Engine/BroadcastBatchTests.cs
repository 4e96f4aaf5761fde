using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

/// <summary>
/// An announcement bigger than one batch (Storage:BroadcastBatchSize, 10 here for 25–35 residents): the official's
/// turn writes the first batch of rows and stores the rest as batches, written one a transaction afterwards, so the
/// store's one writer is never held for the whole audience. Everyone is still reached once, in the order they
/// subscribed, through a crash between batches; a resident who left before their batch is not, and the report comes once.
/// </summary>
public sealed class BroadcastBatchTests : IAsyncLifetime
{
    private const string Channel = "test";
    private const int BatchSize = 10;
    private const long FirstResident = 1_000;
    private readonly List<EngineHost> _hosts = [];
    private long _sequence;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
    }

    [Fact]
    public async Task A_broadcast_of_several_batches_reaches_every_resident_once_in_the_order_they_subscribed_and_reports_once()
    {
        var sender = new RecordingSender();
        var host = await StartAsync(sender, batchesInBackground: true);
        Residents.Seed(host.Services.GetRequiredService<Members>(), host.Store, Channel, FirstResident, 35);

        Announce(host, "Ngày hội đọc sách toàn xã sáng chủ nhật.");
        Assert.Equal("Đang gửi thông báo tới 35 người. Bot sẽ báo kết quả khi gửi xong.",
            (await sender.WaitForAsync("admin", m => m.Text.StartsWith("Đang gửi"))).Text);

        var report = await sender.WaitForAsync("admin", m => m.Text.StartsWith("Kết quả gửi thông báo"));
        Assert.Equal("Kết quả gửi thông báo: 35 đã gửi, 0 không nhận được (chặn bot hoặc bị nền tảng từ chối) nên được hủy đăng ký, " +
            "0 đã ngừng nhận trước khi tới lượt, 0 không gửi được.", report.Text);
        var announcements = sender.Announcements();
        var everyone = Enumerable.Range(0, 35).Select(i => $"{FirstResident + i}").ToList();
        Assert.Equal(everyone, announcements.Select(m => m.ChatId).Order(StringComparer.Ordinal));
        // The rows were written batch after batch in the order the residents subscribed (the outbox sends in row order).
        Assert.Equal(everyone, BroadcastRows(host.Store).Select(m => m.ChatId));
        Assert.Contains("(Gõ /ngung để thôi nhận thông báo.)", announcements[^1].Text);
        Assert.Empty(host.Store.BroadcastBatches.FindAll());
        await Task.Delay(200); // a second report would come right behind the first
        Assert.Single(sender.To("admin"), m => m.Text.StartsWith("Kết quả gửi thông báo"));
    }

    [Fact]
    public async Task The_officials_turn_writes_the_first_batch_and_a_crash_between_batches_loses_nobody_and_doubles_nobody()
    {
        var before = new RecordingSender();
        var host = await StartAsync(before, batchesInBackground: false);
        Residents.Seed(host.Services.GetRequiredService<Members>(), host.Store, Channel, FirstResident, 35);

        Announce(host, "Lớp tin học miễn phí cho người cao tuổi.");
        // What the official's transaction stored: the record with its count and text, the first batch of rows, the rest as batches.
        var broadcast = Assert.Single(host.Store.Broadcasts.FindAll());
        Assert.Equal(35, broadcast.Recipients);
        Assert.StartsWith("📢 Lớp tin học miễn phí cho người cao tuổi.", broadcast.Text);
        Assert.Equal(BatchSize, BroadcastRows(host.Store).Count);
        Assert.Equal([10, 10, 5], host.Store.BroadcastBatches.FindAll().OrderBy(b => b.Id).Select(b => b.AccountIds.Count));

        Assert.True(host.Services.GetRequiredService<BroadcastBatches>().WriteNext());
        Assert.Equal(2 * BatchSize, BroadcastRows(host.Store).Count);
        await Waits.UntilAsync(() => host.Store.Read(() => BroadcastRows(host.Store).All(m => m.Status == OutboxStatus.Sent)), what: "the first two batches sent");

        // The process dies between the second batch and the third: the store as it stands on disk is what the next start finds.
        var copy = Path.Combine(Directory.CreateTempSubdirectory("llb-batches-").FullName, "bot.db");
        host.Store.CopyTo(copy);
        _hosts.Remove(host);
        await host.DisposeAsync();

        var after = new RecordingSender();
        var restarted = await StartAsync(after, batchesInBackground: true, database: copy);
        var report = await after.WaitForAsync("admin", m => m.Text.StartsWith("Kết quả gửi thông báo"));
        Assert.StartsWith("Kết quả gửi thông báo: 35 đã gửi, 0 không nhận được", report.Text);

        var perChat = before.Announcements().Concat(after.Announcements()).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(35, perChat.Count);
        Assert.All(perChat.Values, n => Assert.Equal(1, n));
        Assert.Equal(15, after.Announcements().Count); // nothing sent before the crash went again
        Assert.Equal(35, BroadcastRows(restarted.Store).Count);
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
    }

    [Fact]
    public async Task A_batch_written_again_adds_no_row_and_counts_nobody_twice()
    {
        var host = await StartAsync(sender: null, batchesInBackground: false);
        var store = host.Store;
        Residents.Seed(host.Services.GetRequiredService<Members>(), store, Channel, FirstResident, 15);
        Announce(host, "Lớp tin học miễn phí cho người cao tuổi.");
        var batch = Assert.Single(store.BroadcastBatches.FindAll());
        var batches = host.Services.GetRequiredService<BroadcastBatches>();
        Assert.True(batches.WriteNext());
        Assert.Equal(15, BroadcastRows(store).Count);

        // As if the transaction that wrote it had not deleted it: the same ids come round again.
        store.Write(() => store.BroadcastBatches.Insert(new BroadcastBatch { BroadcastId = batch.BroadcastId, AccountIds = batch.AccountIds }));
        Assert.True(batches.WriteNext());

        Assert.Equal(15, BroadcastRows(store).Count);
        Assert.Equal(15, BroadcastRows(store).Select(m => m.DedupKey).Distinct().Count());
        var broadcast = store.Broadcasts.FindById(batch.BroadcastId);
        Assert.Equal((15, 0, 0), (broadcast.Recipients, broadcast.Settled, broadcast.Unqueued));
        Assert.False(batches.WriteNext());
    }

    [Fact]
    public async Task A_resident_who_left_or_blocked_the_bot_before_their_batch_gets_nothing_and_the_report_still_comes()
    {
        var sender = new RecordingSender();
        var host = await StartAsync(sender, batchesInBackground: false);
        Residents.Seed(host.Services.GetRequiredService<Members>(), host.Store, Channel, FirstResident, 25);

        Announce(host, "Câu lạc bộ đọc sách họp tối thứ sáu.");
        Assert.Equal(BatchSize, BroadcastRows(host.Store).Count);
        // The 15th leaves (/ngung) and the 22nd blocks the bot (as the outbox records a refusal) before their batches are written.
        Say(host, $"{FirstResident + 14}", "/ngung");
        host.Store.Write(() => host.Services.GetRequiredService<Deliveries>().Unreachable(
            new OutboxMessage { Channel = Channel, ChatId = $"{FirstResident + 21}" }, "Forbidden: bot was blocked by the user"));

        var batches = host.Services.GetRequiredService<BroadcastBatches>();
        while (batches.WriteNext()) { }

        var report = await sender.WaitForAsync("admin", m => m.Text.StartsWith("Kết quả gửi thông báo"));
        Assert.Equal("Kết quả gửi thông báo: 23 đã gửi, 0 không nhận được (chặn bot hoặc bị nền tảng từ chối) nên được hủy đăng ký, " +
            "2 đã ngừng nhận trước khi tới lượt, 0 không gửi được.", report.Text);
        Assert.Equal(23, BroadcastRows(host.Store).Count);
        Assert.DoesNotContain(sender.Announcements(), m => m.ChatId == $"{FirstResident + 14}" || m.ChatId == $"{FirstResident + 21}");
        Assert.Equal(23, sender.Announcements().Select(m => m.ChatId).Distinct().Count());
        Assert.NotNull(host.Store.Broadcasts.FindAll().Single().ReportedAt);
        await Task.Delay(200);
        Assert.Single(sender.To("admin"), m => m.Text.StartsWith("Kết quả gửi thông báo"));
    }

    [Fact]
    public async Task A_cancelled_events_batches_not_yet_written_are_never_written()
    {
        var host = await StartAsync(sender: null, batchesInBackground: false);
        var store = host.Store;
        Residents.Seed(host.Services.GetRequiredService<Members>(), store, Channel, FirstResident, 25);
        Say(host, "admin", "/dssukien"); // the admin's first message makes them a member
        var admin = store.Accounts.FindById($"{Channel}:admin")!;
        var e = new EventRecord { Title = "Giao lưu sách hay", StartsAt = DateTime.UtcNow.AddDays(3), CreatedBy = admin.MemberId, CreatedAt = DateTime.UtcNow };
        store.Write(() =>
        {
            store.Events.Insert(e);
            host.Services.GetRequiredService<Broadcaster>().Queue(EventAnnouncer.BeforeId(e.Id), null,
                host.Services.GetRequiredService<Audience>().Residents(Communes.Shipped, null), "📅 Còn 3 ngày nữa: Giao lưu sách hay", null);
        });
        var batches = host.Services.GetRequiredService<BroadcastBatches>();
        Assert.True(batches.WriteNext());
        Assert.Equal(20, BroadcastRows(store).Count);

        Say(host, "admin", $"/huysukien {e.Id}");

        Assert.False(batches.WriteNext());
        Assert.Empty(store.BroadcastBatches.FindAll());
        Assert.Equal(20, BroadcastRows(store).Count);
        Assert.All(BroadcastRows(store), m => Assert.Equal(OutboxStatus.Cancelled, m.Status));
        var broadcast = store.Broadcasts.FindById(EventAnnouncer.BeforeId(e.Id));
        Assert.Equal(25, broadcast.Settled);
        Assert.Equal(5, broadcast.Unqueued);
        Assert.NotNull(broadcast.ReportedAt);
    }

    private async Task<EngineHost> StartAsync(RecordingSender? sender, bool batchesInBackground, string? database = null)
    {
        var host = await EngineHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:AdminChatIds:0"] = $"{Channel}:admin", ["Storage:BroadcastBatchSize"] = $"{BatchSize}" },
            services =>
            {
                if (sender is not null) services.AddSingleton<IChannelSender>(sender).AddHostedService<OutboxService>();
                if (batchesInBackground) services.AddHostedService<BroadcastBatchService>();
            },
            database);
        _hosts.Add(host);
        return host;
    }

    private void Announce(EngineHost host, string text)
    {
        foreach (var step in new[] { "/thongbao", text, "1", "OK" }) Say(host, "admin", step);
    }

    private void Say(EngineHost host, string chat, string text) =>
        Assert.True(host.Engine.Handle(new IncomingMessage(Channel, chat, chat, text, $"{Channel}:{chat}:{++_sequence}:{Guid.NewGuid():N}")));

    private static List<OutboxMessage> BroadcastRows(BotStore store) =>
        [.. store.Outbox.Find(m => m.Kind == OutboxKinds.Broadcast).OrderBy(m => m.Id)];

    private sealed class RecordingSender : IChannelSender
    {
        private readonly List<OutgoingMessage> _sent = [];

        public string Channel => BroadcastBatchTests.Channel;
        public ChannelLimits Limits { get; } = new(1000, TimeSpan.FromMilliseconds(1), 1000);

        public IReadOnlyList<OutgoingMessage> To(string chatId) { lock (_sent) return [.. _sent.Where(m => m.ChatId == chatId)]; }

        /// <summary>What reached residents, in the order it was sent.</summary>
        public List<OutgoingMessage> Announcements() { lock (_sent) return [.. _sent.Where(m => m.ChatId != "admin" && m.Text.StartsWith("📢"))]; }

        public Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken)
        {
            lock (_sent) _sent.Add(message);
            return Task.CompletedTask;
        }

        public Task<OutgoingMessage> WaitForAsync(string chatId, Func<OutgoingMessage, bool> match) =>
            Waits.ForAsync(() => To(chatId).FirstOrDefault(match), what: $"No matching message to {chatId}",
                seen: () => string.Join(" | ", To(chatId).Select(m => m.Text)));
    }
}
