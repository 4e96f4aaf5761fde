using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Charts;

/// <summary>Turns a round's figures and the yearly visit sums into what the digest chart draws.</summary>
public static class ChartInputBuilder
{
    public static ChartInput Build(
        Plan plan,
        string roundLabel,
        IReadOnlyList<IndicatorFigure> figures,
        IReadOnlyDictionary<string, YearlyFigures> yearly)
    {
        var targets = figures
            .Where(f => f.Indicator.HasTargets && f.Indicator.Aggregation.Kind == AggregationKind.ShareYes)
            .Select(f => new TargetBar(f.Indicator.Code, f.Indicator.Name, f.Value,
                f.Indicator.TargetFor(2025)?.Min, f.Indicator.TargetFor(2030)?.Min))
            .ToList();
        // The plan's growth target (TV-LUOT in the default plan) is the one drawn year by year.
        var growth = plan.Indicators.FirstOrDefault(i => i.TargetKind == TargetKind.AverageGrowthAtLeast);
        // Under each year, the growth on the year before from Core's one rule (the units in both years), as the text says it.
        var visits = growth is not null && yearly.TryGetValue(growth.Code, out var units) && units.Years.Count > 0
            ? Enumerable.Range(units.Years.Min(), units.Years.Max() - units.Years.Min() + 1)
                .Select(y => new YearFigure(y, units.Total(y), FigureCalculator.YearOnYear(units, y)?.Percent)).ToList()
            : [];
        var title = $"{plan.Commune.Name} – tiến độ Kế hoạch {plan.Commune.PlanNumber}, {roundLabel}";
        return new ChartInput(title, targets, visits);
    }
}
