using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// An announcement to many residents: the <see cref="Broadcast"/> record, the first <see cref="BatchSize"/> outbox rows
/// and the other recipients in stored batches (<see cref="BroadcastBatch"/>, written by <see cref="BroadcastBatches"/>),
/// all in the caller's transaction before the first message leaves, so a crash skips nobody; the delivery report
/// when every recipient is settled; and the rows a resident who left must no longer get. Call inside a store write.
/// </summary>
public sealed class Broadcaster(BotStore store, CommuneClock clock, Messenger messenger, IOptions<StorageOptions>? options = null)
{
    public const string Footer = "(Gõ /ngung để thôi nhận thông báo.)";

    /// <summary>Rows written per transaction (Storage:BroadcastBatchSize).</summary>
    public int BatchSize { get; } = options?.Value.BroadcastBatchSize ?? new StorageOptions().BroadcastBatchSize;

    /// <summary>
    /// Queues the text for every account, once: a broadcast id already stored means it was queued before
    /// (the calendar runs every minute and after every restart). <paramref name="officialId"/> gets the
    /// delivery report; null sends none (the calendar's own announcements). Rows past the first batch are
    /// stored as account ids only: 100,000 rows in one transaction held the writer 16–22 s (docs/scale.md).
    /// </summary>
    public bool Queue(string broadcastId, string? officialId, IReadOnlyList<ChatAccount> accounts, string text, string? photoRef)
    {
        if (store.Broadcasts.FindById(broadcastId) is not null) return false;
        var broadcast = new Broadcast
        {
            Id = broadcastId, OfficialId = officialId ?? "", Recipients = accounts.Count, CreatedAt = clock.UtcNow,
            // The store's copy lets every channel send the photo; the reference lets its own channel send it without one.
            Text = $"{text}\n{Footer}", PhotoRef = photoRef, PhotoFileId = PhotoCopies.CopyOf(store, photoRef),
        };
        store.Broadcasts.Insert(broadcast);
        foreach (var account in accounts.Take(BatchSize)) QueueRow(broadcast, account);
        foreach (var rest in accounts.Skip(BatchSize).Chunk(BatchSize))
            store.BroadcastBatches.Insert(new BroadcastBatch { BroadcastId = broadcastId, AccountIds = [.. rest.Select(a => a.Id)] });
        // Nobody to reach: the report is due at once, or it would never come.
        if (accounts.Count == 0) ReportIfDone(store.Broadcasts.FindById(broadcastId));
        return true;
    }

    /// <summary>One recipient's row, under the key that makes a batch written twice add nothing.</summary>
    internal void QueueRow(Broadcast broadcast, ChatAccount account) =>
        messenger.Enqueue(new OutboxMessage
        {
            Channel = account.Channel, ChatId = account.ChatId, Text = broadcast.Text ?? "", PhotoRef = broadcast.PhotoRef, PhotoFileId = broadcast.PhotoFileId,
            Kind = OutboxKinds.Broadcast, BroadcastId = broadcast.Id, DedupKey = DedupKeys.BroadcastRow(broadcast.Id, account.Id),
        });

    /// <summary>
    /// Recipients of a batch that will never get a row (they left, or the broadcast was cancelled): settled at once,
    /// as a cancelled row is, so the report still comes when the others are.
    /// </summary>
    internal void Unqueued(string broadcastId, int count)
    {
        if (count == 0 || store.Broadcasts.FindById(broadcastId) is not { } broadcast) return;
        broadcast.Unqueued += count;
        broadcast.Settled += count;
        store.Broadcasts.Update(broadcast);
        ReportIfDone(broadcast);
    }

    public bool Exists(string broadcastId) => store.Broadcasts.FindById(broadcastId) is not null;

    /// <summary>
    /// <paramref name="wanted"/>, or it with a number after it when that id is taken: an official's id is made of
    /// the second it was sent, and <see cref="Queue"/> skips an id it knows, so a second announcement sent within
    /// the same second was dropped while the official was told it was going. Call inside the store write that queues it.
    /// </summary>
    public string FreeId(string wanted)
    {
        var id = wanted;
        for (var n = 2; Exists(id); n++) id = $"{wanted}.{n}";
        return id;
    }

    /// <summary>A resident left: announcements still waiting for any of their accounts are not sent.</summary>
    public int CancelPendingFor(string memberId, string reason)
    {
        var cancelled = 0;
        foreach (var account in store.Accounts.Find(a => a.MemberId == memberId))
            cancelled += Cancel(store.Outbox.Find(m => m.ChatId == account.ChatId && m.Status == OutboxStatus.Pending)
                .Where(m => m.Kind == OutboxKinds.Broadcast && m.Channel == account.Channel), reason);
        return cancelled;
    }

    /// <summary>
    /// Rows of broadcasts whose id starts with the prefix (a cancelled event's announcements) are not sent, and their
    /// batches not yet written never will be. Returns the recipients stopped.
    /// </summary>
    public int CancelPendingOf(string broadcastIdPrefix, string reason)
    {
        var cancelled = Cancel(store.OutboxByBroadcastPrefix(broadcastIdPrefix).ToEnumerable().Where(m => m.Status == OutboxStatus.Pending), reason);
        foreach (var batch in store.BroadcastBatchesByPrefix(broadcastIdPrefix).ToList())
        {
            store.BroadcastBatches.Delete(batch.Id);
            Unqueued(batch.BroadcastId, batch.AccountIds.Count);
            cancelled += batch.AccountIds.Count;
        }
        return cancelled;
    }

    private int Cancel(IEnumerable<OutboxMessage> rows, string reason)
    {
        var count = 0;
        foreach (var row in rows.ToList())
        {
            row.Status = OutboxStatus.Cancelled;
            row.Error = reason;
            store.Outbox.Update(row);
            Settled(row);
            count++;
        }
        return count;
    }

    /// <summary>
    /// A row of a broadcast left "pending" for good (sent, refused, cancelled): call once per row, in the
    /// transaction that changed it. When it was the last one, the official gets the delivery report.
    /// </summary>
    public void Settled(OutboxMessage row)
    {
        if (row.BroadcastId is not { } id || store.Broadcasts.FindById(id) is not { } broadcast) return;
        broadcast.Settled++;
        store.Broadcasts.Update(broadcast);
        ReportIfDone(broadcast);
    }

    private void ReportIfDone(Broadcast? broadcast)
    {
        if (broadcast is null || broadcast.ReportedAt is not null || broadcast.Settled < broadcast.Recipients) return;
        broadcast.ReportedAt = clock.UtcNow;
        store.Broadcasts.Update(broadcast);
        if (broadcast.OfficialId.Length == 0) return; // the calendar's own announcement: nobody to report to
        var all = store.Outbox.Find(m => m.BroadcastId == broadcast.Id).ToList();
        string Count(OutboxStatus status) =>
            VietnameseFormat.Number(all.Count(m => m.Status == status) + (status == OutboxStatus.Cancelled ? broadcast.Unqueued : 0));
        messenger.ToMember(broadcast.OfficialId,
            $"Kết quả gửi thông báo: {Count(OutboxStatus.Sent)} đã gửi, {Count(OutboxStatus.Unreachable)} không nhận được (chặn bot hoặc bị nền tảng từ chối) nên được hủy đăng ký, " +
            $"{Count(OutboxStatus.Cancelled)} đã ngừng nhận trước khi tới lượt, {Count(OutboxStatus.Failed)} không gửi được.",
            OutboxKinds.Alert, $"report:{broadcast.Id}");
    }
}
