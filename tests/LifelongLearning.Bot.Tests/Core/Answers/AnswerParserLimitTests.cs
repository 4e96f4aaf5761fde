using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Plans;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Answers;

/// <summary>Numbers too large to be real, or typed with other digits: a clear answer, never an exception (#15).</summary>
public class AnswerParserLimitTests
{
    [Theory]
    [InlineData("1111111111111111111111111111111111111111")]
    [InlineData("99999999999999999999999999 k")]
    [InlineData("9999999999999999999999999 tỷ")]
    [InlineData("khoảng 99999999999999999999999999999999")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("200000000")]
    public void A_figure_too_large_is_refused_naming_the_largest_accepted(string typed)
    {
        var r = AnswerParser.Parse(typed, IndicatorKind.Count);
        Assert.Null(r.Value);
        Assert.Contains("tối đa 100.000.000", r.Error);
    }

    [Fact]
    public void Money_has_its_own_ceiling_and_a_plan_can_set_one()
    {
        Assert.Equal(15_000_000m, AnswerParser.Parse("15 triệu", IndicatorKind.Money).Value!.Number);
        Assert.Contains("tối đa 1.000.000.000.000", AnswerParser.Parse("2000 tỷ", IndicatorKind.Money).Error);
        Assert.Contains("tối đa 5.000", AnswerParser.Parse("6.000", IndicatorKind.Count, max: 5000).Error);
    }

    [Theory]
    [InlineData("１２３")]
    [InlineData("١٢٣")]
    [InlineData("۱۲۳")]
    public void Other_digit_forms_read_as_the_digits_they_are(string typed)
    {
        Assert.Equal(123m, AnswerParser.Parse(typed, IndicatorKind.Count).Value!.Number);
    }
}
