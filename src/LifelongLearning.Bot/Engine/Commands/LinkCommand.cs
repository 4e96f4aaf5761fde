using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>
/// One person, one member, on Telegram and Zalo: /lienket gives a single-use code (kept hashed, like an
/// invite, and short-lived); the same person sends it from the other channel (/lienket CODE, /start CODE
/// or the bare code) and that account joins the member, with the member's role, unit and conversation.
/// /lienket ca-hai sends reminders and alerts to every linked account.
/// </summary>
public sealed class LinkCommand(BotStore store, CommuneClock clock, Messenger messenger, BotIdentity identity)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public void Create(Turn turn)
    {
        if (turn.Member is not { } member)
        {
            turn.Say("Anh/chị chưa đăng ký với bot nên chưa có gì để liên kết. Gõ /start để nhận thông báo, hoặc gửi mã mời nếu là cán bộ đơn vị.");
            return;
        }
        var code = InviteCodes.NewCode();
        var expires = clock.UtcNow + Lifetime;
        store.Invites.Insert(new Invite
        {
            Id = InviteCodes.Hash(code), Role = member.Role, UnitId = member.UnitId, CreatedBy = member.Id,
            CreatedAt = clock.UtcNow, ExpiresAt = expires, LinksMemberId = member.Id,
        });
        var other = turn.Message.Channel == "zalo" ? "Telegram" : "Zalo";
        var link = turn.Message.Channel != "telegram" && identity.TelegramUsername is { } bot
            ? $"\nHoặc trên Telegram, mở: https://t.me/{bot}?start={code}" : "";
        turn.Say($"Mã liên kết: {InviteCodes.Display(code)}\n" +
                 $"Trên {other}, gửi cho bot: /lienket {InviteCodes.Display(code)}{link}\n" +
                 $"Mã dùng một lần, hết hạn {VietnameseFormat.DateTime(clock.ToLocal(expires))}. Bot sẽ nhận ra anh/chị ở cả hai nơi; " +
                 "câu hỏi đang dở trả lời ở đâu cũng được. Đừng đưa mã này cho người khác.");
    }

    /// <summary>/lienket ca-hai or /lienket mot-kenh; false when the words are neither.</summary>
    public bool TryChoose(Turn turn, string args)
    {
        bool both;
        switch (Words.Fold(args).Replace('-', ' ').Trim())
        {
            case "ca hai" or "ca 2" or "2 kenh" or "hai kenh": both = true; break;
            case "mot kenh" or "1 kenh" or "mot": both = false; break;
            default: return false;
        }
        if (turn.Member is not { } member)
        {
            Create(turn);
            return true;
        }
        member.BothChannels = both;
        store.Members.Update(member);
        var accounts = messenger.Reachable(member.Id).Count;
        turn.Say(both
            ? $"Từ nay lời nhắc và thông báo của bot gửi tới mọi kênh đã liên kết ({accounts} tài khoản). Gõ /lienket mot-kenh để chỉ nhận ở kênh dùng gần nhất."
            : "Từ nay bot chỉ gửi lời nhắc tới kênh anh/chị dùng gần nhất. Gõ /lienket ca-hai để nhận ở mọi kênh.");
        return true;
    }

    /// <summary>Called by the code's redemption once it is known to be a link code, unused and not expired.</summary>
    public void Join(Turn turn, Invite invite)
    {
        var target = store.Members.FindById(invite.LinksMemberId);
        if (target is null || target.RemovedAt is not null)
        {
            turn.Say("Người tạo mã liên kết này không còn trong danh sách của bot. Vui lòng liên hệ cán bộ xã.");
            return;
        }
        var message = turn.Message;
        var account = store.Accounts.FindById(message.Address);
        if (account?.MemberId == target.Id)
        {
            turn.Say("Tài khoản này đã được liên kết rồi.");
            return;
        }
        if (account is not null && store.Members.FindById(account.MemberId) is { RemovedAt: null } holder)
        {
            // A resident account moves; one that reports or follows up for someone stays theirs.
            if (holder.Role != Role.Resident)
            {
                turn.Say($"Tài khoản này đang được dùng cho {holder.Name} nên không liên kết được. Vui lòng liên hệ cán bộ xã.");
                return;
            }
            MoveSubscription(holder.Id, target.Id);
        }
        account ??= new ChatAccount { Id = message.Address, Channel = message.Channel, ChatId = message.ChatId };
        account.MemberId = target.Id;
        account.DisplayName = message.SenderName;
        account.LastSeenAt = clock.UtcNow;
        account.UnreachableReason = null;
        account.UnreachableSince = null;
        account.MenuDue = true;
        store.Accounts.Upsert(account);
        invite.UsedAt = clock.UtcNow;
        invite.UsedBy = target.Id;
        store.Invites.Update(invite);

        // Whoever holds the other accounts hears of it, so a code passed to the wrong person is noticed.
        foreach (var other in messenger.Reachable(target.Id).Where(a => a.Id != account.Id))
            messenger.To(other.Channel, other.ChatId,
                $"🔗 Một tài khoản {ChannelName.Display(message.Channel)} ({message.SenderName}) vừa được liên kết với anh/chị. Nếu không phải anh/chị, hãy báo cán bộ xã ngay.");

        turn.Member = target;
        turn.Account = account;
        if (turn.Role != Role.Admin) turn.Role = target.Role;
        var reporting = store.Conversations.FindById(target.Id) is { Mode: ConversationMode.Reporting };
        turn.Say($"Đã liên kết: bot nhận ra {target.Name} trên {ChannelName.Display(message.Channel)}." +
                 (reporting ? " Anh/chị đang trả lời dở báo cáo: gõ câu trả lời tiếp ở đây, hoặc /baocao để xem lại câu hỏi." : " Gõ /trogiup để xem các lệnh."));
    }

    private void MoveSubscription(string fromMemberId, string toMemberId)
    {
        if (store.Subscribers.FindById(fromMemberId) is not { Active: true } from) return;
        from.Active = false;
        from.LeftAt = clock.UtcNow;
        store.Subscribers.Update(from);
        if (store.Subscribers.FindById(toMemberId) is { Active: true }) return;
        store.Subscribers.Upsert(new Subscriber { Id = toMemberId, Area = from.Area, Active = true, SubscribedAt = clock.UtcNow });
    }

}
