using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace LifelongLearning.Bot.Charts;

/// <summary>One commune in the city's ranking: how many of its expected units have reported.</summary>
public sealed record CommuneBar(string Name, int Answered, int Expected)
{
    /// <summary>The share reported, 0–100; a commune that expects nobody this period counts as complete.</summary>
    public decimal Percent => Expected == 0 ? 100 : Math.Round(100m * Answered / Expected, 1);
}

/// <summary>
/// The picture in the city's digest: the communes ranked by the share of their units that have reported, the
/// most complete on top, so the city official sees at a glance which communes to call. One PNG; its height grows
/// with the number of communes so every name stays readable on a phone.
/// </summary>
public static class CityChart
{
    public const int Width = 1000;
    private const int RowHeight = 44;
    private const int Frame = 220;

    private static readonly Color DoneColor = Color.FromHex("#2E7D32");
    private static readonly Color PartColor = Color.FromHex("#2E6DB4");

    /// <summary>The communes in the order the chart ranks them (top first): share reported, then name.</summary>
    public static IReadOnlyList<CommuneBar> Ranked(IEnumerable<CommuneBar> communes) =>
        [.. communes.OrderByDescending(c => c.Percent).ThenBy(c => c.Name, StringComparer.Create(CultureInfo.InvariantCulture, true))];

    public static int HeightFor(int communes) => Frame + RowHeight * Math.Max(communes, 1);

    public static byte[] Render(string title, IEnumerable<CommuneBar> communes)
    {
        ChartFonts.EnsureRegistered();
        var ranked = Ranked(communes);
        var plot = new Plot();
        var ticks = new NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var c = ranked[i];
            // ScottPlot counts positions bottom-up; the first of the ranking goes on top.
            double y = ranked.Count - 1 - i;
            ticks.AddMajor(y, Vi(c.Name));
            bars.Add(new Bar
            {
                Position = y, Value = (double)c.Percent, Size = 0.7, LineWidth = 0,
                FillColor = c.Answered >= c.Expected ? DoneColor : PartColor,
            });
            var label = plot.Add.Text($"{c.Answered}/{c.Expected} ({Percent(c.Percent)})", (double)c.Percent + 1, y);
            label.LabelFontSize = 16;
            label.LabelBold = true;
            label.LabelFontColor = Colors.Black;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            plot.MoveToBack(barPlot);
        }
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new NumericManual([0, 20, 40, 60, 80, 100], ["0%", "20%", "40%", "60%", "80%", "100%"]);
        // Room right of 100% for the last label («4/4 (100%)»).
        plot.Axes.SetLimits(0, 128, -0.6, Math.Max(ranked.Count, 1) - 0.4);
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#E4E4E4");
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Title(Vi(title));
        plot.XLabel("Tỉ lệ đơn vị đã báo cáo (số đơn vị đã báo cáo/số đơn vị phải báo cáo)");
        ApplyFont(plot);
        return plot.GetImageBytes(Width, HeightFor(ranked.Count), ImageFormat.Png);
    }

    private static void ApplyFont(Plot plot)
    {
        // Named on each element (as DigestChart does): the shipped font has every Vietnamese glyph.
        plot.Axes.Title.Label.FontName = ChartFonts.FamilyName;
        plot.Axes.Title.Label.FontSize = 24;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = ChartFonts.FamilyName;
            axis.TickLabelStyle.FontName = ChartFonts.FamilyName;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Axes.Left.TickLabelStyle.FontSize = 18;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Bottom.Label.FontSize = 16;
        foreach (var text in plot.GetPlottables<Text>()) text.LabelFontName = ChartFonts.FamilyName;
    }

    private static string Percent(decimal value) =>
        value.ToString("#,##0.#", new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." }) + "%";

    private static string Vi(string text) => text.Normalize(NormalizationForm.FormC);
}
