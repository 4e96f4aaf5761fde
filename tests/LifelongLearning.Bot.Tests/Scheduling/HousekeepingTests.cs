using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

/// <summary>Once a day the store is kept bounded: old keys, settled outbox rows, old exports, expired links, unused photo copies.</summary>
public sealed class HousekeepingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-housekeeping-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly BotStore _store;
    private readonly Housekeeping _housekeeping;

    public HousekeepingTests()
    {
        _store = new BotStore(Path.Combine(_folder, "bot.db"));
        _housekeeping = new Housekeeping(_store, _clock, Options.Create(new StorageOptions { ReceivedRetentionDays = 30 }), NullLogger<Housekeeping>.Instance);
    }

    [Fact]
    public void Keys_older_than_the_retention_are_removed_and_recent_ones_kept()
    {
        Receive("telegram:update:1", daysAgo: 45);
        Receive("telegram:update:2", daysAgo: 31);
        Receive("telegram:update:3", daysAgo: 29);
        Receive("telegram:update:4", daysAgo: 0);

        Assert.Equal(2, _housekeeping.PruneReceived());

        Assert.Equal(["telegram:update:3", "telegram:update:4"], _store.Received.FindAll().Select(r => r.Id).Order());
    }

    [Fact]
    public async Task The_service_prunes_at_start_and_again_a_day_later()
    {
        Receive("telegram:update:1", daysAgo: 40);
        await _housekeeping.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _store.Received.Count() == 0);

        Receive("telegram:update:2", daysAgo: 29);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, _store.Received.Count()); // exactly 30 days old: nothing may remove it yet
        // Time goes on an hour at a time until the next daily run has removed it.
        await WaitUntilAsync(() =>
        {
            _clock.Advance(TimeSpan.FromHours(1));
            return _store.Received.Count() == 0;
        });
        await _housekeeping.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Settled_outbox_rows_past_the_retention_go_but_pending_rows_and_unreported_broadcasts_stay()
    {
        _store.Write(() =>
        {
            _store.Broadcasts.Insert(new Broadcast { Id = "reported", ReportedAt = Now.AddDays(-100) });
            _store.Broadcasts.Insert(new Broadcast { Id = "unreported" });
        });
        var oldSent = Queue("old-sent", OutboxStatus.Sent, daysAgo: 91);
        var oldFailed = Queue("old-failed", OutboxStatus.Failed, daysAgo: 120);
        var oldUnreachable = Queue("old-unreachable", OutboxStatus.Unreachable, daysAgo: 91);
        var oldCancelled = Queue("old-cancelled", OutboxStatus.Cancelled, daysAgo: 91, broadcastId: "reported");
        var oldPending = Queue("old-pending", OutboxStatus.Pending, daysAgo: 200);
        var recentSent = Queue("recent-sent", OutboxStatus.Sent, daysAgo: 89);
        var unreported = Queue("unreported", OutboxStatus.Sent, daysAgo: 150, broadcastId: "unreported");

        Assert.Equal(4, _housekeeping.PruneOutbox());

        Assert.Equal([oldPending, recentSent, unreported], _store.Outbox.FindAll().Select(m => m.Id).Order());
        Assert.DoesNotContain(_store.Outbox.FindAll(), m => m.Id == oldSent || m.Id == oldFailed || m.Id == oldUnreachable || m.Id == oldCancelled);
    }

    [Fact]
    public void Exports_past_the_retention_go_with_their_files()
    {
        _store.Write(() =>
        {
            _store.Exports.Insert(new ExportRequest { Id = 1, Scope = "2025", Status = ExportStatus.Done, RequestedAt = Now.AddDays(-40), FinishedAt = Now.AddDays(-40) });
            _store.Exports.Insert(new ExportRequest { Id = 2, Scope = "2026", Status = ExportStatus.Done, RequestedAt = Now.AddDays(-5), FinishedAt = Now.AddDays(-5) });
            _store.Exports.Insert(new ExportRequest { Id = 3, Scope = "2024", Status = ExportStatus.Failed, RequestedAt = Now.AddDays(-31) });
        });
        Upload("exports/1/bao-cao.docx");
        Upload("exports/1/so-lieu.xlsx");
        Upload("exports/2/bao-cao.docx");
        Upload("charts/2026-H1.png");

        Assert.Equal(2, _housekeeping.PruneExports());

        Assert.Equal([2], _store.Exports.FindAll().Select(e => e.Id));
        Assert.Equal(["charts/2026-H1.png", "exports/2/bao-cao.docx"], _store.Files.FindAll().Select(f => f.Id).Order());
    }

    [Fact]
    public void Expired_public_links_go()
    {
        _store.Write(() =>
        {
            _store.FileLinks.Insert(new FileLink { Id = "expired", FileId = "charts/a.png", CreatedAt = Now.AddDays(-8), ExpiresAt = Now.AddMinutes(-1) });
            _store.FileLinks.Insert(new FileLink { Id = "valid", FileId = "charts/a.png", CreatedAt = Now, ExpiresAt = Now.AddDays(7) });
        });

        Assert.Equal(1, _housekeeping.PruneFileLinks());

        Assert.Equal(["valid"], _store.FileLinks.FindAll().Select(l => l.Id));
    }

    [Fact]
    public void Old_photo_copies_go_unless_a_pending_row_or_an_upcoming_event_needs_them()
    {
        // LiteDB stamps an upload with the machine's clock, not the injected one: upload now, then move the bot's clock on.
        foreach (var photo in new[] { "telegram:unused", "telegram:pending", "telegram:upcoming", "telegram:past" }) Upload(PhotoCopies.FileIdOf(photo));
        Upload("charts/2026-H1.png");
        _clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(91));
        _store.Write(() =>
        {
            _store.Outbox.Insert(new OutboxMessage { Channel = "zalo", ChatId = "a", Text = "x", PhotoFileId = PhotoCopies.FileIdOf("telegram:pending"), CreatedAt = Now, NotBefore = Now });
            _store.Events.Insert(new EventRecord { Id = 1, Title = "Ngày hội", StartsAt = Now.AddDays(3), PhotoFileId = "telegram:upcoming" });
            _store.Events.Insert(new EventRecord { Id = 2, Title = "Ngày hội cũ", StartsAt = Now.AddDays(-30), PhotoFileId = "telegram:past" });
        });

        Assert.Equal(2, _housekeeping.PrunePhotoCopies());

        Assert.Equal(
            new[] { "charts/2026-H1.png", PhotoCopies.FileIdOf("telegram:pending"), PhotoCopies.FileIdOf("telegram:upcoming") }.Order(),
            _store.Files.FindAll().Select(f => f.Id).Order());
    }

    [Fact]
    public void A_photo_copy_an_announcement_being_written_uses_stays()
    {
        Upload(PhotoCopies.FileIdOf("zalo:https://example.org/a.jpg"));
        _clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(91));
        _store.Write(() => _store.Conversations.Insert(new LifelongLearning.Bot.Core.Conversations.Conversation
        {
            Id = "m1", Mode = LifelongLearning.Bot.Core.Conversations.ConversationMode.Announcing, Photo = "zalo:https://example.org/a.jpg",
        }));

        Assert.Equal(0, _housekeeping.PrunePhotoCopies());
    }

    [Fact]
    public void A_photo_copy_a_broadcast_still_sends_from_batches_not_yet_written_stays()
    {
        var copy = PhotoCopies.FileIdOf("telegram:big");
        Upload(copy);
        _clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(91));
        // Its first batch is sent already (no pending row has the photo); the rest of the residents are still a batch.
        _store.Write(() =>
        {
            _store.Broadcasts.Insert(new Broadcast { Id = "b1", Recipients = 2, Settled = 1, PhotoRef = "telegram:big", PhotoFileId = copy });
            _store.BroadcastBatches.Insert(new BroadcastBatch { BroadcastId = "b1", AccountIds = ["telegram:2"] });
        });

        Assert.Equal(0, _housekeeping.PrunePhotoCopies());

        _store.Write(() => _store.BroadcastBatches.DeleteAll());
        Assert.Equal(1, _housekeeping.PrunePhotoCopies());
    }

    [Fact]
    public void A_recent_unused_photo_copy_stays()
    {
        Upload(PhotoCopies.FileIdOf("telegram:fresh"));
        _clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(89));

        Assert.Equal(0, _housekeeping.PrunePhotoCopies());
    }

    [Theory]
    [InlineData("Storage:OutboxRetentionDays", "7")]
    [InlineData("Storage:ExportRetentionDays", "0")]
    public async Task A_retention_out_of_range_stops_the_start(string key, string value)
    {
        await using var host = BotTestHost.Create(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains(key.Split(':')[1], error.Message);
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private long Queue(string chatId, OutboxStatus status, int daysAgo, string? broadcastId = null) => _store.Write(() => _store.Outbox.Insert(new OutboxMessage
    {
        Channel = "telegram", ChatId = chatId, Text = "x", Status = status, BroadcastId = broadcastId,
        CreatedAt = Now.AddDays(-daysAgo), NotBefore = Now.AddDays(-daysAgo),
    }).AsInt64);

    private void Upload(string fileId)
    {
        using var content = new MemoryStream([1, 2, 3]);
        _store.Write(() => _store.Files.Upload(fileId, Path.GetFileName(fileId), content));
    }

    private void Receive(string key, int daysAgo) =>
        _store.Write(() => _store.Received.Insert(new ReceivedMessage { Id = key, At = _clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo) }));

    private static Task WaitUntilAsync(Func<bool> condition) => Waits.UntilAsync(condition);

    public void Dispose()
    {
        _housekeeping.Dispose();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
