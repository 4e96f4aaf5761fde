using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Answers;

public class OutlierCheckTests
{
    private static Indicator Visits => DefaultPlan.Value.FindIndicator("TV-LUOT")!;
    private static Indicator Service => DefaultPlan.Value.FindIndicator("TV-HTSD")!;

    [Fact]
    public void Twelve_times_last_period_asks_for_confirmation_in_Vietnamese()
    {
        var q = OutlierCheck.QuestionFor(Visits, AnswerValue.Of(12000), AnswerValue.Of(1000));
        Assert.NotNull(q);
        Assert.Contains("cao gấp 12 lần", q);
        Assert.Contains("xác nhận", q);
    }

    [Fact]
    public void Ten_times_exactly_is_already_questioned()
    {
        Assert.NotNull(OutlierCheck.QuestionFor(Visits, AnswerValue.Of(10000), AnswerValue.Of(1000)));
    }

    [Fact]
    public void Below_a_tenth_of_last_period_asks_for_confirmation()
    {
        var q = OutlierCheck.QuestionFor(Visits, AnswerValue.Of(50), AnswerValue.Of(1000));
        Assert.NotNull(q);
        Assert.Contains("1/20", q);
    }

    [Fact]
    public void Zero_after_a_real_figure_is_questioned()
    {
        Assert.Contains("bằng 0", OutlierCheck.QuestionFor(Visits, AnswerValue.Of(0), AnswerValue.Of(1000)));
    }

    [Theory]
    [InlineData(1000, 1000, "same as before")]
    [InlineData(1500, 1000, "half as much again")]
    [InlineData(9000, 1000, "nine times: under the factor")]
    [InlineData(200, 1000, "a fifth")]
    public void Ordinary_figures_are_not_questioned(int now, int before, string reason)
    {
        Assert.True(OutlierCheck.QuestionFor(Visits, AnswerValue.Of(now), AnswerValue.Of(before)) is null, reason);
    }

    [Fact]
    public void Nothing_to_compare_with_means_no_question()
    {
        Assert.Null(OutlierCheck.QuestionFor(Visits, AnswerValue.Of(12000), null));
        Assert.Null(OutlierCheck.QuestionFor(Visits, AnswerValue.Of(12000), AnswerValue.Missing));
        Assert.Null(OutlierCheck.QuestionFor(Visits, AnswerValue.Of(12000), AnswerValue.Of(0)));
    }

    [Fact]
    public void Yes_no_answers_are_never_questioned()
    {
        Assert.Null(OutlierCheck.QuestionFor(Service, AnswerValue.Yes, AnswerValue.No));
        Assert.Null(OutlierCheck.QuestionFor(Service, AnswerValue.No, AnswerValue.Yes));
    }
}
