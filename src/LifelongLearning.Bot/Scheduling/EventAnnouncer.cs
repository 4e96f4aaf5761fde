using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>
/// Tells residents about events: <see cref="EventOptions.DaysBefore"/> days before, and on the morning of the
/// day, at <see cref="EventOptions.SendAt"/>. Each announcement is a broadcast whose id names the event and the
/// slot, stored with its rows in one transaction, so running again (every minute, after a restart) queues
/// nothing twice. Call inside a store write.
/// </summary>
public sealed class EventAnnouncer(
    Plan plan, CommuneClock clock, EventCalendar calendar, Audience audience, Broadcaster broadcaster, IOptions<EventOptions> options)
{
    public static string BeforeId(int eventId) => $"{EventCalendar.BroadcastPrefix(eventId)}before";

    public static string DayId(int eventId) => $"{EventCalendar.BroadcastPrefix(eventId)}day";

    public int Run()
    {
        var local = clock.LocalNow.DateTime;
        // Residents hear of a Sunday event on Sunday morning, so only the quiet hours hold an announcement
        // back, not Sundays and holidays as for the reporting calendar.
        if (plan.Schedule.QuietHours.Contains(TimeOnly.FromDateTime(local))) return 0;
        var today = DateOnly.FromDateTime(local);
        var o = options.Value;
        var done = 0;
        foreach (var e in calendar.Upcoming())
        {
            var first = calendar.FirstDayOf(e);
            if (first > today.AddDays(o.DaysBefore)) break; // soonest first: the rest are later still
            var daySlot = first.ToDateTime(o.SendAt);
            var startsLocal = clock.ToLocal(e.StartsAt).DateTime;
            if (local >= daySlot)
            {
                // The morning of the day; for a timed event only while it has not started, for an all-day
                // one all that day (the bot may have been down in the morning).
                var stillUseful = e.AllDay ? today == first : local < startsLocal;
                if (stillUseful && Queue(e, DayId(e.Id), (e.LastDay is null ? "📅 Hôm nay: " : "📅 Bắt đầu từ hôm nay: ") + calendar.Describe(e)))
                    done++;
                continue;
            }
            // Before the day's slot: the reminder ahead is due once its own slot has passed. An event added
            // later than that is announced at once with the days that really remain.
            if (o.DaysBefore == 0 || local < first.AddDays(-o.DaysBefore).ToDateTime(o.SendAt)) continue;
            var days = first.DayNumber - today.DayNumber;
            var heading = days <= 1 ? "📅 Ngày mai: " : $"📅 Còn {days} ngày nữa: ";
            if (days > 0 && Queue(e, BeforeId(e.Id), heading + calendar.Describe(e))) done++;
        }
        return done;
    }

    private bool Queue(EventRecord e, string broadcastId, string text)
    {
        // A morning message makes the one ahead pointless; never both on the same run.
        if (broadcastId == BeforeId(e.Id) && broadcaster.Exists(DayId(e.Id))) return false;
        if (broadcaster.Exists(broadcastId)) return false;
        return broadcaster.Queue(broadcastId, null, audience.Residents(e.CommuneId, e.Area), text, e.PhotoFileId);
    }
}
