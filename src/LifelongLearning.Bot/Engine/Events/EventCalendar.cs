using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Events;

/// <summary>
/// The events calendar in the store: the days the plan names (seeded each year, so they are there from the
/// start and are announced like any other) and the events officials add. Call the writing methods inside
/// a store write.
/// </summary>
public sealed class EventCalendar(BotStore store, PlanHolder time)
{
    public const string PlanCreator = "plan";

    /// <summary>Every announcement about an event has a broadcast id starting with this ("event:12:day").</summary>
    public static string BroadcastPrefix(int eventId) => $"event:{eventId}:";

    /// <summary>Puts the plan's named days and learning week of the year into the calendar, once each.</summary>
    public int SeedPlanDays(int year)
    {
        var added = 0;
        foreach (var day in time.Plan.EventDays)
        {
            if (day.Month == 2 && day.Day == 29 && !DateTime.IsLeapYear(year)) continue;
            var date = new DateOnly(year, day.Month, day.Day);
            added += Seed($"plan:{date:yyyy-MM-dd}:{Words.Fold(day.Title)}", day.Title, date, null, day.Description);
        }
        foreach (var week in time.Plan.LearningWeeks.Where(w => w.From.Year == year))
            added += Seed($"plan:week:{week.From:yyyy-MM-dd}", "Tuần lễ hưởng ứng học tập suốt đời", week.From, week.To,
                "Các thư viện, nhà văn hóa, nhà trường tổ chức hoạt động học tập, đọc sách cho mọi người.");
        return added;
    }

    private int Seed(string key, string title, DateOnly first, DateOnly? last, string? description)
    {
        if (store.Events.FindOne(e => e.PlanKey == key) is not null) return 0;
        store.Events.Insert(new EventRecord
        {
            Title = title, StartsAt = time.ToUtc(first, TimeOnly.MinValue), AllDay = true,
            LastDay = last?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Description = description,
            PlanKey = key, CreatedBy = PlanCreator, CreatedAt = time.UtcNow,
        });
        return 1;
    }

    /// <summary>Events not cancelled whose last day is today or later, soonest first.</summary>
    public List<EventRecord> Upcoming(int max = int.MaxValue)
    {
        var today = time.Today;
        var from = time.ToUtc(today.AddDays(-10), TimeOnly.MinValue); // a multi-day event started before today
        return [.. store.Events.Find(e => e.StartsAt >= from && e.CancelledAt == null)
            .Where(e => LastDayOf(e) >= today)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(max)];
    }

    /// <summary>The local day it starts.</summary>
    public DateOnly FirstDayOf(EventRecord e) => DateOnly.FromDateTime(time.ToLocal(e.StartsAt).DateTime);

    public DateOnly LastDayOf(EventRecord e) => e.LastDay is { } last ? DateOnly.FromDateTime(last) : FirstDayOf(e);

    /// <summary>"08:00 21/04/2026", "21/04/2026", or "01/10/2026–07/10/2026".</summary>
    public string WhenOf(EventRecord e)
    {
        if (e.LastDay is not null) return $"{VietnameseFormat.Date(FirstDayOf(e))}–{VietnameseFormat.Date(LastDayOf(e))}";
        return e.AllDay ? VietnameseFormat.Date(FirstDayOf(e)) : VietnameseFormat.DateTime(time.ToLocal(e.StartsAt));
    }

    /// <summary>The event as residents read it: title, when, where, what, for whom.</summary>
    public string Describe(EventRecord e)
    {
        var lines = new List<string> { e.Title, $"🕗 {WhenOf(e)}" };
        if (e.Place is { Length: > 0 } place) lines.Add($"📍 {place}");
        if (e.Area is { Length: > 0 } area) lines.Add($"👥 Dành cho bà con {area}");
        if (e.Description is { Length: > 0 } description) lines.Add(description);
        return string.Join("\n", lines);
    }
}
