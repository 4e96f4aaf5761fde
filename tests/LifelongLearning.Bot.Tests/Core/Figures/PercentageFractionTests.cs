using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Figures;

/// <summary>
/// «50% (4/4 đơn vị báo cáo)» reads as 100%: a percentage shows the count it is made of and, apart from
/// it, how many units reported.
/// </summary>
public class PercentageFractionTests
{
    private static UnitReport Library(string id, string kind, AnswerValue? service) =>
        new(id, "Thư viện " + id, kind, service is null ? new Dictionary<string, AnswerValue>() : new() { ["TV-HTSD"] = service });

    [Fact]
    public void Two_of_four_libraries_with_the_service_read_as_two_of_four_apart_from_four_of_four_reported()
    {
        var i = DefaultPlan.Value.FindIndicator("TV-HTSD")!;
        List<UnitReport> units =
        [
            Library("xã", "thu-vien-xa", AnswerValue.Yes),
            Library("MN", "thu-vien-truong", AnswerValue.Yes),
            Library("TH", "thu-vien-truong", AnswerValue.No),
            Library("THCS", "thu-vien-truong", AnswerValue.No),
            Library("CĐ", "thu-vien-khac", AnswerValue.Yes),
        ];
        var digest = DigestWriter.Figures([FigureCalculator.Compute(i, 2025, units, [])]);
        Assert.Contains("50% (2/4 thư viện có; 4/4 đã báo cáo)", digest);
        Assert.DoesNotContain("4/4 đơn vị)", digest);
    }

    [Fact]
    public void A_share_of_cultural_houses_counts_them_as_units()
    {
        var i = DefaultPlan.Value.FindIndicator("VH-CLB")!;
        List<UnitReport> units =
        [
            new("TT", "Trung tâm", "trung-tam-vhtt", new Dictionary<string, AnswerValue> { ["VH-CLB"] = AnswerValue.Yes }),
            new("N1", "Thôn 1", "nha-van-hoa", new Dictionary<string, AnswerValue> { ["VH-CLB"] = AnswerValue.No }),
            new("N2", "Thôn 2", "nha-van-hoa", new Dictionary<string, AnswerValue> { ["VH-CLB"] = AnswerValue.Yes }),
            new("N3", "Thôn 3", "nha-van-hoa", new Dictionary<string, AnswerValue> { ["VH-CLB"] = AnswerValue.Yes }),
            new("N4", "Thôn 4", "nha-van-hoa", new Dictionary<string, AnswerValue>()),
        ];
        Assert.Contains("75% (3/4 đơn vị có; 4/5 đã báo cáo)", DigestWriter.Figures([FigureCalculator.Compute(i, 2025, units, [])]));
    }

    [Fact]
    public void A_share_nobody_has_answered_yet_shows_no_empty_fraction_and_no_mark_to_reach()
    {
        // Only visits reported in 2026-H1: the service share has no figure, so no «0/0 thư viện có» and no verdict.
        var text = FigureReports.Docx(FigureReports.Build("2026-H1",
            FigureReports.Answer("2026-H1", "TV-XA", "TV-LUOT", AnswerValue.Of(100))));
        var service = text.First(t => t.StartsWith("- Tỷ lệ đơn vị thư viện có cung cấp", StringComparison.Ordinal));
        Assert.Contains("chưa có số liệu (0/2 đã báo cáo)", service);
        Assert.DoesNotContain("0/0", service);
        Assert.DoesNotContain("mức cần đạt", service);
    }
}
