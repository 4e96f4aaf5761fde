using LifelongLearning.Bot.Charts;
using SkiaSharp;
using Xunit;

namespace LifelongLearning.Bot.Tests.Charts;

public class DigestChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Every Vietnamese vowel with every tone mark, plus đ/Đ, in both cases.
    private const string VietnameseLetters =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ" +
        "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";

    private static ChartInput Sample(bool withTargets = true) => new(
        "Xã Tân Kỳ – tiến độ Kế hoạch 04/KH-UBND, 6 tháng đầu năm 2025",
        [
            new TargetBar("TV-HTSD", "Thư viện có dịch vụ học tập suốt đời", 62.5m,
                withTargets ? 70 : null, withTargets ? 90 : null),
            new TargetBar("TV-CDS", "Thư viện ứng dụng CNTT, chuyển đổi số", 75m,
                withTargets ? 70 : null, withTargets ? 80 : null),
            new TargetBar("VH-CLB", "Nhà văn hóa có câu lạc bộ, lớp năng khiếu", null,
                withTargets ? 70 : null, withTargets ? 100 : null),
        ],
        [
            new YearFigure(2022, 980m),
            new YearFigure(2023, 1250m),
            new YearFigure(2024, 1402m),
            new YearFigure(2025, null),
        ]);

    [Fact]
    public void Render_returns_a_png_of_the_documented_size()
    {
        byte[] png = DigestChart.Render(Sample());

        Assert.Equal(PngSignature, png.Take(8).ToArray());
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(DigestChart.Width, bitmap.Width);
        Assert.Equal(DigestChart.Height, bitmap.Height);

        string? samplePath = Environment.GetEnvironmentVariable("CHART_SAMPLE_PATH");
        if (!string.IsNullOrEmpty(samplePath))
        {
            File.WriteAllBytes(samplePath, png);
        }
    }

    [Fact]
    public void Render_draws_when_figures_are_missing()
    {
        var input = new ChartInput(
            "Chưa có báo cáo",
            [new TargetBar("TV-HTSD", "Thư viện có dịch vụ học tập suốt đời", null, null, null)],
            [new YearFigure(2024, null), new YearFigure(2025, null)]);

        using var bitmap = SKBitmap.Decode(DigestChart.Render(input));

        Assert.NotNull(bitmap);
        Assert.Equal(DigestChart.Width, bitmap.Width);
    }

    [Fact]
    public void Render_draws_when_lists_are_empty()
    {
        using var bitmap = SKBitmap.Decode(DigestChart.Render(new ChartInput("Trống", [], [])));

        Assert.NotNull(bitmap);
    }

    [Fact]
    public void Targets_show_in_the_picture()
    {
        byte[] with = DigestChart.Render(Sample(withTargets: true));
        byte[] without = DigestChart.Render(Sample(withTargets: false));

        Assert.True(DifferingPixels(with, without) > 200);
    }

    [Fact]
    public void Title_shows_in_the_picture()
    {
        byte[] a = DigestChart.Render(Sample() with { Title = "Quý 1 năm 2025" });
        byte[] b = DigestChart.Render(Sample() with { Title = "Quý 2 năm 2025" });

        Assert.True(DifferingPixels(a, b) > 20);
    }

    [Fact]
    public void Missing_figure_is_drawn_differently_from_zero()
    {
        var zero = Sample() with { Visits = [new YearFigure(2024, 0m), new YearFigure(2025, 100m)] };
        var missing = Sample() with { Visits = [new YearFigure(2024, null), new YearFigure(2025, 100m)] };

        Assert.True(DifferingPixels(DigestChart.Render(zero), DigestChart.Render(missing)) > 50);
    }

    [Fact]
    public void Rendering_again_gives_the_same_picture()
    {
        // Calling plot.Font.Set made every chart after the first in a process lose its bold text
        // (ScottPlot's typeface cache is process-wide). This only catches that when it renders first,
        // e.g. run on its own; in a full run earlier tests have already rendered.
        byte[] first = DigestChart.Render(Sample());
        byte[] second = DigestChart.Render(Sample());

        Assert.Equal(0, DifferingPixels(first, second));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Shipped_font_is_deployed_and_has_every_vietnamese_letter(bool bold)
    {
        string path = bold ? ChartFonts.BoldPath : ChartFonts.RegularPath;
        Assert.True(File.Exists(path), $"font not copied to output: {path}");

        using var typeface = SKTypeface.FromFile(path);
        Assert.NotNull(typeface);
        using var font = new SKFont(typeface);
        ushort[] glyphs = font.GetGlyphs(VietnameseLetters + "%.,–…");

        Assert.DoesNotContain((ushort)0, glyphs);
    }

    [Fact]
    public void ScottPlot_resolves_the_chart_font_to_the_shipped_file()
    {
        ChartFonts.EnsureRegistered();

        // The system resolver may answer any name with a fallback font (here, also DejaVu), so check
        // that a file resolver, i.e. the shipped file, answers first.
        ScottPlot.IFontResolver? answering = null;
        foreach (var resolver in ScottPlot.Fonts.FontResolvers)
        {
            using var candidate = resolver.CreateTypeface(
                ChartFonts.FamilyName, ScottPlot.FontWeight.Normal, ScottPlot.FontSlant.Upright, ScottPlot.FontSpacing.Normal);
            if (candidate is not null)
            {
                answering = resolver;
                break;
            }
        }

        Assert.IsType<ScottPlot.FontResolvers.FileFontResolver>(answering);

        var typeface = ScottPlot.Fonts.GetTypeface(ChartFonts.FamilyName, bold: false, italic: false);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
    }

    private static int DifferingPixels(byte[] pngA, byte[] pngB)
    {
        using var a = SKBitmap.Decode(pngA);
        using var b = SKBitmap.Decode(pngB);
        Assert.Equal(a.Width, b.Width);
        Assert.Equal(a.Height, b.Height);
        int differing = 0;
        for (int y = 0; y < a.Height; y++)
        {
            for (int x = 0; x < a.Width; x++)
            {
                if (a.GetPixel(x, y) != b.GetPixel(x, y))
                {
                    differing++;
                }
            }
        }

        return differing;
    }
}
