using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Numbers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Digests;

/// <summary>Makes the commune figures the plan's targets speak of, from the units' answers.</summary>
public static class FigureCalculator
{
    /// <param name="period">The period the figure is of; it is judged as that period (a half year against the same half a year before).</param>
    /// <param name="now">Every unit expected to answer in the period, reported or not.</param>
    /// <param name="yearBefore">The same period one year earlier, for growth; empty if unknown.</param>
    /// <param name="yearly">Each unit's figure by year (yearly rounds), for the average growth since the base year.</param>
    public static IndicatorFigure Compute(Indicator indicator, ReportingPeriod period, IReadOnlyList<UnitReport> now,
        IReadOnlyList<UnitReport> yearBefore, YearlyFigures? yearly = null)
    {
        var expected = now.Where(u => indicator.IsReportedBy(u.Kind)).ToList();
        var target = TargetFor(indicator, period.Year);
        return indicator.Aggregation.Kind == AggregationKind.ShareYes
            ? Share(indicator, period, expected, target)
            : Sum(indicator, period, expected, yearBefore, yearly, target);
    }

    /// <summary>The figure of a whole year.</summary>
    public static IndicatorFigure Compute(Indicator indicator, int year, IReadOnlyList<UnitReport> now,
        IReadOnlyList<UnitReport> yearBefore, YearlyFigures? yearly = null) =>
        Compute(indicator, ReportingPeriod.WholeYear(year), now, yearBefore, yearly);

    /// <summary>The target the period is measured against: the next milestone year (2025, then 2030).</summary>
    public static Target? TargetFor(Indicator indicator, int year) =>
        indicator.Targets.Where(t => t.Year >= year).MinBy(t => t.Year) ?? indicator.Targets.MaxBy(t => t.Year);

    /// <summary>
    /// The level a share must reach in a year to be on course for <paramref name="target"/>: in the target's
    /// year the target itself; in a year between two targets the point on the straight line from the earlier
    /// target to the later (TV-HTSD in 2027: 70% + 2/5 × (90% − 70%) = 78%); before the first target, the first
    /// target itself, as there is no earlier mark to draw the line from.
    /// </summary>
    public static decimal MarkFor(Indicator indicator, Target target, int year)
    {
        var earlier = indicator.Targets.Where(t => t.Year < target.Year).MaxBy(t => t.Year);
        if (year >= target.Year || earlier is null) return target.Min;
        if (year <= earlier.Year) return earlier.Min;
        return Math.Round(earlier.Min + (target.Min - earlier.Min) * (year - earlier.Year) / (target.Year - earlier.Year), 1);
    }

    /// <summary>
    /// The year an average growth target counts from: the earlier target's year (the 2030 target is growth over
    /// 2026–2030, so from 2025), or the plan's growthBaseYear for the first target.
    /// </summary>
    public static int? BaseYearFor(Indicator indicator, Target? target) =>
        target is null ? indicator.GrowthBaseYear
        : indicator.Targets.Where(t => t.Year < target.Year).MaxBy(t => t.Year)?.Year ?? indicator.GrowthBaseYear;

    private static IndicatorFigure Share(Indicator indicator, ReportingPeriod period, List<UnitReport> expected, Target? target)
    {
        var shareUnits = expected.Where(u => indicator.Aggregation.ShareOf.Contains(u.Kind)).ToList();
        var answered = shareUnits.Where(u => u.Answers.GetValueOrDefault(indicator.Code) is { IsMissing: false }).ToList();
        var yes = answered.Count(u => u.Answers[indicator.Code].YesNo == true);
        decimal? share = answered.Count == 0 ? null : Math.Round(100m * yes / answered.Count, 1);
        decimal? mark = target is null ? null : MarkFor(indicator, target, period.Year);

        // A required unit that has not answered has no value: it is neither "có" nor "không".
        var required = expected.Where(u => indicator.Aggregation.RequiredYes.Contains(u.Kind)).ToList();
        var requiredMissing = required.Where(u => u.Answers.GetValueOrDefault(indicator.Code) is null or { IsMissing: true })
            .Select(u => u.UnitName).ToList();
        var requiredNotYes = required.Where(u => u.Answers.GetValueOrDefault(indicator.Code)?.YesNo == false)
            .Select(u => u.UnitName).ToList();
        // A required unit that answered "không" fails the target whatever the coverage; otherwise too few answers give no verdict.
        bool? onTrack = mark is null || share is null ? null
            : requiredNotYes.Count > 0 ? false
            : !Covered(indicator, answered.Count, shareUnits.Count) ? null
            : share.Value < mark.Value ? false
            : requiredMissing.Count > 0 ? null
            : true;
        return new IndicatorFigure(indicator, period, share, answered.Count, shareUnits.Count, requiredNotYes, null, null, target, onTrack)
        {
            RequiredMissing = requiredMissing,
            UnitsYes = yes,
            Mark = mark,
        };
    }

