using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using static LifelongLearning.Bot.Exports.DocxParts;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// The drafted report in the form of Nghị định 30/2020/NĐ-CP: A4, Times New Roman, the issuing body and
/// the national motto side by side, number, place and date, title, the three sections, "Nơi nhận" and
/// the signature, then the annex table on a landscape page.
/// </summary>
public static class DocxWriter
{
    public const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string MottoLine = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>Where the signer's name goes while the plan names none for the reporting body of that year.</summary>
    public const string SignerPlaceholder = ReportText.PlaceholderPrefix + "họ tên người ký]";

    public static void Write(Report report, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles();
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Para([PageNumber()], JustificationValues.Center, size: 26));
        var headerId = main.GetIdOfPart(header);

        var body = new Body();
        body.Append(Heading(report));
        body.Append(Para([Run("BÁO CÁO", bold: true)], JustificationValues.Center, before: 360, after: 0));
        body.Append(Para([Run(ReportText.Title(report), bold: true)], JustificationValues.Center, after: 0));
        body.Append(Rule(3200, 3200));
        body.Append(BodyPara(ReportText.Introduction(report)));
        foreach (var block in ReportText.Body(report))
            body.Append(block.Kind switch
            {
                BlockKind.Section => Para([Run(block.Text, bold: true)], JustificationValues.Both, before: 120, after: 60, firstLine: 567),
                BlockKind.Heading => Para([Run(block.Text, bold: true)], JustificationValues.Both, before: 60, after: 60, firstLine: 567),
                BlockKind.Placeholder => Para([Highlighted(block.Text)], JustificationValues.Both, before: 60, after: 60, firstLine: 567),
                _ => BodyPara(block.Text),
            });
        body.Append(BodyPara(ReportText.Closing(report)));
        body.Append(Signature(ReportText.Issuer(report)));
        // The body is portrait; this paragraph ends its section, and the annex follows on landscape pages.
        body.Append(new Paragraph(new ParagraphProperties(Section(headerId, landscape: false, titlePage: true))));
        foreach (var element in Annex(report)) body.Append(element);
        body.Append(Section(headerId, landscape: true, titlePage: false));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>The two columns: issuing body and number on the left, national motto and place-date on the right.</summary>
    private static Table Heading(Report r)
    {
        var c = ReportText.Issuer(r);
        var (line1, line2) = SplitBody(c.IssuingBody);
        var left = new List<OpenXmlElement>
        {
            Para([Run(line1, bold: true, size: 26)], JustificationValues.Center, after: 0),
            Para([Run(line2, bold: true, size: 26)], JustificationValues.Center, after: 0),
            Rule(1100, 1100),
        };
        var right = new List<OpenXmlElement>
        {
            Para([Run(Motto, bold: true, size: 26)], JustificationValues.Center, after: 0),
            Para([Run(MottoLine, bold: true, size: 28)], JustificationValues.Center, after: 0),
            Rule(1250, 1250),
        };
        var number = Para([Run($"Số:       /{c.ReportSymbol}", size: 26)], JustificationValues.Center, before: 60, after: 0);
        var date = Para([Run($"{c.Place}, ngày      tháng      năm {r.Today.Year}", italic: true, size: 28)], JustificationValues.Center, before: 60, after: 0);
        return TwoColumns([3500, 5854], [left, right], [[number], [date]]);
    }

    /// <summary>"ỦY BAN NHÂN DÂN XÃ QUẢNG NGHIỆP" on two lines: the body, then "XÃ QUẢNG NGHIỆP".</summary>
    private static (string, string) SplitBody(string issuingBody)
    {
        foreach (var word in new[] { " XÃ ", " PHƯỜNG ", " THỊ TRẤN ", " ĐẶC KHU " })
            if (issuingBody.IndexOf(word, StringComparison.Ordinal) is var at and > 0)
                return (issuingBody[..at], issuingBody[(at + 1)..]);
        return (issuingBody, "");
    }

    private static Table Signature(ReportingBody c)
    {
        // "Nơi nhận" is the plan file's list for the year reported: the 2025 reform changed who receives the commune's reports.
        var recipients = c.ReportCopiesTo;
        var left = new List<OpenXmlElement> { Para([Run("Nơi nhận:", bold: true, italic: true, size: 24)], JustificationValues.Left, before: 240, after: 0) };
        left.AddRange(recipients.Select((x, i) => Para([Run($"- {x}{(i == recipients.Count - 1 ? "." : ";")}", size: 22)], JustificationValues.Left, after: 0)));
        var right = new List<OpenXmlElement>();
        var titles = c.SignerTitle.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        right.AddRange(titles.Select((x, i) => Para([Run(x, bold: true, size: 28)], JustificationValues.Center, before: i == 0 ? 240 : 0, after: 0)));
        for (var i = 0; i < 5; i++) right.Add(Para([], JustificationValues.Center, after: 0));
        // A body newer than the plan file may have no name yet: a marked placeholder, so nobody signs a blank line unseen.
        right.Add(Para(c.SignerName is { } name ? [Run(name, bold: true, size: 28)] : [Highlighted(SignerPlaceholder)], JustificationValues.Center, after: 0));
        return TwoColumns([4300, 5054], [left, right]);
    }

