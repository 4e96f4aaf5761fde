using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// One figure the plan asks units for. Indicators with <see cref="Targets"/> are the plan's targets
/// (TV-HTSD, TV-CDS, TV-LUOT, VH-CLB); the others are activity figures the yearly report needs.
/// </summary>
public sealed record Indicator(
    string Code,
    string Name,
    string Question,
    IndicatorKind Kind,
    string? UnitOfMeasure,
    IReadOnlyList<string> ReportedBy,
    IReadOnlyList<PeriodKind> Periods,
    Aggregation Aggregation,
    TargetKind? TargetKind,
    IReadOnlyList<Target> Targets,
    int? GrowthBaseYear,
    string? Task)
{
    public const decimal DefaultMinCoverage = 0.8m;

    /// <summary>The largest figure a unit may give (plan value <c>max</c>); null: the default of the kind.</summary>
    public decimal? Max { get; init; }

    /// <summary>The share of the units that must report it below which no verdict is given (plan value <c>minCoverage</c>).</summary>
    public decimal MinCoverage { get; init; } = DefaultMinCoverage;

    public const string DefaultUnitNoun = "đơn vị";

    /// <summary>What the units of a share are called in «2/4 thư viện có» (plan value <c>unitNoun</c>; default «đơn vị»).</summary>
    public string UnitNoun { get; init; } = DefaultUnitNoun;

    public bool HasTargets => Targets.Count > 0;

    public bool IsReportedBy(string unitKind) => ReportedBy.Contains(unitKind, StringComparer.Ordinal);

    public bool IsCollectedIn(PeriodKind period) => Periods.Contains(period);

    public Target? TargetFor(int year) => Targets.FirstOrDefault(t => t.Year == year);
}
