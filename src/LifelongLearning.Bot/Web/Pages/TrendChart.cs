using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Plans;
using ScottPlot;
using ScottPlot.Plottables;

namespace LifelongLearning.Bot.Web.Pages;

/// <summary>
/// One indicator's commune figure per year as an SVG drawn on the server (sharp on screen and on paper):
/// the figures as bars, a missing year left empty, and a share's 2025 and 2030 marks as dashed lines.
/// </summary>
public static class TrendChart
{
    public const int Width = 720;
    public const int Height = 320;

    private static readonly Color Bar = Color.FromHex("#0b5cad");
    private static readonly Color[] TargetColors = [Color.FromHex("#a15c00"), Color.FromHex("#1e7a3c")];

    /// <summary>What the dashed lines are, said under the chart in words (with the colour) so it prints in black and white too.</summary>
    public static string? TargetsCaption(IndicatorSeries series)
    {
        var i = series.Indicator;
        if (!(i.Aggregation.Kind == AggregationKind.ShareYes || i.Kind == IndicatorKind.Percentage) || i.Targets.Count == 0) return null;
        string[] colours = ["cam", "xanh lá"];
        return "Đường gạch: " + string.Join("; ", i.Targets.OrderBy(t => t.Year).Select((t, k) =>
            $"chỉ tiêu năm {t.Year} ({Core.Text.VietnameseFormat.Percent(t.Min)}, màu {colours[k % colours.Length]})")) + ".";
    }

    // Drawing is most of the trends page's time, and a chart changes only when its figures do: keep the last
    // drawings by what they show (bounded: cleared when full, a few hundred charts at most).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Drawn = new();
    private const int MaxDrawn = 256;

    public static string Svg(IndicatorSeries series, IReadOnlyList<int> years)
    {
        var key = series.Indicator.Code + "|" + string.Join(",", years) + "|" + string.Join(",", series.Figures.Select(f => f.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"))
                  + "|" + string.Join(",", series.Indicator.Targets.Select(t => $"{t.Year}:{t.Min}"));
        if (Drawn.TryGetValue(key, out var svg)) return svg;
        if (Drawn.Count >= MaxDrawn) Drawn.Clear();
        return Drawn[key] = Draw(series, years);
    }

    private static string Draw(IndicatorSeries series, IReadOnlyList<int> years)
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        var i = series.Indicator;
        var share = i.Aggregation.Kind == AggregationKind.ShareYes || i.Kind == IndicatorKind.Percentage;
        var bars = series.Figures.Select((f, k) => (Year: years[k], f.Value))
            .Where(x => x.Value is not null)
            .Select(x => new Bar { Position = x.Year, Value = (double)x.Value!.Value, FillColor = Bar, Label = share ? $"{x.Value:0.#}%" : Core.Text.VietnameseFormat.Number(x.Value.Value) })
            .ToList();
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.ValueLabelStyle.FontSize = 13;
            barPlot.ValueLabelStyle.FontName = ChartFonts.FamilyName;
        }
        if (share)
        {
            var k = 0;
            foreach (var t in i.Targets.OrderBy(t => t.Year))
            {
                var line = plot.Add.HorizontalLine((double)t.Min);
                line.LineColor = TargetColors[k++ % TargetColors.Length];
                line.LinePattern = LinePattern.Dashed;
                line.LineWidth = 2;
            }
            // Room above 100% for the bar's label; the dashed lines are named under the chart, not in a legend over the bars.
            plot.Axes.SetLimitsY(0, 112);
        }
        else plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Core.Text.VietnameseFormat.Number((decimal)Math.Round(v, 2)),
        };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. years.Select(y => new Tick(y, y.ToString()))]);
        plot.Axes.SetLimitsX(years[0] - 0.6, years[^1] + 0.6);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = ChartFonts.FamilyName;
            axis.TickLabelStyle.FontName = ChartFonts.FamilyName;
            axis.TickLabelStyle.FontSize = 13;
        }
        plot.YLabel(share ? "%" : i.UnitOfMeasure ?? "");
        return plot.GetSvgXml(Width, Height);
    }
}
