using LifelongLearning.Bot.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Exports;
using Xunit;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>The drafted report, built from a seeded store and read back with the Open XML SDK.</summary>
/// <remarks>The seeded store is built once for the class: these tests only read it.</remarks>
public sealed class DocxWriterTests(ExportStore world) : IClassFixture<ExportStore>
{
    private readonly ExportStore _world = world;

    private WordprocessingDocument Open(string scope)
    {
        ExportScope.TryParse(scope, out var s);
        var file = _world.Files.Build(s!, Communes.Shipped).Single(f => f.Name.EndsWith(".docx", StringComparison.Ordinal));
        return WordprocessingDocument.Open(new MemoryStream(file.Content), false);
    }

    private static List<string> Paragraphs(WordprocessingDocument doc) =>
        [.. doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0)];

    [Fact]
    public void The_heading_follows_the_administrative_form()
    {
        using var doc = Open("2024");
        var heading = doc.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var cells = heading.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal("ỦY BAN NHÂN DÂNXÃ QUẢNG NGHIỆP", cells[0]);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc", cells[1]);
        var second = heading.Elements<TableRow>().ElementAt(1).Elements<TableCell>().ToList();
        Assert.Matches(@"^Số:\s+/BC-UBND$", second[0].InnerText);
        Assert.Matches(@"^Quảng Nghiệp, ngày\s+tháng\s+năm 2026$", second[1].InnerText);
        Assert.True(second[1].Descendants<Italic>().Any(), "the place and date line is in italics");

        var text = Paragraphs(doc);
        var title = text.IndexOf("BÁO CÁO");
        Assert.Equal("Kết quả thực hiện Kế hoạch số 04/KH-UBND năm 2024", text[title + 1]);
        Assert.True(text.IndexOf("I. KẾT QUẢ THỰC HIỆN") > title);
        Assert.True(text.IndexOf("II. ĐÁNH GIÁ CHUNG") > text.IndexOf("I. KẾT QUẢ THỰC HIỆN"));
        Assert.True(text.IndexOf("III. PHƯƠNG HƯỚNG, NHIỆM VỤ") > text.IndexOf("II. ĐÁNH GIÁ CHUNG"));
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("- Phòng Văn hóa và Thông tin huyện Tứ Kỳ (b/c);", text);
        Assert.Contains("- Lưu: VP.", text);
        Assert.Contains("TM. ỦY BAN NHÂN DÂN", text);
        Assert.Contains("CHỦ TỊCH", text);
        Assert.Contains("Vũ Chí Mạnh", text);
        Assert.Contains("PHỤ LỤC", text);
    }

    [Fact]
    public void A_reporting_body_the_plan_names_no_signer_for_gets_a_marked_placeholder_under_the_signature()
    {
        // From 2025 the report comes from UBND xã Tân Kỳ, whose chairman the shipped plan does not name.
        using var doc = Open("2025");
        var signature = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Single(t => t.InnerText.Contains("Nơi nhận:"));
        var last = signature.Descendants<TableCell>().Last().Elements<Paragraph>().Last();
        Assert.Equal("[Cán bộ bổ sung: họ tên người ký]", last.InnerText);
        Assert.True(last.Descendants<Highlight>().Any(), "the placeholder is highlighted like the others");

        using var before = Open("2024");
        Assert.DoesNotContain(DocxWriter.SignerPlaceholder, Paragraphs(before));
    }

    [Fact]
    public void A_total_holding_approximate_answers_says_so_in_the_sentence_and_the_annex()
    {
        using var doc = Open("2025");
        var text = Paragraphs(doc);
        // TV-XA said «hơn 10» items digitised: the total is at least 40; TV-MN's «gần 10» cards make that total «khoảng».
        Assert.Contains(text, t => t.StartsWith("- Tài liệu được số hóa: ít nhất 40 tài liệu (4/4 đơn vị báo cáo)", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("- Thẻ bạn đọc cấp mới: khoảng 40 thẻ (4/4 đơn vị báo cáo)", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("- Lượt người sử dụng thư viện", StringComparison.Ordinal) && t.Contains(": 3.662 lượt"));
        var annex = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Last();
        var digitised = annex.Elements<TableRow>().Single(r => r.InnerText.Contains("Tài liệu được số hóa"));
        Assert.Contains(digitised.Elements<TableCell>(), c => c.InnerText == "ít nhất 40");
    }

    [Fact]
    public void The_page_is_A4_in_Times_New_Roman_14_with_the_decree_margins()
    {
        using var doc = Open("2025");
        var section = doc.MainDocumentPart!.Document.Body!.Descendants<SectionProperties>().First();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.InRange(margin.Top!.Value, 1134, 1418);     // 20–25 mm
        Assert.InRange(margin.Bottom!.Value, 1134, 1418);  // 20–25 mm
        Assert.InRange(margin.Left!.Value, 1701u, 1985u);  // 30–35 mm
        Assert.InRange(margin.Right!.Value, 850u, 1134u);  // 15–20 mm
        var defaults = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("28", defaults.FontSize!.Val!.Value);
        // The annex table, wider, is on a landscape page of its own section.
        var annex = doc.MainDocumentPart.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape, annex.Orient!.Value);
    }

    [Fact]
    public void The_figures_are_written_into_sentences_under_the_plans_tasks()
    {
        using var doc = Open("2025");
        var text = Paragraphs(doc);
        var libraries = text.IndexOf("a) Đối với hệ thống thư viện");
        Assert.True(libraries > 0);
        // The first sentence on visits is under section I; section II names it again.
        var visits = text.First(t => t.StartsWith("- Lượt người sử dụng thư viện", StringComparison.Ordinal));
        Assert.Contains("3.662 lượt (4/4 đơn vị báo cáo)", visits);
        // A yearly report compares with the year before by its name, not «cùng kỳ».
        Assert.Contains("tăng 11% so với năm 2024 (tính trên 4 đơn vị có số liệu cả hai năm)", visits);
        Assert.DoesNotContain("cùng kỳ", visits);
        Assert.Contains("tăng bình quân 10,5%/năm từ năm 2023 (tính trên 4 đơn vị có số liệu cả năm 2023 và năm 2025)", visits);
        Assert.Contains("Chỉ tiêu năm 2025: tăng bình quân 10%/năm", visits);
        Assert.EndsWith("— đạt.", visits);
        Assert.True(text.IndexOf(visits) > libraries);

        var digital = text.Single(t => t.StartsWith("- Tỷ lệ đơn vị thư viện ứng dụng", StringComparison.Ordinal));
        Assert.Contains("66,7% (2/3 thư viện có; 3/3 đã báo cáo)", digital);
        var clubs = text.Single(t => t.StartsWith("- Tỷ lệ đơn vị có lớp năng khiếu", StringComparison.Ordinal));
        Assert.Contains("75% (3/4 đơn vị có; 4/5 đã báo cáo)", clubs);
        Assert.Contains(text, t => t.StartsWith("b) Đối với hệ thống trung tâm văn hóa", StringComparison.Ordinal));
    }

    [Fact]
    public void The_assessment_says_what_reached_its_target_and_the_directions_name_who_is_behind()
    {
        using var doc = Open("2025");
        var text = Paragraphs(doc);
        // TV-CDS is the share of the three school libraries (the commune library must have it, and does): 2/3 < 70%.
        Assert.Contains("Đến năm 2025, 3/4 chỉ tiêu của Kế hoạch đạt mức đề ra cho năm 2025, 1 chỉ tiêu chưa đạt.", text);
        var notMet = text.IndexOf("2. Các chỉ tiêu chưa đạt");
        Assert.Contains("- Thư viện ứng dụng công nghệ thông tin, chuyển đổi số: đạt 66,7% (2/3 thư viện có; 3/3 đã báo cáo), chỉ tiêu 70%.", text.Skip(notMet));
        Assert.Contains("- Lượt người sử dụng thư viện để học tập, tìm kiếm thông tin: tăng bình quân 10,5%/năm, chỉ tiêu tăng bình quân 10%/năm.", text);
        var directions = text.IndexOf("III. PHƯƠNG HƯỚNG, NHIỆM VỤ");
        Assert.Contains(text.Skip(directions), t => t.StartsWith("- Thư viện ứng dụng công nghệ thông tin, chuyển đổi số: hiện đạt 66,7%", StringComparison.Ordinal)
            && t.Contains("Tập trung hướng dẫn, hỗ trợ 1 đơn vị chưa đáp ứng: Thư viện Trường Mầm non Quảng Nghiệp."));
    }

    [Fact]
    public void A_year_with_a_missing_unit_says_so()
    {
        using var doc = Open("2025");
        var text = Paragraphs(doc);
        Assert.Contains(text, t => t.Contains("Năm 2025 có 13/14 đơn vị gửi báo cáo (1 đơn vị gửi sau hạn); còn 1 đơn vị chưa báo cáo: Nhà văn hóa Thôn 4."));
        Assert.Contains(text, t => t.StartsWith("Lưu ý: còn 1 đơn vị chưa gửi báo cáo năm 2025 (Nhà văn hóa Thôn 4)", StringComparison.Ordinal));
        Assert.Contains("Năm 2025: còn 1/14 đơn vị chưa báo cáo (Nhà văn hóa Thôn 4).", text);
    }

    [Fact]
    public void The_annex_table_holds_every_indicator_against_its_targets()
    {
        using var doc = Open("2025");
        var annex = doc.MainDocumentPart!.Document.Body!.Elements<Table>().Last();
        var rows = annex.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Số đơn vị có số liệu", "Chỉ tiêu năm 2025", "Chỉ tiêu năm 2030", "Đánh giá"], rows[0]);
        Assert.Equal(_world.Plan.Indicators.Count + 1, rows.Count);
        var visits = rows.Single(r => r[1].StartsWith("Lượt người sử dụng thư viện", StringComparison.Ordinal));
        Assert.Equal(["lượt", "3.662", "4/4", "tăng bình quân 10%/năm", "tăng bình quân 10 - 15%/năm", "Đạt (bình quân +10,5%/năm)"], visits.Skip(2));
        // A share's cell gives the count its percentage is made of, apart from the coverage.
        var clubs = rows.First(r => r[1].Contains("năng khiếu", StringComparison.Ordinal) && r[2] == "%");
        Assert.Equal("3/4 đơn vị có; 4/5 đã báo cáo", clubs[4]);
        Assert.NotNull(annex.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
    }

    [Fact]
    public void The_interim_review_puts_the_years_from_2023_side_by_side()
    {
        using var doc = Open("2023-2025");
        var text = Paragraphs(doc);
        Assert.Equal("Sơ kết giai đoạn 2023 - 2025 thực hiện Kế hoạch số 04/KH-UBND", text[text.IndexOf("BÁO CÁO") + 1]);
        // The first sentence on visits is under section I; section II names it again.
        var visits = text.First(t => t.StartsWith("- Lượt người sử dụng thư viện", StringComparison.Ordinal));
        Assert.Contains("năm 2023: 3.000 lượt (4/4 đơn vị báo cáo); năm 2024: 3.300 lượt (4/4 đơn vị báo cáo); năm 2025: 3.662 lượt", visits);
        Assert.Contains(text, t => t.Contains("Năm 2023 có 14/14 đơn vị gửi báo cáo."));
    }
}
