using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// What follows a delivery: the outbox says how a row ended, and this says what that means for people. A settled
/// broadcast row counts toward its report; a refusal marks the account unreachable, takes a resident off the
/// announcements and tells a unit head's or an official's commune; a row given up is told to the officials once a
/// day per channel. The outbox's one way into the engine's rules. Call inside the store write that settles the row.
/// </summary>
public sealed class Deliveries(BotStore store, CommuneClock clock, Messenger messenger, Broadcaster broadcaster)
{
    /// <summary>The row is sent, refused, given up or cancelled: a broadcast's report may now be due.</summary>
    public void Settled(OutboxMessage row) => broadcaster.Settled(row);

    /// <summary>
    /// The platform refused the chat for good (blocked, deleted). Returns the member now unreachable, or null when the
    /// account was known to be so already, or is nobody's.
    /// </summary>
    public string? Unreachable(OutboxMessage message, string reason)
    {
        var account = store.Accounts.FindById(ChatAccount.AddressOf(message.Channel, message.ChatId));
        if (account is null || account.UnreachableReason is not null) return null;
        account.UnreachableReason = reason;
        account.UnreachableSince = clock.UtcNow;
        store.Accounts.Update(account);
        var member = store.Members.FindById(account.MemberId);
        if (member is null) return account.MemberId;
        if (member.Role == Role.Resident)
        {
            // A resident who blocked the bot has left: stop every announcement to them.
            if (store.Subscribers.FindById(member.Id) is { Active: true } subscriber)
            {
                subscriber.Active = false;
                subscriber.LeftAt = clock.UtcNow;
                store.Subscribers.Update(subscriber);
            }
            return member.Id;
        }
        var unit = member.UnitId is null ? "" : $" ({store.Units.FindById(member.UnitId)?.Name})";
        messenger.ToOfficialsOf(member.CommuneId, $"⚠️ Không gửi được tin cho {member.Name}{unit} trên {ChannelName.Display(message.Channel)}: {RefusalText.Explain(reason)}. Vui lòng liên hệ trực tiếp.",
            OutboxKinds.Alert, $"unreachable:{account.Id}:{account.UnreachableSince:yyyyMMddHHmm}");
        return member.Id;
    }

    /// <summary>
    /// The officials hear once a day per channel that messages are being given up (a broadcast hitting one
    /// fault gives up every row: one alert, not one per resident); the log has each row.
    /// </summary>
    public void GaveUp(OutboxMessage message, string reason) =>
        messenger.ToOfficials(
            $"⚠️ Bot đã thôi gửi một tin trên {ChannelName.Display(message.Channel)} sau {message.Attempts} lần thử không được " +
            $"(nền tảng ghi: «{Quote.Short(reason, 200)}»). Người nhận vẫn giữ đăng ký; vui lòng báo người quản trị xem nhật ký (log) của bot.",
            OutboxKinds.Alert, $"gave-up:{message.Channel}:{clock.UtcNow:yyyyMMdd}");
}
