using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>What residents do: leave (/ngung), pick their village (/khuvuc), see upcoming events (/lich).</summary>
public sealed class ResidentCommands(BotStore store, CommuneDirectory communes, CommuneClock clock, Broadcaster broadcaster, EventCalendar calendar)
{
    public void Leave(Turn turn)
    {
        var subscriber = turn.Member is null ? null : store.Subscribers.FindById(turn.Member.Id);
        if (subscriber is not { Active: true })
        {
            turn.Say("Anh/chị hiện không nhận thông báo nào. Gõ /start để đăng ký lại.");
            return;
        }
        subscriber.Active = false;
        subscriber.LeftAt = clock.UtcNow;
        store.Subscribers.Update(subscriber);
        // Stop at once: announcements already queued for this person, on any of their chats, are not sent.
        broadcaster.CancelPendingFor(subscriber.Id, "người nhận đã ngừng đăng ký");
        turn.Say("Đã ngừng gửi thông báo cho anh/chị. Gõ /start nếu muốn nhận lại.");
    }

    public void ChooseArea(Turn turn, string args)
    {
        var subscriber = turn.Member is null ? null : store.Subscribers.FindById(turn.Member.Id);
        if (subscriber is not { Active: true })
        {
            turn.Say("Gõ /start để đăng ký nhận thông báo trước, rồi chọn thôn.");
            return;
        }
        var areas = communes.PlanOf(turn.CommuneId).Commune.Areas;
        var pick = areas.FirstOrDefault(a => Words.Fold(a) == Words.Fold(args));
        if (pick is null && Words.Fold(args) is "tat ca" or "ca xa") pick = "";
        if (pick is null)
        {
            var choices = areas.Select(a => new Choice(a, $"/khuvuc {a}")).Append(new Choice("Cả xã", "/khuvuc tất cả")).ToList();
            turn.Conversation.NumberedChoices = choices;
            turn.Say(new Reply("Anh/chị quan tâm thôn, khu dân cư nào? Thông báo chung của xã vẫn luôn được gửi.", choices, Numbered: true));
            return;
        }
        subscriber.Area = pick.Length == 0 ? null : pick;
        store.Subscribers.Update(subscriber);
        turn.Conversation.NumberedChoices = [];
        turn.Say(pick.Length == 0 ? "Đã chọn: cả xã." : $"Đã chọn: {pick}. Anh/chị sẽ nhận thông báo chung của xã và của {pick}.");
    }

    public void Calendar(Turn turn)
    {
        var upcoming = calendar.Upcoming(turn.CommuneId).Where(e => calendar.FirstDayOf(e) <= clock.Today.AddDays(366)).Take(8).ToList();
        if (upcoming.Count == 0)
        {
            turn.Say("Chưa có sự kiện nào sắp tới.");
            return;
        }
        var lines = upcoming.Select(e => $"• {calendar.WhenOf(e)} — {e.Title}{(e.Place is null ? "" : $", tại {e.Place}")}{(e.Area is null ? "" : $" ({e.Area})")}");
        turn.Say("Sự kiện sắp tới:\n" + string.Join("\n", lines));
    }
}
