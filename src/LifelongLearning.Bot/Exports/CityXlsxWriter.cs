using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using S = LifelongLearning.Bot.Exports.XlsxStyles;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// The city's spreadsheet for one period: "Tổng hợp theo xã" (one row per commune: how complete, each target
/// and its verdict, then the whole city) and one sheet per indicator (each commune's figure, its basis, its
/// target and verdict, growth), the communes without a figure named under each table.
/// </summary>
public static class CityXlsxWriter
{
    public const string SummarySheet = "Tổng hợp theo xã";

    /// <summary>Commune names on one note line under an indicator's table (the line is not wrapped: it must fit the table's width).</summary>
    private const int NamesPerLine = 8;

    /// <param name="city">The city's figures with its communes' (<see cref="RollUp.Tree"/> down to the communes at least).</param>
    public static void Write(NodeFigures city, DateOnly today, Stream output)
    {
        if (city.Node.Level != NodeLevel.City) throw new ArgumentException("Cần số liệu của thành phố.", nameof(city));
        var all = new List<SheetBuilder> { Summary(city, today) };
        all.AddRange(city.Figures.Select(f => IndicatorSheet(city, f.Indicator, today)));
        XlsxWorkbook.Write(all, output);
    }

    /// <summary>An indicator's sheet is named by its code: short, unique, and what the summary's columns say.</summary>
    public static string SheetNameOf(Indicator indicator) =>
        new([.. indicator.Code.Select(ch => "[]:*?/\\".Contains(ch) ? '-' : ch).Take(31)]);

    private static string Subtitle(NodeFigures city, DateOnly today) =>
        $"{city.Node.Name} — {Cap(city.Period.Label)} — {city.Children.Count} xã — số liệu đến ngày {VietnameseFormat.Date(today)}";

    private static SheetBuilder Summary(NodeFigures city, DateOnly today)
    {
        var targets = city.Figures.Where(f => f.Indicator.HasTargets).Select(f => f.Indicator).ToList();
        var widths = new List<double> { 12, 28, 11, 11, 11, 9, 11 };
        foreach (var _ in targets) widths.AddRange([13, 16]);
        var sheet = new SheetBuilder(SummarySheet, widths) { FrozenRows = 3 };
        sheet.Line($"TỔNG HỢP THEO XÃ — {city.Node.Name.ToUpperInvariant()}", S.Title);
        sheet.Line(Subtitle(city, today), S.Note);
        var header = new List<(object?, uint)>
        {
            ("Mã xã", S.Header), ("Xã", S.Header), ("Đã báo cáo", S.Header), ("Số đơn vị", S.Header), ("Tỷ lệ đầy đủ", S.Header),
            ("Muộn", S.Header), ("Chưa báo cáo", S.Header),
        };
        foreach (var i in targets) header.AddRange([($"{i.Code} ({UnitOf(i)})", S.Header), ($"{i.Code}: đánh giá", S.Header)]);
        sheet.Row([.. header]);
        foreach (var commune in city.Children) sheet.Row([.. SummaryRow(commune.Node.Code, commune.Node.Name, commune, targets)]);
        sheet.Row([.. SummaryRow("", $"Toàn {LowerFirst(city.Node.Name)}", city, targets)]);

        sheet.Blank();
        var missing = city.Children.Where(c => !c.IsComplete).ToList();
        if (missing.Count == 0) sheet.Line("Mọi xã đã báo cáo đủ.", S.Note);
        else
        {
            // One commune a line, with the units it still owes: the list prints on the page instead of running off it.
            sheet.Line($"Xã chưa báo cáo đủ ({missing.Count}/{city.Children.Count}):", S.Note);
            foreach (var c in missing)
                sheet.Line($"– {c.Node.Name}: còn {c.Completeness.Missing.Count}/{c.Completeness.Expected} đơn vị ({string.Join(", ", c.Completeness.Missing)}).", S.Note);
        }
        sheet.Line($"Mỗi xã được đánh giá theo chỉ tiêu trong kế hoạch của xã; dòng toàn thành phố theo chỉ tiêu của thành phố. Số liệu thiếu ghi «{XlsxWriter.MissingMark}», không tính là 0.", S.Note);
        return sheet;
    }

