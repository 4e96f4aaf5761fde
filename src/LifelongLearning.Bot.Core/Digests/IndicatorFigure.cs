using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Digests;

/// <summary>
/// The commune figure of one indicator for one period, and what it rests on: a missing answer is left
/// out, never counted as zero or "không", and <see cref="UnitsCounted"/> says how many units gave one.
/// </summary>
public sealed record IndicatorFigure(
    Indicator Indicator,
    ReportingPeriod Period,
    decimal? Value,
    int UnitsCounted,
    int UnitsExpected,
    IReadOnlyList<string> RequiredNotYes,
    Growth? Growth,
    decimal? AverageGrowth,
    Target? Target,
    bool? OnTrack)
{
    /// <summary>
    /// Units that must answer "có" but have not answered at all: they have no value yet, so they are
    /// written «chưa có số liệu», never counted with <see cref="RequiredNotYes"/> (those answered "không").
    /// </summary>
    public IReadOnlyList<string> RequiredMissing { get; init; } = [];

    /// <summary>For a share: how many of the <see cref="UnitsCounted"/> units answered "có" (the numerator of <see cref="Value"/>).</summary>
    public int UnitsYes { get; init; }

    /// <summary>
    /// What <see cref="AverageGrowth"/> is made of: the base year's and this year's totals over the units that
    /// reported in both years (<see cref="Growth.Percent"/> is the whole change, not the yearly average).
    /// </summary>
    public Growth? AverageBasis { get; init; }

    /// <summary>Set when the total holds approximate answers («gần 500»): it is then printed «khoảng …» or «ít nhất …» (<see cref="ApproximateText"/>).</summary>
    public ApproximateTotal? Approximate { get; init; }

    /// <summary>The year <see cref="AverageGrowth"/> counts from (the earlier target's year, or the plan's base year).</summary>
    public int? AverageSince { get; init; }

    /// <summary>
    /// What the figure is judged against this year: the target itself in its year; in an earlier year, for a
    /// share, the point on the straight line toward it (<see cref="FigureCalculator.MarkFor"/>).
    /// </summary>
    public decimal? Mark { get; init; }

    /// <summary>The period lies before its target's year: it is judged on progress («đúng/chậm tiến độ»), not «đạt/chưa đạt».</summary>
    public bool IsInterim => Target is not null && Period.Year < Target.Year;
}

/// <summary>
/// Growth against the same period a year before, over the units that gave a figure both times.
/// <see cref="UnitsChanged"/> says when other units also answered in only one of the two periods.
/// </summary>
public sealed record Growth(decimal Before, decimal Now, decimal Percent, int UnitsCompared, bool UnitsChanged);
