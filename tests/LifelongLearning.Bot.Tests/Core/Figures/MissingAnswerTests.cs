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
