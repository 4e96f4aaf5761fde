using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Numbers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Areas;

/// <summary>
/// Makes a node's figures from the units under it with <see cref="FigureCalculator"/>, the commune's own rules,
/// so coverage, like-for-like growth and verdicts mean the same at the city, the commune, the area and the unit.
/// </summary>
public static class RollUp
{
    /// <summary>The node's completeness and figures for the period; <see cref="NodeFigures.Children"/> is empty.</summary>
    public static NodeFigures Of(TreeNode node, ReportingPeriod period, AnswerBook book)
    {
        var units = node.Units;
        var citywide = node.Level == NodeLevel.City;
        var now = Reports(units, period, book, citywide);
        var before = Reports(units, period.YearBefore(), book, citywide);
        var figures = node.Indicators.Where(i => i.IsCollectedIn(period.Kind))
            .Select(i => FigureCalculator.Compute(i, period.Year, now, before, i.GrowthBaseYear is null ? null : YearlySums(i.Code, units, book)))
            .ToList();
        return new NodeFigures(node, period, CompletenessOf(units, period, book, citywide), figures);
    }

    /// <summary>The node's figures and those of every node below it, down to <paramref name="downTo"/>.</summary>
    public static NodeFigures Tree(TreeNode node, ReportingPeriod period, AnswerBook book, NodeLevel downTo = NodeLevel.Unit) =>
        Of(node, period, book) with
        {
            Children = node.Level >= downTo ? [] : [.. node.Children.Where(c => c.Level <= downTo).Select(c => Tree(c, period, book, downTo))],
        };

    /// <summary>A unit is expected in a period when its commune's plan asks its kind anything in it.</summary>
    public static bool IsExpected(TreeNode unit, ReportingPeriod period) =>
        unit.Plan!.IndicatorsFor(unit.Kind!, period.Kind).Count > 0;

    private static List<UnitReport> Reports(IReadOnlyList<TreeNode> units, ReportingPeriod period, AnswerBook book, bool citywide) =>
        [.. units.Select(u => new UnitReport(u.Key!, NameOf(u, citywide), u.Kind!,
            book.Find(period, u.Key!)?.Answers ?? new Dictionary<string, AnswerValue>()))];

    // Keys stay unique across communes; a name read at the city says its commune ("Thư viện xã (Xã Tân Kỳ)").
    private static string NameOf(TreeNode unit, bool citywide) => citywide ? $"{unit.Name} ({unit.CommuneName})" : unit.Name;

    private static Completeness CompletenessOf(IReadOnlyList<TreeNode> units, ReportingPeriod period, AnswerBook book, bool citywide)
    {
        List<string> onTime = [], late = [], missing = [];
        foreach (var unit in units.Where(u => IsExpected(u, period)))
        {
            var name = NameOf(unit, citywide);
            var round = book.Find(period, unit.Key!);
            if (round is not { Answers.Count: > 0 }) missing.Add(name);
            else (round.Late ? late : onTime).Add(name);
        }
        return new Completeness(onTime.Count + late.Count + missing.Count, onTime, late, missing, []);
    }

    /// <summary>The node's sums of a number indicator per year, from the yearly rounds, for average growth since the base year.</summary>
    /// <summary>Each unit's yearly figure of one indicator, unit by unit, so growth is made over the units in both years.</summary>
    private static YearlyFigures YearlySums(string code, IReadOnlyList<TreeNode> units, AnswerBook book) =>
        YearlyFigures.Of(
            from year in book.PeriodsOf(PeriodKind.Year)
            from u in units
            let number = book.Find(year, u.Key!)?.Answers.GetValueOrDefault(code)?.Number
            where number is not null
            select (year.Year, u.Key!, number.Value));
}
