using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Exports;

/// <summary>
/// An official report as data, ready for the spreadsheet and the document writers: the commune figures
/// against the targets, every unit's figures, who answered when, and every correction.
/// </summary>
public sealed record Report(
    Plan Plan,
    ExportScope Scope,
    DateOnly Today,
    IReadOnlyList<IndicatorSeries> Indicators,
    IReadOnlyList<UnitKindTable> UnitTables,
    IReadOnlyList<PeriodCompleteness> Completeness,
    IReadOnlyList<RevisionRow> Revisions,
    IReadOnlyList<RawAnswerRow> Answers)
{
    public IEnumerable<IndicatorSeries> Targets => Indicators.Where(s => s.Indicator.HasTargets);

    public IEnumerable<IndicatorSeries> Activities => Indicators.Where(s => !s.Indicator.HasTargets);

    /// <summary>The periods in which some expected unit has not reported (or no round was opened).</summary>
    public IEnumerable<PeriodCompleteness> Incomplete => Completeness.Where(c => c.Missing.Count > 0);
}

/// <summary>One indicator's commune figure in each period of the scope, in the scope's order.</summary>
public sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<IndicatorFigure> Figures)
{
    public IndicatorFigure Latest => Figures[^1];
}

/// <summary>The figures of every unit of one kind: one row per unit and period, one column per indicator.</summary>
public sealed record UnitKindTable(UnitKind Kind, IReadOnlyList<Indicator> Indicators, IReadOnlyList<UnitRow> Rows);

/// <summary>
/// A unit's last confirmed values for one period, one per indicator of the table: null when it gave none
/// (not reported, or said it has no figure). A missing figure stays missing, never 0.
/// </summary>
public sealed record UnitRow(ReportingPeriod Period, string UnitId, string UnitName, IReadOnlyList<AnswerValue?> Values);

/// <summary>Who answered in one period, when, and whether on time.</summary>
public sealed record PeriodCompleteness(ReportingPeriod Period, DateOnly? Deadline, IReadOnlyList<UnitCompleteness> Units)
{
    /// <summary>False when no round was opened for the period: nobody was asked.</summary>
    public bool RoundOpened => Deadline is not null;

    public IReadOnlyList<UnitCompleteness> Missing => [.. Units.Where(u => u.FirstAt is null)];

    public int Answered => Units.Count - Missing.Count;

    public int Late => Units.Count(u => u.IsLate);
}

/// <summary>One unit's report in a period: first confirmed when, by whom, through which channel; late after the deadline day.</summary>
public sealed record UnitCompleteness(string UnitId, string UnitName, string KindName, DateTimeOffset? FirstAt, string? By, string? Channel, bool IsLate);

/// <summary>A correction: a figure changed from one value to another, by whom, when, through which channel.</summary>
public sealed record RevisionRow(ReportingPeriod Period, string UnitId, string UnitName, Indicator Indicator,
    AnswerValue From, AnswerValue To, string By, string Channel, DateTimeOffset At);

/// <summary>A unit's confirmed answer as it stands, for the CSV of raw answers.</summary>
public sealed record RawAnswerRow(ReportingPeriod Period, string UnitId, string UnitName, Indicator Indicator, AnswerValue Value,
    DateTimeOffset FirstAt, DateTimeOffset LastAt, string LastBy, string LastChannel, int Revisions);
