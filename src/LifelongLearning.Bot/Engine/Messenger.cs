using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Puts messages in the outbox. Callers are inside a store transaction, so a message is stored together
/// with whatever caused it; the outbox sender delivers it later, at the platform's pace.
/// </summary>
public sealed class Messenger(BotStore store, CommuneClock clock, TextLimits limits)
{
    public void To(string channel, string chatId, Reply reply, string kind = OutboxKinds.Reply, string? dedupKey = null, string? photoFileId = null) =>
        Enqueue(Message(channel, chatId, reply, kind, dedupKey, photoFileId));

    private static OutboxMessage Message(string channel, string chatId, Reply reply, string kind, string? dedupKey, string? photoFileId) =>
        new()
        {
            Channel = channel,
            ChatId = chatId,
            Text = reply.Text,
            Choices = [.. reply.Choices],
            NumberedChoices = reply.Numbered,
            Kind = kind,
            DedupKey = dedupKey,
            PhotoFileId = photoFileId,
        };

    /// <summary>
    /// The one check of a dedup key (built by <see cref="DedupKeys"/>): a message was queued under it before,
    /// whatever became of it since (sent, failed, recorded as unreachable).
    /// </summary>
    public bool IsQueued(string? dedupKey) => dedupKey is not null && store.Outbox.Exists(m => m.DedupKey == dedupKey);

    /// <summary>
    /// Sends to the account the member used last, or to every reachable account when the member asked for
    /// both channels; <see cref="Queued.Nowhere"/> when the member has none that is reachable.
    /// </summary>
    public Queued ToMember(string memberId, Reply reply, string kind, string? dedupKey = null, string? photoFileId = null)
    {
        var preferred = PreferredAccount(memberId);
        if (preferred is null) return Queued.Nowhere;
        // A scheduled message (a digest, an escalation) is offered again every minute; once queued under its
        // key it is done, even if the person has since moved to the other channel.
        if (IsQueued(dedupKey)) return Queued.Before;
        Split(Message(preferred.Channel, preferred.ChatId, reply, kind, dedupKey, photoFileId));
        if (store.Members.FindById(memberId) is { BothChannels: true })
            foreach (var other in Reachable(memberId).Where(a => a.Id != preferred.Id))
                To(other.Channel, other.ChatId, reply, kind, dedupKey is null ? null : DedupKeys.OnAccount(dedupKey, other.Id), photoFileId);
        return Queued.Now;
    }

    /// <summary>The officials (and admins) of every commune, for what is the process's, not one commune's (a calendar step that failed).</summary>
    public int ToOfficials(Reply reply, string kind, string? dedupKey = null, string? photoFileId = null) =>
        ToEach(store.OfficialsAndAdmins().ToEnumerable(), reply, kind, dedupKey, photoFileId);

    /// <summary>The officials (and admins) of one commune: its round's alerts and digests, its people's news.</summary>
    public int ToOfficialsOf(string communeId, Reply reply, string kind, string? dedupKey = null, string? photoFileId = null) =>
        ToEach(store.OfficialsAndAdmins().ToEnumerable().Where(m => m.CommuneId == communeId), reply, kind, dedupKey, photoFileId);

    private int ToEach(IEnumerable<Member> officials, Reply reply, string kind, string? dedupKey, string? photoFileId)
    {
        var sent = 0;
        // In the order of their ids, as before the index: officials hear things in a stable order.
        // A city official hears the city's digest when they ask for it, not every commune's alerts and escalations.
        foreach (var official in officials.Where(m => m.RemovedAt == null && m.CommuneId != Communes.City).OrderBy(m => m.Id, StringComparer.Ordinal))
            if (ToMember(official.Id, reply, kind, dedupKey is null ? null : DedupKeys.ForMember(dedupKey, official.Id), photoFileId) is not Queued.Nowhere) sent++;
        return sent;
    }

    /// <summary>
    /// Records, under its dedup key, a scheduled message the member could not be given because none of
    /// their accounts is reachable. It is never sent; it marks the slot as dealt with, so the calendar does
    /// not try it again every minute, nor send it late once the person writes again.
    /// </summary>
    public void RecordUnreachable(string memberId, Reply reply, string kind, string dedupKey)
    {
        if (IsQueued(dedupKey)) return;
        var account = store.Accounts.Find(a => a.MemberId == memberId).OrderByDescending(a => a.LastSeenAt).FirstOrDefault();
        store.Outbox.Insert(new OutboxMessage
        {
            Channel = account?.Channel ?? "",
            ChatId = account?.ChatId ?? "",
            Text = reply.Text,
            Kind = kind,
            DedupKey = dedupKey,
            Status = OutboxStatus.Unreachable,
            CreatedAt = clock.UtcNow,
            NotBefore = clock.UtcNow,
            Error = account?.UnreachableReason ?? "không có tài khoản trò chuyện",
        });
    }

    public ChatAccount? PreferredAccount(string memberId) => Reachable(memberId).FirstOrDefault();

    /// <summary>The member's accounts that are not refused, the last used first.</summary>
    public List<ChatAccount> Reachable(string memberId) =>
        [.. store.Accounts.Find(a => a.MemberId == memberId)
            .Where(a => a.UnreachableReason is null)
            .OrderByDescending(a => a.LastSeenAt)];

    /// <summary>
    /// Queues the message unless one with the same dedup key was queued before. A text longer than the
    /// channel takes becomes one row per part, split at line ends and numbered "(1/3)", so each part is
    /// sent and retried on its own, in order; the choices and a file go with the last part.
    /// </summary>
    public bool Enqueue(OutboxMessage message)
    {
        if (IsQueued(message.DedupKey)) return false;
        Split(message);
        return true;
    }

    private void Split(OutboxMessage message)
    {
        var parts = MessageSplitter.Split(message.Text, limits.RoomFor(message));
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            var part = last ? message : Copy(message);
            part.Text = parts[i];
            if (!last)
            {
                part.Choices = [];
                part.NumberedChoices = false;
                part.PhotoFileId = null;
                part.DocumentFileId = null;
            }
            // The first part carries the key that says "queued already"; the others get keys of their own.
            if (message.DedupKey is { } k && i > 0) part.DedupKey = DedupKeys.Part(k, i + 1);
            Insert(part);
        }
    }

    private void Insert(OutboxMessage message)
    {
        message.Id = 0;
        message.Status = OutboxStatus.Pending;
        message.CreatedAt = clock.UtcNow;
        if (message.NotBefore == default) message.NotBefore = message.CreatedAt;
        store.Outbox.Insert(message);
    }

    private static OutboxMessage Copy(OutboxMessage m) => new()
    {
        Channel = m.Channel,
        ChatId = m.ChatId,
        Kind = m.Kind,
        DedupKey = m.DedupKey,
        BroadcastId = m.BroadcastId,
        NotBefore = m.NotBefore,
    };
}
