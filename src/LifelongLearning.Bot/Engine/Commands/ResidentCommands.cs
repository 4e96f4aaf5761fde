using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>What residents do: leave (/ngung), pick their village (/khuvuc), see upcoming events (/lich).</summary>
public sealed class ResidentCommands(BotStore store, PlanHolder time)
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
        subscriber.LeftAt = time.UtcNow;
        store.Subscribers.Update(subscriber);
        // Stop at once: announcements already queued for this person are not sent.
        foreach (var queued in store.Outbox.Find(m => m.Status == OutboxStatus.Pending && m.Kind == OutboxKinds.Broadcast && m.ChatId == turn.Message.ChatId && m.Channel == turn.Message.Channel))
        {
            queued.Status = OutboxStatus.Failed;
            queued.Error = "người nhận đã ngừng đăng ký";
            store.Outbox.Update(queued);
        }
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
        var areas = time.Plan.Commune.Areas;
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
        var today = time.Today;
        var upcoming = new List<(DateOnly Day, string Text)>();
        foreach (var e in store.Events.Find(e => e.StartsAt >= time.UtcNow).OrderBy(e => e.StartsAt).Take(10))
        {
            var local = time.ToLocal(e.StartsAt);
            upcoming.Add((DateOnly.FromDateTime(local.DateTime), $"{VietnameseFormat.DateTime(local)} — {e.Title}{(e.Place is null ? "" : $", tại {e.Place}")}"));
        }
        foreach (var day in time.Plan.EventDays)
        {
            var date = new DateOnly(today.Year, day.Month, day.Day);
            if (date < today) date = date.AddYears(1);
            upcoming.Add((date, $"{VietnameseFormat.Date(date)} — {day.Title}"));
        }
        foreach (var week in time.Plan.LearningWeeks.Where(w => w.To >= today))
            upcoming.Add((week.From, $"{VietnameseFormat.Date(week.From)}–{VietnameseFormat.Date(week.To)} — Tuần lễ hưởng ứng học tập suốt đời"));
        var lines = upcoming.OrderBy(u => u.Day).Where(u => u.Day <= today.AddDays(366)).Take(8).Select(u => "• " + u.Text);
        turn.Say("Sự kiện sắp tới:\n" + string.Join("\n", lines));
    }
}