    private static List<(object?, uint)> SummaryRow(string code, string name, NodeFigures node, List<Indicator> targets)
    {
        var c = node.Completeness;
        var row = new List<(object?, uint)>
        {
            (code, S.Code), (name, S.Text), (c.Answered, S.Integer), (c.Expected, S.Integer),
            (c.Expected == 0 ? (XlsxWriter.MissingMark, S.Missing) : ((object?)((decimal)c.Answered / c.Expected), S.Percent)),
            (c.Late.Count, S.Integer), (c.Missing.Count, S.Integer),
        };
        foreach (var i in targets)
        {
            var f = node.FigureOf(i.Code);
            row.Add(Figure(f));
            row.Add((f is null ? XlsxWriter.MissingMark : ShortVerdict(f), S.Missing));
        }
        return row;
    }

    // The summary has a narrow column per target: the verdict alone; the indicator's sheet gives its basis.
    private static string ShortVerdict(IndicatorFigure f) => f.OnTrack switch
    {
        true => "Đạt",
        false => "Chưa đạt",
        _ => "Chưa đủ số liệu",
    };

    private static SheetBuilder IndicatorSheet(NodeFigures city, Indicator indicator, DateOnly today)
    {
        var sheet = new SheetBuilder(SheetNameOf(indicator), [12, 28, 14, 13, 16, 30, 14]) { FrozenRows = 3 };
        sheet.Line($"{indicator.Code} — {indicator.Name.ToUpperInvariant()}", S.Title);
        sheet.Line(Subtitle(city, today), S.Note);
        sheet.Row(("Mã xã", S.Header), ("Xã", S.Header), ($"Số liệu ({UnitOf(indicator)})", S.Header), ("Số đơn vị có số liệu", S.Header),
            ("Chỉ tiêu", S.Header), ("Đánh giá", S.Header), ($"So với cùng kỳ năm {city.Period.Year - 1}", S.Header));
        var without = new List<string>();
        foreach (var commune in city.Children)
        {
            var f = commune.FigureOf(indicator.Code);
            if (f?.Value is null) without.Add(commune.Node.Name);
            sheet.Row([.. IndicatorRow(commune.Node.Code, commune.Node.Name, f)]);
        }
        sheet.Row([.. IndicatorRow("", $"Toàn {LowerFirst(city.Node.Name)}", city.FigureOf(indicator.Code))]);
        sheet.Blank();
        if (without.Count == 0) sheet.Line("Mọi xã đều có số liệu.", S.Note);
        else
        {
            sheet.Line($"Xã chưa có số liệu ({without.Count}):", S.Note);
            foreach (var names in without.Chunk(NamesPerLine)) sheet.Line(string.Join(", ", names) + ".", S.Note);
        }
        return sheet;
    }

    private static List<(object?, uint)> IndicatorRow(string code, string name, IndicatorFigure? f) =>
    [
        (code, S.Code), (name, S.Text), Figure(f),
        (f is null ? XlsxWriter.MissingMark : FigureText.UnitsCell(f), S.Missing),
        (f is null || !f.Indicator.HasTargets ? "" : ReportText.TargetText(f.Indicator, f.Target), S.Missing),
        (f is null || !f.Indicator.HasTargets ? "" : Cap(ReportText.Verdict(f)), S.Text),
        // A share has no growth; a sum without a figure both years is missing.
        f?.Growth is { } g ? (g.Percent / 100m, S.Percent) : (f?.Indicator.Aggregation.Kind == AggregationKind.ShareYes ? "" : XlsxWriter.MissingMark, S.Missing),
    ];

    private static string UnitOf(Indicator i) =>
        i.Aggregation.Kind == AggregationKind.ShareYes || i.Kind == IndicatorKind.Percentage ? "%" : i.UnitOfMeasure ?? "số";

    // A share is a number with a percent format, a sum a plain number: officials can add and sort them.
    private static (object?, uint) Figure(IndicatorFigure? f) => f?.Value switch
    {
        null => (XlsxWriter.MissingMark, S.Missing),
        { } v when f.Indicator.Aggregation.Kind == AggregationKind.ShareYes || f.Indicator.Kind == IndicatorKind.Percentage => (v / 100m, S.Percent),
        { } v => (v, v == decimal.Truncate(v) ? S.Integer : S.Decimal),
    };
}
