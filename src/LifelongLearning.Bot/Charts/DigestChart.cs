using LifelongLearning.Bot.Core.Digests;
using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace LifelongLearning.Bot.Charts;

/// <summary>
/// The picture in the officials' digest: where each share indicator stands against its 2025 and 2030
/// targets, and library visits by year. One PNG, sized to stay readable when a phone shows it full width.
/// </summary>
public static class DigestChart
{
    public const int Width = 1000;
    public const int Height = 1200;

    private const int HeaderHeight = 76;
    private const int SharesHeight = 640;

    public const string CurrentLegend = "Hiện tại";
    public const string Target2025Legend = "Chỉ tiêu 2025";
    public const string Target2030Legend = "Chỉ tiêu 2030";
    public const string NoData = "chưa có số liệu";

    private static readonly Color CurrentColor = Color.FromHex("#2E6DB4");
    private static readonly Color Target2025Color = Color.FromHex("#E07B00");
    private static readonly Color Target2030Color = Color.FromHex("#B3261E");
    private static readonly Color MutedColor = Color.FromHex("#6B6B6B");

    // Built by hand rather than from CultureInfo("vi-VN"): a server without ICU data would silently
    // fall back to invariant formatting and print "1,250", which a Vietnamese reader takes for 1,25.
    private static readonly NumberFormatInfo Vietnamese = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    private static readonly Lazy<SKTypeface> HeaderTypeface = new(() =>
        SKTypeface.FromFile(ChartFonts.BoldPath)
        ?? throw new FileNotFoundException("Chart font missing or unreadable", ChartFonts.BoldPath));

    public static byte[] Render(ChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ChartFonts.EnsureRegistered();

        var shares = SharesPlot(input.Targets);
        var visits = VisitsPlot(input.Visits);

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not create a drawing surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        DrawHeader(canvas, Vi(input.Title));

        DrawPanel(canvas, shares, HeaderHeight, SharesHeight);
        DrawPanel(canvas, visits, HeaderHeight + SharesHeight, Height - HeaderHeight - SharesHeight);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // Each panel gets its own surface: ScottPlot clears the whole canvas it is given, not just its part.
    private static void DrawPanel(SKCanvas canvas, Plot plot, int top, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Could not create a drawing surface");
        plot.Render(surface.Canvas, Width, height);
        using var image = surface.Snapshot();
        canvas.DrawImage(image, 0, top);
    }

    private static void DrawHeader(SKCanvas canvas, string title)
    {
        const float margin = 24;
        const float maxWidth = Width - 2 * margin;
        using var font = new SKFont(HeaderTypeface.Value, 30);
        using var paint = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };

        // A long title (commune, plan, period) must not run off the image: shrink a little, then use two
        // lines, then shrink those, and only as a last resort cut the end.
        string[] lines = [title];
        for (float size = 30; size >= 16; size -= 1)
        {
            font.Size = size;
            lines = size >= 24 ? [title] : SplitInTwo(title, font, maxWidth);
            if (lines.All(l => font.MeasureText(l) <= maxWidth))
            {
                break;
            }
        }

        lines = [.. lines.Select(l => Ellipsize(l, font, maxWidth))];
        float lineHeight = font.Size * 1.2f;
        float firstBaseline = (HeaderHeight - lineHeight * lines.Length) / 2 + font.Size * 0.95f;
        for (int i = 0; i < lines.Length; i++)
        {
            canvas.DrawText(lines[i], Width / 2f, firstBaseline + i * lineHeight, SKTextAlign.Center, font, paint);
        }

        using var rule = new SKPaint { Color = new SKColor(0xCC, 0xCC, 0xCC), StrokeWidth = 2 };
        canvas.DrawLine(margin, HeaderHeight - 2, Width - margin, HeaderHeight - 2, rule);
    }

