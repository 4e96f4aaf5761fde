using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LifelongLearning.Bot.Core.Exports;
using Xunit;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>
/// The drafted report as the officer who must sign it reads it: who issues it in the year reported, to whom
/// it goes, and the sections a real report of the plan has. Read back from the .docx built from a seeded store.
/// </summary>
public sealed class ReportDocumentTests(ExportStore world) : IClassFixture<ExportStore>
{
    private readonly ExportStore _world = world;

    private WordprocessingDocument Open(string scope)
    {
        ExportScope.TryParse(scope, out var s);
        var file = _world.Files.Build(s!).Single(f => f.Name.EndsWith(".docx", StringComparison.Ordinal));
        return WordprocessingDocument.Open(new MemoryStream(file.Content), false);
    }

    private static List<string> Paragraphs(WordprocessingDocument doc) =>
        [.. doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0)];

    private static List<string> HeadingCells(WordprocessingDocument doc) =>
        [.. doc.MainDocumentPart!.Document.Body!.Elements<Table>().First().Elements<TableRow>()
            .SelectMany(r => r.Elements<TableCell>()).Select(c => c.InnerText)];

    [Fact]
    public void A_report_on_2025_comes_from_Tan_Ky_cites_the_former_communes_plan_and_goes_to_the_city()
    {
        using var doc = Open("2025");
        var heading = HeadingCells(doc);
        Assert.Equal("ỦY BAN NHÂN DÂNXÃ TÂN KỲ", heading[0]);
        Assert.Matches(@"^Tân Kỳ, ngày\s+tháng\s+năm 2026$", heading[3]);

        var text = Paragraphs(doc);
        var first = text[text.IndexOf("Kết quả thực hiện Kế hoạch số 04/KH-UBND năm 2025") + 1];
        Assert.StartsWith("Thực hiện Quyết định số 1520/QĐ-TTg ngày 09/12/2022 của Thủ tướng Chính phủ", first);
        Assert.Contains("Kế hoạch số 04/KH-UBND ngày 31/01/2023 của Ủy ban nhân dân xã Quảng Nghiệp (cũ)", first);
        Assert.Contains("Ủy ban nhân dân xã Tân Kỳ báo cáo kết quả thực hiện năm 2025 như sau:", first);
        Assert.Contains(text, t => t.StartsWith("Trên đây là báo cáo", StringComparison.Ordinal) && t.EndsWith("của Ủy ban nhân dân xã Tân Kỳ./.", StringComparison.Ordinal));

        Assert.Contains("- UBND thành phố Hải Phòng (b/c);", text);
        Assert.Contains("- Sở Văn hóa, Thể thao và Du lịch thành phố Hải Phòng (b/c);", text);
        // The commune's own office prepares the report: it is not a recipient «b/c».
        Assert.DoesNotContain(text, t => t.Contains("Phòng Văn hóa - Xã hội", StringComparison.Ordinal) && t.Contains("b/c", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains("Quảng Nghiệp, ngày", StringComparison.Ordinal));
        // The former commune's chairman does not sign for the new commune.
        Assert.DoesNotContain("Vũ Chí Mạnh", text);
        Assert.Contains(text, t => t.Contains("của Ủy ban nhân dân xã Tân Kỳ)", StringComparison.Ordinal) && t.StartsWith("(Kèm theo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_on_2024_keeps_the_heading_of_Quang_Nghiep()
    {
        using var doc = Open("2024");
        Assert.Equal("ỦY BAN NHÂN DÂNXÃ QUẢNG NGHIỆP", HeadingCells(doc)[0]);
        var text = Paragraphs(doc);
        var first = text[text.IndexOf("Kết quả thực hiện Kế hoạch số 04/KH-UBND năm 2024") + 1];
        Assert.Contains("Kế hoạch số 04/KH-UBND ngày 31/01/2023 của Ủy ban nhân dân xã Quảng Nghiệp thực hiện", first);
        Assert.DoesNotContain("(cũ)", first);
        Assert.Contains("Vũ Chí Mạnh", text);
        Assert.DoesNotContain(text, t => t.Contains("Hải Phòng", StringComparison.Ordinal));
    }
}