    private static IEnumerable<OpenXmlElement> Annex(Report r)
    {
        yield return Para([Run("PHỤ LỤC", bold: true)], JustificationValues.Center, after: 0);
        yield return Para([Run($"SỐ LIỆU THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH SỐ {r.Plan.Commune.PlanNumber}", bold: true)], JustificationValues.Center, after: 0);
        yield return Para([Run($"(Kèm theo Báo cáo số       /{ReportText.Issuer(r).ReportSymbol} ngày      tháng      năm {r.Today.Year} của {ReportText.TitleCase(ReportText.Issuer(r).IssuingBody)})", italic: true, size: 26)],
            JustificationValues.Center, after: 120);

        var periods = r.Scope.Periods;
        var targetYears = r.Targets.SelectMany(s => s.Indicator.Targets).Select(t => t.Year).Distinct().Order().ToList();
        var headers = new List<string> { "STT", "Chỉ tiêu", "Đơn vị tính" };
        headers.AddRange(periods.Select(p => Cap(p.Label)));
        headers.Add("Số đơn vị có số liệu");
        headers.AddRange(targetYears.Select(y => $"Chỉ tiêu năm {y}"));
        headers.Add("Đánh giá");
        // The landscape page holds 14.286 twips between its margins; the years share what the other columns leave.
        const int available = PageHeight - MarginLeft - MarginRight;
        var others = 700 + 1300 + 1100 + targetYears.Count * 1200 + 1800;
        var narrow = Math.Min(1300, (available - others - 2600) / periods.Count);
        var widths = new List<int> { 700, available - others - narrow * periods.Count, 1300 };
        widths.AddRange(periods.Select(_ => narrow));
        widths.Add(1100);
        widths.AddRange(targetYears.Select(_ => 1200));
        widths.Add(1800);

        var rows = r.Indicators.Select((s, n) =>
        {
            var i = s.Indicator;
            var cells = new List<string> { (n + 1).ToString(VietnameseFormat.Culture), i.Name, i.Aggregation.Kind == AggregationKind.ShareYes ? "%" : i.UnitOfMeasure ?? "" };
            cells.AddRange(s.Figures.Select(f => f.Value is not null ? ReportText.Amount(f).Replace(" " + i.UnitOfMeasure, "") : "—"));
            cells.Add(FigureText.UnitsCell(s.Latest));
            cells.AddRange(targetYears.Select(y => i.TargetFor(y) is { } t ? ReportText.TargetText(i, t) : ""));
            var growth = s.Latest.AverageGrowth is { } a ? $" (bình quân {Signed(a)}/năm)" : "";
            cells.Add(i.HasTargets ? Cap(ReportText.Verdict(s.Latest)) + growth : "");
            return cells;
        }).ToList();
        yield return Grid(widths, headers, rows, textColumn: 1);

        yield return Para([Run("Ghi chú: «—» là chưa có số liệu (đơn vị chưa báo cáo hoặc không có số liệu), không tính là 0. Tỷ lệ tính trên các đơn vị đã báo cáo.", italic: true, size: 24)],
            JustificationValues.Both, before: 120, after: 0);
        foreach (var c in r.Incomplete)
            yield return Para([Run(c.RoundOpened
                ? $"{Cap(c.Period.Label)}: còn {c.Missing.Count}/{c.Units.Count} đơn vị chưa báo cáo ({string.Join(", ", c.Missing.Select(u => u.UnitName))})."
                : $"{Cap(c.Period.Label)}: chưa mở kỳ báo cáo.", italic: true, size: 24)], JustificationValues.Both, after: 0);
    }

    /// <summary>A placeholder in italics on yellow, so the officer finds every one before signing.</summary>
    private static Run Highlighted(string text)
    {
        var run = Run(text, italic: true);
        run.RunProperties!.Append(new Highlight { Val = HighlightColorValues.Yellow });
        return run;
    }

    private static string Signed(decimal percent) => (percent > 0 ? "+" : "") + VietnameseFormat.Percent(percent);

}
