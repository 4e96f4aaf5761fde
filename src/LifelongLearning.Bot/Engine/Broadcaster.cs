using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// An announcement to many residents: one outbox row per recipient and the <see cref="Broadcast"/> record,
/// written in the caller's transaction before the first message leaves, so a crash skips nobody; the
/// delivery report when the last row is settled; and the rows a resident who left must no longer get.
/// Call inside a store write.
/// </summary>
public sealed class Broadcaster(BotStore store, CommuneClock clock, Messenger messenger)
{
    public const string Footer = "(Gõ /ngung để thôi nhận thông báo.)";

    /// <summary>
    /// Queues the text for every account, once: a broadcast id already stored means it was queued before
    /// (the calendar runs every minute and after every restart). <paramref name="officialId"/> gets the
    /// delivery report; null sends none (the calendar's own announcements).
    /// </summary>
    public bool Queue(string broadcastId, string? officialId, IReadOnlyList<ChatAccount> accounts, string text, string? photoRef)
    {
        if (store.Broadcasts.FindById(broadcastId) is not null) return false;
        // The store's copy lets every channel send the photo; the reference lets its own channel send it without one.
        var photoCopy = PhotoCopies.CopyOf(store, photoRef);
        foreach (var account in accounts)
            messenger.Enqueue(new OutboxMessage
            {
                Channel = account.Channel, ChatId = account.ChatId, Text = $"{text}\n{Footer}", PhotoRef = photoRef, PhotoFileId = photoCopy,
                Kind = OutboxKinds.Broadcast, BroadcastId = broadcastId, DedupKey = DedupKeys.BroadcastRow(broadcastId, account.Id),
            });
        store.Broadcasts.Insert(new Broadcast { Id = broadcastId, OfficialId = officialId ?? "", Recipients = accounts.Count, CreatedAt = clock.UtcNow });
        // Nobody to reach: the report is due at once, or it would never come.
        if (accounts.Count == 0) ReportIfDone(store.Broadcasts.FindById(broadcastId));
        return true;
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

    /// <summary>Rows of broadcasts whose id starts with the prefix (a cancelled event's announcements) are not sent.</summary>
    public int CancelPendingOf(string broadcastIdPrefix, string reason) =>
        Cancel(store.OutboxByBroadcastPrefix(broadcastIdPrefix).ToEnumerable().Where(m => m.Status == OutboxStatus.Pending), reason);

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
        string Count(OutboxStatus status) => VietnameseFormat.Number(all.Count(m => m.Status == status));
        messenger.ToMember(broadcast.OfficialId,
            $"Kết quả gửi thông báo: {Count(OutboxStatus.Sent)} đã gửi, {Count(OutboxStatus.Unreachable)} không nhận được (chặn bot hoặc bị nền tảng từ chối) nên được hủy đăng ký, " +
            $"{Count(OutboxStatus.Cancelled)} đã ngừng nhận trước khi tới lượt, {Count(OutboxStatus.Failed)} không gửi được.",
            OutboxKinds.Alert, $"report:{broadcast.Id}");
    }
}
