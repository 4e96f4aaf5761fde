using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>
/// The working day after an event, asks the units concerned how many took part, once (a dedup key per event,
/// unit and reporter); a unit that already answered is not asked. Call inside a store write.
/// </summary>
public sealed class ParticipationRequests(
    BotStore store, CommuneClock clock, CommuneDirectory communes, EventCalendar calendar, EventFigures figures, RoundService rounds,
    Messenger messenger, IOptions<EventOptions> options)
{
    /// <summary>After this many days nobody is asked any more (the bot was down, the event is old news).</summary>
    public const int AskWithinDays = 14;

    public int Run()
    {
        var local = clock.LocalNow.DateTime;
        if (TimeOnly.FromDateTime(local) < options.Value.SendAt) return 0;
        var today = DateOnly.FromDateTime(local);
        var from = clock.ToUtc(today.AddDays(-AskWithinDays - 10), TimeOnly.MinValue);
        var asked = 0;
        foreach (var e in store.Events.Find(e => e.StartsAt >= from && e.CancelledAt == null).ToList())
        {
            // Units are asked like reports: on their commune's working days, in working hours.
            if (!ReportingCalendar.IsAllowed(communes.PlanOf(e.CommuneId), local)) continue;
            var last = calendar.LastDayOf(e);
            if (last >= today || today.DayNumber - last.DayNumber > AskWithinDays) continue;
            foreach (var unit in figures.UnitsAskedAbout(e))
            {
                if (store.For(e.CommuneId).EventFigures.FindById(EventFigure.IdOf(e.Id, unit.Id)) is not null) continue;
                var text = $"📝 Sự kiện «{e.Title}» ({calendar.WhenOf(e)}) đã diễn ra. {unit.Name} có bao nhiêu người tham gia?\n" +
                           $"Gõ /thamgia {e.Id} SỐ-NGƯỜI, ví dụ /thamgia {e.Id} 120; gõ /thamgia {e.Id} 0 nếu đơn vị không tổ chức hoạt động nào. Gửi lại để sửa.";
                foreach (var reporter in rounds.ReportersOf(unit.Id))
                    if (messenger.ToMember(reporter.Id, Reply.Plain(text), OutboxKinds.Reminder, DedupKeys.Participation(e.Id, unit.Id, reporter.Id)) == Queued.Now)
                        asked++;
            }
        }
        return asked;
    }
}
