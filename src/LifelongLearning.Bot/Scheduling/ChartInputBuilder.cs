using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>Turns a round's figures and the yearly visit sums into what the digest chart draws.</summary>
public static class ChartInputBuilder
{
    public static ChartInput Build(
        Plan plan,
        string roundLabel,
        IReadOnlyList<IndicatorFigure> figures,
        IReadOnlyDictionary<string, IReadOnlyDictionary<int, decimal>> yearlySums)
    {
        var targets = figures
            .Where(f => f.Indicator.HasTargets && f.Indicator.Aggregation.Kind == AggregationKind.ShareYes)
            .Select(f => new TargetBar(f.Indicator.Code, f.Indicator.Name, f.Value,
                f.Indicator.TargetFor(2025)?.Min, f.Indicator.TargetFor(2030)?.Min))
            .ToList();
        // The plan's growth target (TV-LUOT in the default plan) is the one drawn year by year.
        var growth = plan.Indicators.FirstOrDefault(i => i.TargetKind == TargetKind.AverageGrowthAtLeast);
        var visits = growth is not null && yearlySums.TryGetValue(growth.Code, out var sums) && sums.Count > 0
            ? Enumerable.Range(sums.Keys.Min(), sums.Keys.Max() - sums.Keys.Min() + 1)
                .Select(y => new YearFigure(y, sums.TryGetValue(y, out var v) ? v : null)).ToList()
            : [];
        var title = $"{plan.Commune.Name} – tiến độ Kế hoạch {plan.Commune.PlanNumber}, {roundLabel}";
        return new ChartInput(title, targets, visits);
    }
}
