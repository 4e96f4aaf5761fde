using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Digests;

/// <summary>
/// The commune figure of one indicator for one period, and what it rests on: a missing answer is left
/// out, never counted as zero or "không", and <see cref="UnitsCounted"/> says how many units gave one.
/// </summary>
public sealed record IndicatorFigure(
    Indicator Indicator,
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

    /// <summary>Set when the total holds approximate answers («gần 500»): it is then printed «khoảng …» or «ít nhất …» (<see cref="ApproximateText"/>).</summary>
    public ApproximateTotal? Approximate { get; init; }
}

/// <summary>
/// Growth against the same period a year before, over the units that gave a figure both times.
/// <see cref="UnitsChanged"/> says when other units also answered in only one of the two periods.
/// </summary>
public sealed record Growth(decimal Before, decimal Now, decimal Percent, int UnitsCompared, bool UnitsChanged);
