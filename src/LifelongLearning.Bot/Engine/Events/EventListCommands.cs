using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Events;

/// <summary>
/// /dssukien lists the upcoming events with their numbers; /huysukien SỐ cancels one the official added:
/// its announcements still waiting are not sent, and those already told hear it is off.
/// </summary>
public sealed class EventListCommands(BotStore store, CommuneClock clock, EventCalendar calendar, Broadcaster broadcaster)
{
    public void List(Turn turn)
    {
        var upcoming = calendar.Upcoming(turn.CommuneId, 20);
        if (upcoming.Count == 0)
        {
            turn.Say("Chưa có sự kiện nào sắp tới. Gõ /sukien để thêm.");
            return;
        }
        var lines = upcoming.Select(e =>
            $"{e.Id}. {calendar.WhenOf(e)} — {e.Title}{(e.Area is null ? "" : $" ({e.Area})")}" +
            (e.PlanKey is not null ? " [theo Kế hoạch]" : e.CreatedBy == turn.Member?.Id ? " [của anh/chị]" : ""));
        turn.Say("Sự kiện sắp tới:\n" + string.Join("\n", lines) + "\n\nGõ /huysukien SỐ để hủy một sự kiện anh/chị đã thêm.");
    }

    public void Cancel(Turn turn, string args)
    {
        if (!int.TryParse(args.Trim(), out var id) || store.For(turn.CommuneId).Events.FindById(id) is not { } e)
        {
            turn.Say("Gõ /huysukien kèm số của sự kiện, ví dụ /huysukien 12. Gõ /dssukien để xem số.");
            return;
        }
        if (e.PlanKey is not null)
        {
            turn.Say("Đây là ngày do Kế hoạch quy định, không hủy được.");
            return;
        }
        if (e.CreatedBy != turn.Member!.Id && turn.Role != Role.Admin)
        {
            turn.Say("Chỉ người đã thêm sự kiện (hoặc quản trị viên) mới hủy được.");
            return;
        }
        if (e.CancelledAt is not null)
        {
            turn.Say("Sự kiện này đã được hủy trước đó.");
            return;
        }
        e.CancelledAt = clock.UtcNow;
        e.CancelledBy = turn.Member.Id;
        store.Events.Update(e);
        var prefix = EventCalendar.BroadcastPrefix(e.Id);
        broadcaster.CancelPendingOf(prefix, "sự kiện đã bị hủy");
        // Those who were told and still subscribe hear that it is off; nobody else hears of it at all.
        var told = store.OutboxByBroadcastPrefix(prefix).ToEnumerable().Where(m => m.Status == OutboxStatus.Sent)
            .Select(m => ChatAccount.AddressOf(m.Channel, m.ChatId)).Distinct()
            .Select(address => store.Accounts.FindById(address)).OfType<ChatAccount>()
            .Where(a => store.Subscribers.FindById(a.MemberId) is { Active: true }).ToList();
        if (told.Count > 0)
            broadcaster.Queue($"{prefix}cancelled", null, told, $"❌ Sự kiện «{e.Title}» ({calendar.WhenOf(e)}) đã được hủy. Xin lỗi bà con.", null);
        turn.Say($"Đã hủy sự kiện «{e.Title}». {(told.Count > 0 ? $"Bot sẽ báo hủy cho {VietnameseFormat.Number(told.Count)} người đã nhận thông báo." : "Chưa ai nhận thông báo về sự kiện này.")}");
    }
}
