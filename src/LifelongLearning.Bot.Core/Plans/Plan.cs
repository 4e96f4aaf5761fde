using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// The commune's plan as data: its units, indicators, targets, calendar and holidays. Another commune
/// adopts the same programme by editing the JSON file, without a rebuild.
/// </summary>
public sealed record Plan(
    Commune Commune,
    string TimeZone,
    IReadOnlyList<UnitKind> UnitKinds,
    IReadOnlyList<PlanUnit> Units,
    IReadOnlyList<Indicator> Indicators,
    Schedule Schedule,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<EventDay> EventDays)
{
    public WorkingCalendar Calendar { get; } = new(Holidays);

    /// <summary>The plan's tasks and targets by their number ("I.2.a"), which indicators name; the report groups figures under them.</summary>
    public IReadOnlyList<PlanTask> Tasks { get; init; } = [];

    /// <summary>The reviews the plan orders (sơ kết, tổng kết), by year.</summary>
    public IReadOnlyList<PlanReview> Reviews { get; init; } = [];

    /// <summary>The review held in this year, if the plan orders one.</summary>
    public PlanReview? ReviewIn(int year) => Reviews.FirstOrDefault(r => r.Year == year);

    public PlanTask? FindTask(string? code) => code is null ? null : Tasks.FirstOrDefault(t => t.Code == code);

    public Indicator? FindIndicator(string code) =>
        Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    public UnitKind? FindUnitKind(string code) => UnitKinds.FirstOrDefault(k => k.Code == code);

    /// <summary>The indicators a unit of this kind answers in a round of this period, in plan order.</summary>
    public IReadOnlyList<Indicator> IndicatorsFor(string unitKind, PeriodKind period) =>
        [.. Indicators.Where(i => i.IsReportedBy(unitKind) && i.IsCollectedIn(period))];

    /// <summary>The deadline is a fixed number of days after the cut-off, moved to the next working day.</summary>
    public DateOnly DeadlineFor(ReportingPeriod period) =>
        Calendar.NextWorkingDayOnOrAfter(period.To.AddDays(Schedule.DeadlineDaysAfterCutOff));

    /// <summary>
    /// The deadline of a round that people are asked to answer from this day. A round that opens on or after
    /// the plan's deadline (the bot was down when it fell due, or an official opens a past period) gets as many
    /// days from its opening as the plan gives from the cut-off, moved to a working day: nobody is told a
    /// deadline that is already today or past, and no unit is late on the day it is first asked.
    /// </summary>
    public DateOnly DeadlineFor(ReportingPeriod period, DateOnly openedOn) => DeadlineFor(period) is var planned && openedOn < planned
        ? planned
        : Calendar.NextWorkingDayOnOrAfter(openedOn.AddDays(Schedule.DeadlineDaysAfterCutOff));

    /// <summary>Whether any indicator is collected in periods of this kind: a round of a kind without one has no questions.</summary>
    public bool HasQuestionsIn(PeriodKind kind) => Indicators.Any(i => i.IsCollectedIn(kind));
}
