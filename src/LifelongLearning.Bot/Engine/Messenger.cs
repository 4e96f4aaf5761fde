using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Puts messages in the outbox. Callers are inside a store transaction, so a message is stored together
/// with whatever caused it; the outbox sender delivers it later, at the platform's pace.
/// </summary>
public sealed class Messenger(BotStore store, PlanHolder time)
{
    public void To(string channel, string chatId, Reply reply, string kind = OutboxKinds.Reply, string? dedupKey = null, string? photoFileId = null) =>
        Enqueue(new OutboxMessage
        {
            Channel = channel,
            ChatId = chatId,
            Text = reply.Text,
            Choices = [.. reply.Choices],
            NumberedChoices = reply.Numbered,
            Kind = kind,
            DedupKey = dedupKey,
            PhotoFileId = photoFileId,
        });

    /// <summary>Sends to the account the member used last; false when the member has none that is reachable.</summary>
    public bool ToMember(string memberId, Reply reply, string kind, string? dedupKey = null, string? photoFileId = null)
    {
        var account = PreferredAccount(memberId);
        if (account is null) return false;
        To(account.Channel, account.ChatId, reply, kind, dedupKey, photoFileId);
        return true;
    }

    public int ToOfficials(Reply reply, string kind, string? dedupKey = null, string? photoFileId = null)
    {
        var sent = 0;
        foreach (var official in store.Members.Find(m => (m.Role == Role.Official || m.Role == Role.Admin) && m.RemovedAt == null))
            if (ToMember(official.Id, reply, kind, dedupKey is null ? null : $"{dedupKey}:{official.Id}", photoFileId)) sent++;
        return sent;
    }

    /// <summary>
    /// Records, under its dedup key, a scheduled message the member could not be given because none of
    /// their accounts is reachable. It is never sent; it marks the slot as dealt with, so the calendar does
    /// not try it again every minute, nor send it late once the person writes again.
    /// </summary>
    public void RecordUnreachable(string memberId, Reply reply, string kind, string dedupKey)
    {
        if (store.Outbox.Exists(m => m.DedupKey == dedupKey)) return;
        var account = store.Accounts.Find(a => a.MemberId == memberId).OrderByDescending(a => a.LastSeenAt).FirstOrDefault();
        store.Outbox.Insert(new OutboxMessage
        {
            Channel = account?.Channel ?? "",
            ChatId = account?.ChatId ?? "",
            Text = reply.Text,
            Kind = kind,
            DedupKey = dedupKey,
            Status = OutboxStatus.Unreachable,
            CreatedAt = time.UtcNow,
            NotBefore = time.UtcNow,
            Error = account?.UnreachableReason ?? "không có tài khoản trò chuyện",
        });
    }

    public ChatAccount? PreferredAccount(string memberId) =>
        store.Accounts.Find(a => a.MemberId == memberId)
            .Where(a => a.UnreachableReason is null)
            .OrderByDescending(a => a.LastSeenAt)
            .FirstOrDefault();

    /// <summary>Queues the message unless one with the same dedup key was queued before.</summary>
    public bool Enqueue(OutboxMessage message)
    {
        if (message.DedupKey is { } key && store.Outbox.Exists(m => m.DedupKey == key)) return false;
        message.Id = 0;
        message.Status = OutboxStatus.Pending;
        message.CreatedAt = time.UtcNow;
        if (message.NotBefore == default) message.NotBefore = message.CreatedAt;
        store.Outbox.Insert(message);
        return true;
    }
}