    private static string[] SplitInTwo(string text, SKFont font, float maxWidth)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return [text];
        }

        // Fill the first line as far as it goes, so the break falls late like a person would put it.
        int take = 1;
        while (take < words.Length - 1 && font.MeasureText(string.Join(' ', words.Take(take + 1))) <= maxWidth)
        {
            take++;
        }

        return [string.Join(' ', words.Take(take)), string.Join(' ', words.Skip(take))];
    }

    private static string Ellipsize(string line, SKFont font, float maxWidth)
    {
        if (font.MeasureText(line) <= maxWidth)
        {
            return line;
        }

        while (line.Length > 1 && font.MeasureText(line + "…") > maxWidth)
        {
            line = line[..^1];
        }

        return line.TrimEnd() + "…";
    }

    private static Plot SharesPlot(IReadOnlyList<TargetBar> targets)
    {
        var plot = new Plot();
        var ticks = new NumericManual();
        var bars = new List<Bar>();
        int n = targets.Count;

        for (int i = 0; i < n; i++)
        {
            var t = targets[i];
            // The plan lists indicators top-down; ScottPlot counts positions bottom-up.
            double y = n - 1 - i;
            ticks.AddMajor(y, TickLabel(t));

            if (t.Current is { } current)
            {
                bars.Add(new Bar
                {
                    Position = y,
                    Value = (double)current,
                    Size = 0.42,
                    FillColor = CurrentColor,
                    LineWidth = 0,
                });
                ShareValueLabel(plot, current, y);
            }
            else
            {
                var text = plot.Add.Text(NoData, 1, y);
                text.LabelFontColor = MutedColor;
                text.LabelFontSize = 20;
                text.LabelAlignment = Alignment.MiddleLeft;
            }

            if (t.Target2025 is { } t2025)
            {
                TargetMark(plot, t2025, y, Target2025Color, above: true);
            }

            if (t.Target2030 is { } t2030)
            {
                TargetMark(plot, t2030, y, Target2030Color, above: false);
            }
        }

        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            // Bars first, so the target marks and labels drawn later stay on top of them.
            plot.MoveToBack(barPlot);
        }

        if (n == 0)
        {
            var text = plot.Add.Text(NoData, 50, 0);
            text.LabelFontColor = MutedColor;
            text.LabelFontSize = 20;
            text.LabelAlignment = Alignment.MiddleCenter;
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            [0, 20, 40, 60, 80, 100],
            ["0%", "20%", "40%", "60%", "80%", "100%"]);
        // A little room right of 100% so a 100% target mark and its label are not clipped.
        plot.Axes.SetLimits(0, 105, -0.7, Math.Max(n, 1) - 0.4);
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#E4E4E4");
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;

        plot.Title("Tỉ lệ đạt so với chỉ tiêu (%)");
        AddLegend(plot);
        ApplyFont(plot);
        return plot;
    }

    // Inside the bar at its base: at the bar's end the label would collide with a target mark near it.
    private static void ShareValueLabel(Plot plot, decimal percent, double y)
    {
        bool fitsInside = percent >= 14;
        var text = plot.Add.Text(Percent(percent), fitsInside ? 1 : (double)percent + 1, y);
        text.LabelFontColor = fitsInside ? Colors.White : CurrentColor;
        text.LabelFontSize = 20;
        text.LabelBold = true;
        text.LabelAlignment = Alignment.MiddleLeft;
    }

    private static void TargetMark(Plot plot, decimal percent, double y, Color color, bool above)
    {
        double x = (double)percent;
        var line = plot.Add.Line(x, y - 0.3, x, y + 0.3);
        line.LineColor = color;
        line.LineWidth = 4;
        line.MarkerSize = 0;

        // 2025 above the bar and 2030 below, so equal targets never print on top of each other.
        var text = plot.Add.Text(Percent(percent), x, above ? y + 0.3 : y - 0.3);
        text.LabelFontColor = color;
        text.LabelFontSize = 16;
        text.LabelBold = true;
        text.LabelAlignment = above ? Alignment.LowerCenter : Alignment.UpperCenter;
    }

    private static void AddLegend(Plot plot)
    {
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = CurrentLegend,
            FillColor = CurrentColor,
        });
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = Target2025Legend,
            LineColor = Target2025Color,
            LineWidth = 4,
        });
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = Target2030Legend,
            LineColor = Target2030Color,
            LineWidth = 4,
        });
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 20;
    }

    private static Plot VisitsPlot(IReadOnlyList<YearFigure> visits)
    {
        var plot = new Plot();
        var ordered = visits.OrderBy(v => v.Year).ToList();
        var ticks = new NumericManual();
        var bars = new List<Bar>();
        decimal max = ordered.Max(v => v.Value) ?? 0;
        foreach (var figure in ordered)
        {
            ticks.AddMajor(figure.Year, YearLabel(figure));
            if (figure.Value is { } value)
            {
                bars.Add(new Bar
                {
                    Position = figure.Year,
                    Value = (double)value,
                    Size = 0.6,
                    FillColor = CurrentColor,
                    LineWidth = 0,
                    Label = Number(value),
                });
            }
            else
            {
                var text = plot.Add.Text("chưa có\nsố liệu", figure.Year, 0);
                text.LabelFontColor = MutedColor;
                text.LabelFontSize = 16;
                text.LabelAlignment = Alignment.LowerCenter;
            }
        }

        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            // Many years of seven-digit counts would run into each other at full size.
            barPlot.ValueLabelStyle.FontSize = ordered.Count > 6 ? 15 : 20;
            barPlot.ValueLabelStyle.Bold = true;
            barPlot.ValueLabelStyle.ForeColor = CurrentColor;
        }

        if (ordered.Count == 0)
        {
            var text = plot.Add.Text(NoData, 0, 0.5);
            text.LabelFontColor = MutedColor;
            text.LabelFontSize = 20;
            text.LabelAlignment = Alignment.MiddleCenter;
            plot.Axes.SetLimits(-1, 1, 0, 1);
        }
        else
        {
            double top = max > 0 ? (double)max * 1.18 : 10;
            plot.Axes.SetLimits(ordered[0].Year - 0.6, ordered[^1].Year + 0.6, 0, top);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = v => v.ToString("#,0", Vietnamese),
            IntegerTicksOnly = true,
        };
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = Color.FromHex("#E4E4E4");

        plot.Title("Lượt người sử dụng thư viện theo năm");
        plot.YLabel("Lượt");
        plot.XLabel("Năm (dưới năm: mức tăng so với năm trước, tính trên các thư viện có số liệu cả hai năm)");
        ApplyFont(plot);
        return plot;
    }

    private static void ApplyFont(Plot plot)
    {
        // Named on each element rather than with plot.Font.Set: with ScottPlot 5.1.59, after one chart
        // made with Font.Set, every later chart in the process drew its bold text as regular.
        plot.Axes.Title.Label.FontName = ChartFonts.FamilyName;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = ChartFonts.FamilyName;
            axis.TickLabelStyle.FontName = ChartFonts.FamilyName;
        }

        // Otherwise the legend picks a system font per render, which is what the shipped font avoids.
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.FontName = ChartFonts.FamilyName;
        foreach (var text in plot.GetPlottables<Text>())
        {
            text.LabelFontName = ChartFonts.FamilyName;
        }

        foreach (var bars in plot.GetPlottables<BarPlot>())
        {
            bars.ValueLabelStyle.FontName = ChartFonts.FamilyName;
        }

        plot.Axes.Title.Label.FontSize = 24;
        plot.Axes.Left.TickLabelStyle.FontSize = 18;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 18;
        plot.Axes.Left.Label.FontSize = 18;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
    }

    private static string TickLabel(TargetBar t)
    {
        string label = Vi(t.Label);
        return string.IsNullOrWhiteSpace(label) ? Vi(t.Code) : $"{Vi(t.Code)}\n{Wrap(label, 22)}";
    }

    /// <summary>
    /// The label under a year: the year, and the growth on the year before the input carries, worded as the
    /// digest words it («tăng 14,8%», «giảm 5%»). The plan's visit target is growth, so it is shown where the year is read.
    /// </summary>
    public static string YearLabel(YearFigure figure) =>
        figure.Growth is { } growth
            ? $"{figure.Year}\n{FigureText.Change(growth)}"
            : figure.Year.ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => value.ToString("#,##0.#", Vietnamese) + "%";

    // Visits are counts; a fraction could only come from averaging, and would read as noise.
    private static string Number(decimal value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("#,0", Vietnamese);

    // Text typed on phones can arrive with combining accents; the font's precomposed glyphs need NFC.
    private static string Vi(string text) => text.Normalize(NormalizationForm.FormC);

    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        // Three lines is all a bar's height holds; the code above the label still identifies it.
        return lines.Count <= 3 ? string.Join('\n', lines) : string.Join('\n', lines.Take(3)) + "…";
    }
}
