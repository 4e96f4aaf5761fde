using System.Linq.Expressions;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Events;

/// <summary>
/// The events calendar in the store: the days the plan names (seeded each year, so they are there from the
/// start and are announced like any other) and the events officials add. Call the writing methods inside
/// a store write.
/// </summary>
public sealed class EventCalendar(BotStore store, CommuneDirectory communes, CommuneClock clock)
{
    public const string PlanCreator = "plan";

    /// <summary>Every announcement about an event has a broadcast id starting with this ("event:12:day").</summary>
    public static string BroadcastPrefix(int eventId) => $"event:{eventId}:";

    /// <summary>
    /// Puts each commune's plan's named days of the year (the learning week among them) into its calendar, once each. An
    /// event is found again by its key of the year, so a restart or a plan file with a new title or new dates
    /// adds nothing: the one event, and with it its announcements (by event id), stays. Returns how many were added.
    /// </summary>
    public int SeedPlanDays(int year)
    {
        var added = 0;
        foreach (var commune in communes.All)
            foreach (var day in commune.Plan.EventDays)
                if (day.In(year) is { } when)
                    added += Seed(store.For(commune.Code), day, year, when.First, when.Last);
        return added;
    }

    private int Seed(CommuneStore commune, EventDay day, int year, DateOnly first, DateOnly last)
    {
        var key = day.KeyIn(year);
        var existing = commune.Events.FindOne(e => e.PlanKey == key) ?? SeededByAnOlderRelease(commune, day, first);
        if (existing is not null)
        {
            Follow(commune, existing, key, day, first, last);
            return 0;
        }
        commune.Events.Insert(new EventRecord
        {
            Title = day.Title, StartsAt = clock.ToUtc(first, TimeOnly.MinValue), AllDay = true,
            LastDay = last == first ? null : last, Description = day.Description,
            PlanKey = key, CreatedBy = PlanCreator, CreatedAt = clock.UtcNow,
        });
        return 1;
    }

    /// <summary>Releases before the yearly keys named a day by its date and title, and the learning week by its first day.</summary>
    private static EventRecord? SeededByAnOlderRelease(CommuneStore commune, EventDay day, DateOnly first)
    {
        var legacy = day.Until is null ? $"plan:{first:yyyy-MM-dd}:{Words.Fold(day.Title)}" : $"plan:week:{first:yyyy-MM-dd}";
        return commune.Events.FindOne(e => e.PlanKey == legacy);
    }

    /// <summary>
    /// The stored event takes the key of the year and, until it begins, what the plan file now says of it; one
    /// that has begun, or that an official cancelled, keeps what residents were told.
    /// </summary>
    private void Follow(CommuneStore commune, EventRecord e, string key, EventDay day, DateOnly first, DateOnly last)
    {
        var lastDay = last == first ? (DateOnly?)null : last;
        var startsAt = clock.ToUtc(first, TimeOnly.MinValue);
        var changed = e.PlanKey != key;
        e.PlanKey = key;
        if (e.CancelledAt is null && FirstDayOf(e) > clock.Today && (e.Title != day.Title || e.StartsAt != startsAt || e.LastDay != lastDay || e.Description != day.Description))
        {
            (e.Title, e.StartsAt, e.LastDay, e.Description) = (day.Title, startsAt, lastDay, day.Description);
            changed = true;
        }
        if (changed) commune.Events.Update(e);
    }

    /// <summary>
    /// Events not cancelled whose last day is today or later, soonest first: one commune's, or every commune's
    /// when <paramref name="communeId"/> is null (the announcer, which sends each to its own commune).
    /// </summary>
    public List<EventRecord> Upcoming(string? communeId = null, int max = int.MaxValue)
    {
        var today = clock.Today;
        var from = clock.ToUtc(today.AddDays(-10), TimeOnly.MinValue); // a multi-day event started before today
        Expression<Func<EventRecord, bool>> live = e => e.StartsAt >= from && e.CancelledAt == null;
        var found = communeId is null ? store.Events.Find(live) : store.For(communeId).Events.Find(live);
        return [.. found
            .Where(e => LastDayOf(e) >= today)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(max)];
    }

    /// <summary>The local day it starts.</summary>
    public DateOnly FirstDayOf(EventRecord e) => DateOnly.FromDateTime(clock.ToLocal(e.StartsAt).DateTime);

    public DateOnly LastDayOf(EventRecord e) => e.LastDay ?? FirstDayOf(e);

    /// <summary>"08:00 21/04/2026", "21/04/2026", or "01/10/2026–07/10/2026".</summary>
    public string WhenOf(EventRecord e)
    {
        if (e.LastDay is not null) return $"{VietnameseFormat.Date(FirstDayOf(e))}–{VietnameseFormat.Date(LastDayOf(e))}";
        return e.AllDay ? VietnameseFormat.Date(FirstDayOf(e)) : VietnameseFormat.DateTime(clock.ToLocal(e.StartsAt));
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