    private static IndicatorFigure Sum(Indicator indicator, ReportingPeriod period, List<UnitReport> expected, IReadOnlyList<UnitReport> yearBefore,
        YearlyFigures? yearly, Target? target)
    {
        var figures = Numbers(indicator, expected);
        decimal? sum = figures.Count == 0 ? null : Saturating.Sum(figures.Values);
        var growth = GrowthAgainst(figures, Numbers(indicator, yearBefore));

        // An average over years is a yearly figure's: a half year is judged on its growth against the same half a
        // year before. Over a single year the average is that year's growth, already said.
        var baseYear = BaseYearFor(indicator, target);
        var since = period.Kind == PeriodKind.Year && baseYear is { } b && yearly is not null && period.Year - b >= 2
            ? GrowthAgainst(yearly.In(period.Year), yearly.In(b)) : null;
        decimal? average = since is null ? null : AveragePerYear(since, period.Year - baseYear!.Value);

        bool? onTrack = indicator.TargetKind == TargetKind.AverageGrowthAtLeast && target is not null
            ? (average ?? growth?.Percent) is { } g ? target.IsMetBy(g) : null
            : null;
        if (!Covered(indicator, figures.Count, expected.Count)) onTrack = null;
        return new IndicatorFigure(indicator, period, sum, figures.Count, expected.Count, [], growth, average, target, onTrack)
        {
            AverageBasis = since,
            AverageSince = average is null ? null : baseYear,
            Mark = target?.Min,
            Approximate = ApproximateTotal.Of(expected.Select(u => u.Answers.GetValueOrDefault(indicator.Code)).OfType<AnswerValue>().Where(v => v.Number is not null)),
        };
    }

    /// <summary>A verdict needs enough data: at least the plan's minCoverage of the units that must report it.</summary>
    public static bool Covered(Indicator indicator, int counted, int expected) =>
        expected > 0 && counted >= indicator.MinCoverage * expected;

    private static Dictionary<string, decimal> Numbers(Indicator indicator, IEnumerable<UnitReport> units) =>
        units.Where(u => u.Answers.GetValueOrDefault(indicator.Code)?.Number is not null)
             .ToDictionary(u => u.UnitId, u => u.Answers[indicator.Code].Number!.Value);

    /// <summary>
    /// The one growth rule, for the digest, the report and the chart alike: over the units that gave a figure in
    /// both periods, never total against total (a unit reporting only once would make the growth).
    /// </summary>
    public static Growth? GrowthAgainst(IReadOnlyDictionary<string, decimal> now, IReadOnlyDictionary<string, decimal> before)
    {
        var both = now.Keys.Intersect(before.Keys).ToList();
        if (both.Count == 0) return null;
        var sumBefore = Saturating.Sum(both, u => before[u]);
        var sumNow = Saturating.Sum(both, u => now[u]);
        if (sumBefore == 0) return null;
        var changed = both.Count != now.Count || both.Count != before.Count;
        return new Growth(sumBefore, sumNow, Saturating.ChangePercent(sumBefore, sumNow), both.Count, changed);
    }

    /// <summary>A year's growth on the year before, from the yearly rounds: what the chart writes under the year.</summary>
    public static Growth? YearOnYear(YearlyFigures yearly, int year) => GrowthAgainst(yearly.In(year), yearly.In(year - 1));

    /// <summary>The compound growth a year that turns <see cref="Growth.Before"/> into <see cref="Growth.Now"/> in so many years.</summary>
    private static decimal? AveragePerYear(Growth over, int years) => over.Now <= 0 ? null
        : Math.Round(Saturating.FromDouble(100 * (Math.Pow((double)over.Now / (double)over.Before, 1.0 / years) - 1)), 1);
}
