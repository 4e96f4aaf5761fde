using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Digests;

/// <summary>A commune total that holds a unit's «gần 500» or «hơn 300» is not printed as an exact figure in the digest.</summary>
public class ApproximateTotalDigestTests
{
    private static Indicator Visits => DefaultPlan.Value.FindIndicator("TV-LUOT")!;

    private static string Digest(params AnswerValue[] visits)
    {
        var units = visits.Select((v, k) => new UnitReport($"TV-{k}", $"Thư viện {k}", "thu-vien-truong",
            new Dictionary<string, AnswerValue> { ["TV-LUOT"] = v })).ToList();
        return DigestWriter.Figures([FigureCalculator.Compute(Visits, 2026, units, [])]);
    }

    [Fact]
    public void A_total_with_an_estimate_reads_about()
    {
        var text = Digest(AnswerValue.Of(1000), AnswerValue.Of(500, Approximation.Nearly), AnswerValue.Of(200, Approximation.MoreThan));
        Assert.Contains("(TV-LUOT): khoảng 1.700 lượt (dựa trên 3/3 đơn vị)", text);
        Assert.Contains("(TV-LUOT): 1.500 lượt (dựa trên 2/2 đơn vị)", Digest(AnswerValue.Of(1000), AnswerValue.Of(500)));
    }

    [Fact]
    public void A_total_whose_estimates_are_all_lower_bounds_reads_at_least()
    {
        var text = Digest(AnswerValue.Of(1000), AnswerValue.Of(300, Approximation.MoreThan), AnswerValue.Of(1000, Approximation.Above));
        Assert.Contains("(TV-LUOT): ít nhất 2.300 lượt (dựa trên 3/3 đơn vị)", text);
    }
}
