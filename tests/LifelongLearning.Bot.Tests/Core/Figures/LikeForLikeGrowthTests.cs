using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using Xunit;
using static LifelongLearning.Bot.Tests.Core.Figures.FigureReports;

namespace LifelongLearning.Bot.Tests.Core.Figures;

/// <summary>
/// Growth compares like with like: over the units that reported in both periods, the sentence says how many,
/// and the totals printed beside a growth say which units they are.
/// </summary>
public class LikeForLikeGrowthTests
{
    [Fact]
    public void Totals_that_fall_beside_a_growth_that_rises_say_which_units_each_counts()
    {
        // 2024: XA 10 + MN 22 = 32; 2025: XA 12 + TH 15 = 27 (MN not yet). The growth is XA's alone, 10 → 12.
        var report = Build("2024-2025",
            Answer("2024", "TV-XA", "TV-LUOT", AnswerValue.Of(10)), Answer("2024", "TV-MN", "TV-LUOT", AnswerValue.Of(22)),
            Answer("2025", "TV-XA", "TV-LUOT", AnswerValue.Of(12)), Answer("2025", "TV-TH", "TV-LUOT", AnswerValue.Of(15)));
        var visits = Visits(Docx(report));
        Assert.Contains("năm 2024: 32 lượt (2/3 đơn vị báo cáo); năm 2025: 27 lượt (2/3 đơn vị báo cáo)", visits);
        Assert.Contains("tăng 20% so với", visits);
        Assert.Contains("(tính trên 1 đơn vị có số liệu cả hai năm: 10 → 12 lượt)", visits);
    }

    [Fact]
    public void An_average_growth_is_over_the_units_in_both_years_not_made_by_units_yet_to_report()
    {
        // 2023: XA 1.000, MN 500, TH 500; 2025 so far only XA, 1.100. Total to total read «giảm 25,8%/năm».
        var i = DefaultPlan.Value.FindIndicator("TV-LUOT")!;
        var yearly = YearlyFigures.Of([(2023, "TV-XA", 1000m), (2023, "TV-MN", 500m), (2023, "TV-TH", 500m), (2025, "TV-XA", 1100m)]);
        List<UnitReport> now =
        [
            new("TV-XA", "Thư viện xã", "thu-vien-xa", new Dictionary<string, AnswerValue> { ["TV-LUOT"] = AnswerValue.Of(1100) }),
            new("TV-MN", "Thư viện MN", "thu-vien-truong", new Dictionary<string, AnswerValue>()),
            new("TV-TH", "Thư viện TH", "thu-vien-truong", new Dictionary<string, AnswerValue>()),
        ];
        var digest = DigestWriter.Figures([FigureCalculator.Compute(i, 2025, now, [], yearly)]);
        Assert.Contains("tăng bình quân 4,9%/năm từ năm 2023 (tính trên 1 đơn vị có số liệu cả năm 2023 và năm 2025: 1.000 → 1.100 lượt)", digest);
        Assert.DoesNotContain("giảm", digest);
        Assert.DoesNotContain("chưa đạt", digest);
    }
}
