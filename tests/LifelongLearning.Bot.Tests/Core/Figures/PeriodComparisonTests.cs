using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using Xunit;
using static LifelongLearning.Bot.Tests.Core.Figures.FigureReports;

namespace LifelongLearning.Bot.Tests.Core.Figures;

/// <summary>
/// A period is judged as the period it is: a half year against the same half a year before, never made into
/// a year; a year before its target's year on progress toward it («đúng/chậm tiến độ»), not failed early.
/// </summary>
public class PeriodComparisonTests
{
    [Fact]
    public void A_half_year_is_compared_with_the_same_half_and_never_projected_onto_a_year()
    {
        // 6 tháng đầu 2025: 1.000 + 500 + 500; 2026: 1.050 + 500 + 550 = 2.100, +5%: behind the 10%/năm.
        var report = Build("2026-H1",
            Answer("2025-H1", "TV-XA", "TV-LUOT", AnswerValue.Of(1000)), Answer("2025-H1", "TV-MN", "TV-LUOT", AnswerValue.Of(500)),
            Answer("2025-H1", "TV-TH", "TV-LUOT", AnswerValue.Of(500)),
            Answer("2026-H1", "TV-XA", "TV-LUOT", AnswerValue.Of(1050)), Answer("2026-H1", "TV-MN", "TV-LUOT", AnswerValue.Of(500)),
            Answer("2026-H1", "TV-TH", "TV-LUOT", AnswerValue.Of(550)));
        var text = Docx(report);
        Assert.Contains("tăng 5% so với 6 tháng đầu năm 2025 (tính trên 3 đơn vị có số liệu cả hai kỳ)", Visits(text));
        var direction = text.Last(t => t.StartsWith("- Lượt người sử dụng thư viện", StringComparison.Ordinal));
        Assert.Contains("6 tháng đầu năm 2026 đạt 2.100 lượt", direction);
        Assert.Contains("6 tháng đầu năm 2027 cần đạt khoảng 2.310 lượt", direction);
        Assert.DoesNotContain(text, t => t.Contains(": năm 2026 đạt") || t.Contains("/năm, năm 2027 cần đạt"));
        Assert.DoesNotContain(text, t => t.Contains("cùng kỳ năm"));
    }

    [Fact]
    public void A_year_before_2030_is_on_course_when_it_reaches_the_straight_line_from_the_2025_mark()
    {
        // TV-HTSD 2027: 4 of 5 school libraries, 80%; the line from 70% (2025) to 90% (2030) is at 78% in 2027.
        var i = DefaultPlan.Value.FindIndicator("TV-HTSD")!;
        List<UnitReport> units =
        [
            new("XA", "Thư viện xã", "thu-vien-xa", new Dictionary<string, AnswerValue> { ["TV-HTSD"] = AnswerValue.Yes }),
            .. new[] { true, true, true, true, false }.Select((yes, k) =>
                new UnitReport($"T{k}", $"Thư viện trường {k}", "thu-vien-truong", new Dictionary<string, AnswerValue> { ["TV-HTSD"] = AnswerValue.Of(yes) })),
        ];
        var digest = DigestWriter.Figures([FigureCalculator.Compute(i, 2027, units, [])]);
        Assert.Contains("✅ đúng tiến độ (mức cần đạt năm 2027 theo lộ trình đến năm 2030: 78%)", digest);
        Assert.DoesNotContain("chưa đạt", digest);
    }

    [Fact]
    public void A_report_on_an_interim_year_lists_what_is_behind_schedule_not_what_failed_2030()
    {
        // TV-HTSD 2027: the commune library has it; 1 of the 2 school libraries, 50%, under the 78% of 2027.
        var report = Build("2027",
            Answer("2027", "TV-XA", "TV-HTSD", AnswerValue.Yes), Answer("2027", "TV-MN", "TV-HTSD", AnswerValue.Yes),
            Answer("2027", "TV-TH", "TV-HTSD", AnswerValue.No));
        var text = Docx(report);
        Assert.Contains("2. Các chỉ tiêu chậm tiến độ", text);
        Assert.Contains("- Thư viện có cung cấp dịch vụ phục vụ học tập suốt đời: đạt 50% (1/2 thư viện có; 2/2 đã báo cáo), mức cần đạt năm 2027 theo lộ trình đến năm 2030: 78% (chỉ tiêu năm 2030: 90%).", text);
        Assert.Contains(text, t => t.StartsWith("Tiến độ được đánh giá theo lộ trình đều từ mức của năm 2025 đến mức của năm 2030", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains("chưa đạt"));
    }
}
