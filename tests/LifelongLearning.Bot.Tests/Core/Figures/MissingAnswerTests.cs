using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Figures;

/// <summary>
/// A commune library that has not answered has no value: the digest must not name it as failing the
/// plan's mandatory requirement (the old code wrote «chưa đạt yêu cầu bắt buộc: Thư viện xã …»).
/// </summary>
public class MissingAnswerTests
{
    private static Indicator I(string code) => DefaultPlan.Value.FindIndicator(code)!;

    private static UnitReport Unit(string id, string kind, params (string Code, AnswerValue Value)[] answers) =>
        new(id, "Thư viện " + id, kind, answers.ToDictionary(a => a.Code, a => a.Value));

    private static List<UnitReport> Libraries(params (string Code, AnswerValue Value)[] communeLibrary) =>
    [
        Unit("xã", "thu-vien-xa", communeLibrary),
        Unit("MN", "thu-vien-truong", ("TV-HTSD", AnswerValue.Yes)),
        Unit("TH", "thu-vien-truong", ("TV-HTSD", AnswerValue.Yes)),
        Unit("THCS", "thu-vien-truong", ("TV-HTSD", AnswerValue.Yes)),
        Unit("CĐ", "thu-vien-khac", ("TV-HTSD", AnswerValue.Yes)),
    ];

    [Fact]
    public void A_commune_library_that_has_not_answered_is_written_as_having_no_figure_not_as_failing()
    {
        var f = FigureCalculator.Compute(I("TV-HTSD"), 2025, Libraries(), []);
        Assert.Empty(f.RequiredNotYes);
        Assert.Equal(["Thư viện xã"], f.RequiredMissing);
        Assert.Null(f.OnTrack); // neither «đạt» nor «chưa đạt» until the commune library answers

        var digest = DigestWriter.Figures([f]);
        Assert.Contains("Thư viện xã chưa có số liệu", digest);
        Assert.DoesNotContain("yêu cầu bắt buộc", digest);
        Assert.DoesNotContain("chưa đạt", digest);
    }

    [Fact]
    public void A_commune_library_that_answered_no_still_fails_the_mandatory_requirement()
    {
        var f = FigureCalculator.Compute(I("TV-HTSD"), 2025, Libraries(("TV-HTSD", AnswerValue.No)), []);
        Assert.Equal(["Thư viện xã"], f.RequiredNotYes);
        Assert.Empty(f.RequiredMissing);
        Assert.False(f.OnTrack);
        Assert.Contains("chưa đạt yêu cầu bắt buộc: Thư viện xã", DigestWriter.Figures([f]));
    }
}

/// <summary>«100% (1/5 đơn vị báo cáo) — đạt» is not a finding: below minCoverage there is no verdict.</summary>
public class CoverageTests
{
    [Fact]
    public void One_library_of_five_reporting_gives_no_verdict_and_says_how_many_reported()
    {
        var i = DefaultPlan.Value.FindIndicator("TV-HTSD")!;
        List<UnitReport> units =
        [
            new("xa", "Thư viện xã", "thu-vien-xa", new Dictionary<string, AnswerValue> { ["TV-HTSD"] = AnswerValue.Yes }),
            new("mn", "Thư viện MN", "thu-vien-truong", new Dictionary<string, AnswerValue> { ["TV-HTSD"] = AnswerValue.Yes }),
            new("th", "Thư viện TH", "thu-vien-truong", new Dictionary<string, AnswerValue>()),
            new("thcs", "Thư viện THCS", "thu-vien-truong", new Dictionary<string, AnswerValue>()),
            new("cd", "Thư viện CĐ", "thu-vien-khac", new Dictionary<string, AnswerValue>()),
        ];
        var f = FigureCalculator.Compute(i, 2025, units, []);
        Assert.Equal(100m, f.Value);
        Assert.Null(f.OnTrack);
        var digest = DigestWriter.Figures([f]);
        Assert.Contains("chưa đủ số liệu để đánh giá (1/4 đơn vị đã báo cáo)", digest);
        Assert.DoesNotContain("✅ đạt", digest);
    }
}

/// <summary>Growth words: a fall reads «giảm», and a percentage carries the thousands dot.</summary>
public class GrowthWordingTests
{
    [Fact]
    public void A_falling_average_reads_giam_binh_quan_and_large_percentages_are_grouped()
    {
        Assert.Equal("1.307,4%", LifelongLearning.Bot.Core.Text.VietnameseFormat.Percent(1307.4m));
        var i = DefaultPlan.Value.FindIndicator("TV-LUOT")! with { MinCoverage = 0 };
        var sums = YearlyFigures.Of([(2023, "xa", 1000m), (2025, "xa", 790m)]);
        List<UnitReport> units = [new("xa", "Thư viện xã", "thu-vien-xa", new Dictionary<string, AnswerValue> { ["TV-LUOT"] = AnswerValue.Of(790) })];
        var digest = DigestWriter.Figures([FigureCalculator.Compute(i, 2025, units, [], sums)]);
        Assert.Contains("giảm bình quân 11,1%/năm", digest);
        Assert.DoesNotContain("-11,1", digest);
    }
}
