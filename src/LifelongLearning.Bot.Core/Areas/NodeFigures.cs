using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Core.Areas;

/// <summary>
/// Every figure of one node for one period: who under it has reported (<see cref="Completeness"/>, counted
/// in units), each indicator's figure with its verdict, and the same for the nodes below when asked for.
/// </summary>
public sealed record NodeFigures(TreeNode Node, ReportingPeriod Period, Completeness Completeness, IReadOnlyList<IndicatorFigure> Figures)
{
    public IReadOnlyList<NodeFigures> Children { get; init; } = [];

    /// <summary>The figure of this indicator at this node, if the node's plan collects it in the period.</summary>
    public IndicatorFigure? FigureOf(string indicatorCode) =>
        Figures.FirstOrDefault(f => string.Equals(f.Indicator.Code, indicatorCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when every unit expected in the period has reported.</summary>
    public bool IsComplete => Completeness.Missing.Count == 0;
}
