using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine.Events;

/// <summary>
/// Participation in events, as units report it after each one. Which units are asked: the event's organiser;
/// for a day the plan names, which has none, every unit of the event's commune whose kind reports its plan's participation indicator.
/// </summary>
public sealed class EventFigures(BotStore store, CommuneDirectory communes, CommuneClock clock, EventCalendar calendar, IOptions<EventOptions> options)
{
    public IReadOnlyList<UnitRecord> UnitsAskedAbout(EventRecord e)
    {
        var commune = store.For(e.CommuneId);
        if (e.OrganiserUnitId is { } id) return commune.Units.FindById(id) is { Active: true } unit ? [unit] : [];
        if (e.PlanKey is null) return [];
        var indicator = communes.PlanOf(e.CommuneId).FindIndicator(options.Value.ParticipationIndicator);
        if (indicator is null) return [];
        return [.. commune.Units.Find(u => u.Active).Where(u => indicator.IsReportedBy(u.Kind)).OrderBy(u => u.Id)];
    }

    /// <summary>Stores (or corrects) a unit's figure for an event, with who gave it and when.</summary>
    public EventFigure Record(EventRecord e, string unitId, int participants, Member by, string channel)
    {
        var id = EventFigure.IdOf(e.Id, unitId);
        var commune = store.For(e.CommuneId);
        var figure = commune.EventFigures.FindById(id) ?? new EventFigure
        {
            Id = id, EventId = e.Id, UnitId = unitId,
            EventDay = calendar.FirstDayOf(e),
        };
        figure.Participants = participants;
        figure.Revisions.Add(new EventFigureRevision { Participants = participants, MemberId = by.Id, MemberName = by.Name, Channel = channel, At = clock.UtcNow });
        commune.EventFigures.Upsert(figure);
        return figure;
    }

    /// <summary>The commune's events with a figure, and the people they drew, for the events that took place between the two days.</summary>
    public static (int Events, int People) Between(CommuneStore commune, DateOnly from, DateOnly to)
    {
        var figures = commune.EventFigures.Find(f => f.EventDay >= from && f.EventDay <= to).ToList();
        return (figures.Select(f => f.EventId).Distinct().Count(), figures.Sum(f => f.Participants));
    }
}
