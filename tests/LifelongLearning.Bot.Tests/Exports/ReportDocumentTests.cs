using LifelongLearning.Bot.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Exports;
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
        var file = _world.Files.Build(s!, Communes.Shipped).Single(f => f.Name.EndsWith(".docx", StringComparison.Ordinal));
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

    [Fact]
    public void Every_numbered_task_of_the_plan_has_its_heading_in_section_I_with_figures_or_a_placeholder()
    {
        using var doc = Open("2025");
        var text = Paragraphs(doc);
        var one = text.IndexOf("I. KẾT QUẢ THỰC HIỆN");
        var two = text.IndexOf("II. ĐÁNH GIÁ CHUNG");
        Assert.Equal("1. Công tác chỉ đạo, triển khai", text[one + 1]);
        var section = text[one..two];
        string[] tasks =
        [
            "2. Kết quả thực hiện các mục tiêu cụ thể",
            "3. Tuyên truyền, phổ biến nâng cao nhận thức về học tập suốt đời trong thư viện, trung tâm văn hóa",
            "4. Củng cố cơ sở hạ tầng, mạng lưới thư viện, trung tâm văn hóa; tăng cường ứng dụng công nghệ thông tin và chuyển đổi số",
            "5. Phát triển và nâng cao chất lượng nguồn nhân lực trong thư viện, trung tâm văn hóa",
            "6. Tăng cường hợp tác trong đổi mới và phát triển các hoạt động phục vụ học tập suốt đời",
            "7. Đẩy mạnh xã hội hóa trong hoạt động phục vụ học tập suốt đời",
            "8. Kinh phí thực hiện",
        ];
        var at = tasks.Select(t => section.IndexOf(t)).ToList();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);
        // A task the bot has no figure for says what the officer must add, marked.
        Assert.StartsWith("[Cán bộ bổ sung: các hoạt động giao lưu", section[section.IndexOf(tasks[4]) + 1]);
        // The new library figures are under the digital-transformation part, with their units.
        var digital = section.IndexOf("a) Ứng dụng công nghệ thông tin, chuyển đổi số, bổ sung nguồn lực thông tin cho thư viện");
        Assert.True(digital > section.IndexOf(tasks[2]));
        Assert.Contains(section, t => t.StartsWith("- Lượt truy cập trang thông tin, thư viện số của thư viện:", StringComparison.Ordinal));
        Assert.Contains(section, t => t.StartsWith("- Tài liệu được số hóa:", StringComparison.Ordinal));
        Assert.Contains(section, t => t.StartsWith("- Thẻ bạn đọc cấp mới:", StringComparison.Ordinal));
        // Placeholders are highlighted so the officer finds each one before signing.
        var marked = doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Where(p => p.InnerText.StartsWith("[Cán bộ bổ sung: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, p => Assert.True(p.Descendants<Highlight>().Any()));
        // A placeholder in the text is a sentence; the one under the signature stands for a name, without a full stop.
        Assert.All(marked.Where(p => p.InnerText != DocxWriter.SignerPlaceholder), p => Assert.EndsWith(".]", p.InnerText));
    }

    [Fact]
    public void A_yearly_report_has_shortcomings_and_proposals_but_no_lessons()
    {
        using var doc = Open("2025");
        var text = Paragraphs(doc);
        var two = text.IndexOf("II. ĐÁNH GIÁ CHUNG");
        var three = text.IndexOf("III. PHƯƠNG HƯỚNG, NHIỆM VỤ");
        var four = text.IndexOf("IV. ĐỀ XUẤT, KIẾN NGHỊ");
        Assert.True(two < three && three < four);
        var shortcomings = text.FindIndex(t => t.EndsWith(". Tồn tại, hạn chế và nguyên nhân", StringComparison.Ordinal));
        Assert.InRange(shortcomings, two, three);
        Assert.Contains(text[shortcomings..three], t => t.Contains("đơn vị chưa gửi báo cáo năm 2025", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.EndsWith("Bài học kinh nghiệm", StringComparison.Ordinal));
        Assert.StartsWith("[Cán bộ bổ sung: các đề xuất, kiến nghị", text[four + 1]);
        Assert.StartsWith("Trên đây là báo cáo", text[four + 2]);
    }

    [Fact]
    public void The_interim_review_adds_its_lessons_and_the_direction_for_2026_to_2030()
    {
        using var doc = Open("2023-2025");
        var text = Paragraphs(doc);
        Assert.Contains("Sơ kết giai đoạn 2023 - 2025 thực hiện Kế hoạch số 04/KH-UBND", text);
        var lessons = text.FindIndex(t => t.EndsWith(". Bài học kinh nghiệm", StringComparison.Ordinal));
        Assert.True(lessons > text.IndexOf("II. ĐÁNH GIÁ CHUNG"));
        Assert.StartsWith("[Cán bộ bổ sung: những bài học kinh nghiệm rút ra qua sơ kết giai đoạn 2023 - 2025", text[lessons + 1]);
        var three = text.IndexOf("III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN 2026 - 2030");
        Assert.True(three > lessons);
        Assert.Contains("Giai đoạn 2026 - 2030, phấn đấu đạt các chỉ tiêu của Kế hoạch đến năm 2030:", text);
        Assert.Contains(text, t => t.StartsWith("- Thư viện ứng dụng công nghệ thông tin, chuyển đổi số: 80%", StringComparison.Ordinal));
        Assert.True(text.IndexOf("IV. ĐỀ XUẤT, KIẾN NGHỊ") > three);
    }

    [Fact]
    public void Every_report_states_the_days_its_figures_cover()
    {
        using (var doc = Open("2025"))
        {
            var text = Paragraphs(doc);
            var window = text[text.IndexOf("I. KẾT QUẢ THỰC HIỆN") - 1];
            Assert.StartsWith("Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025", window);
        }
        using (var doc = Open("2023-2025"))
            Assert.Contains(Paragraphs(doc), t => t.StartsWith("Số liệu tính từ ngày 15/12/2022 đến ngày 14/12/2025", StringComparison.Ordinal));
    }
}
