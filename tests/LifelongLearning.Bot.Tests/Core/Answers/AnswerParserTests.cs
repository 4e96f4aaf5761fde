using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Plans;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Answers;

public class AnswerParserTests
{
    [Theory]
    [InlineData("1.250", 1250, "dots group thousands")]
    [InlineData("1 250", 1250, "spaces group thousands")]
    [InlineData("1250", 1250, "plain digits")]
    [InlineData("1.250.000", 1250000, "several groups")]
    [InlineData("0", 0, "zero is a real answer")]
    [InlineData(" 300 ", 300, "surrounding spaces")]
    [InlineData("300 lượt", 300, "with the unit word")]
    public void A_count_typed_the_Vietnamese_way_is_read(string text, int expected, string reason)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.Count);
        Assert.True(r.IsOk, reason);
        Assert.Equal(expected, r.Value!.Number);
    }

    [Theory]
    [InlineData("1,5", 1.5, "comma is the decimal mark")]
    [InlineData("12%", 12, "percent sign")]
    [InlineData("12 %", 12, "space before the percent sign")]
    [InlineData("72,5%", 72.5, "decimal percentage")]
    [InlineData("100", 100, "the top of the range")]
    public void A_percentage_is_read(string text, double expected, string reason)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.Percentage);
        Assert.True(r.IsOk, reason);
        Assert.Equal((decimal)expected, r.Value!.Number);
    }

    [Fact]
    public void A_decimal_count_is_refused_saying_a_whole_number_is_expected()
    {
        var r = AnswerParser.Parse("1,5", IndicatorKind.Count);
        Assert.Null(r.Value);
        Assert.Contains("số nguyên", r.Error);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("150%")]
    public void A_percentage_above_100_is_refused(string text)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.Percentage);
        Assert.Null(r.Value);
        Assert.Contains("100", r.Error);
    }

    [Theory]
    [InlineData("có", true)]
    [InlineData("Có", true)]
    [InlineData("co", true)] // typed without accents
    [InlineData("c", true)] // one letter, as on Zalo where there is no button
    [InlineData("1", true)] // the number of the choice "1. Có"
    [InlineData("rồi", true)]
    [InlineData("đã", true)]
    [InlineData("x", true)]
    [InlineData("Có ạ", true)] // polite form
    [InlineData("có.", true)]
    [InlineData("không", false)]
    [InlineData("Không", false)]
    [InlineData("ko", false)]
    [InlineData("chưa", false)]
    [InlineData("o", false)]
    [InlineData("Chưa ạ", false)]
    public void Yes_and_no_are_read_however_they_are_typed(string text, bool yes)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.YesNo);
        Assert.True(r.IsOk, text);
        Assert.Equal(yes, r.Value!.YesNo);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("có lẽ")]
    [InlineData("abc")]
    public void A_yes_no_question_refuses_anything_else(string text)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.YesNo);
        Assert.Null(r.Value);
        Assert.Equal(AnswerParser.YesNoHint, r.Error);
    }

    [Theory]
    [InlineData("-5", IndicatorKind.Count)]
    [InlineData("-1.250", IndicatorKind.Count)]
    [InlineData("- 3", IndicatorKind.Money)]
    [InlineData("-10%", IndicatorKind.Percentage)]
    public void Negative_figures_are_refused_in_Vietnamese(string text, IndicatorKind kind)
    {
        var r = AnswerParser.Parse(text, kind);
        Assert.Null(r.Value);
        Assert.StartsWith("Số không được âm.", r.Error);
    }

    [Theory]
    [InlineData("abc", "letters")]
    [InlineData("", "nothing typed")]
    [InlineData("1.25", "a dot that does not group thousands")]
    [InlineData("12%", "a percentage where a count is asked")]
    [InlineData("3 và 4", "two numbers")]
    public void A_count_that_cannot_be_read_is_refused_with_the_hint(string text, string reason)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.Count);
        Assert.Null(r.Value);
        Assert.True(r.Error!.EndsWith("Vui lòng nhập một số nguyên không âm, ví dụ 1.250."), reason + ": " + r.Error);
    }

    [Theory]
    [InlineData("khoảng 300", 300, Approximation.About, "khoảng 300 lượt")]
    [InlineData("Khoảng 1.200", 1200, Approximation.About, "khoảng 1.200 lượt")]
    [InlineData("~300", 300, Approximation.About, "khoảng 300 lượt")]
    [InlineData("tầm 50", 50, Approximation.About, "khoảng 50 lượt")]
    [InlineData("gần 41.500", 41500, Approximation.Nearly, "gần 41.500 lượt")]
    [InlineData("hơn 1.200", 1200, Approximation.MoreThan, "hơn 1.200 lượt")]
    [InlineData("trên 37.000", 37000, Approximation.Above, "trên 37.000 lượt")]
    public void An_approximate_figure_keeps_the_word_the_person_put_before_it(string text, int value, Approximation said, string shown)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.Count);
        Assert.True(r.IsOk, r.Error);
        Assert.Equal(value, r.Value!.Number);
        Assert.Equal(said, r.Value.Approximation);
        Assert.Equal(shown, r.Value.Display(DefaultPlan.Value.FindIndicator("TV-LUOT")!));
    }

    [Theory]
    [InlineData("gần 200.000.000")]
    [InlineData("trên 999999999999999999999999")]
    public void An_approximate_figure_beyond_the_plausible_maximum_is_refused_like_a_plain_one(string text)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.Count);
        Assert.Null(r.Value);
        Assert.Contains("tối đa 100.000.000", r.Error);
    }

    [Theory]
    [InlineData("15 triệu", 15000000)]
    [InlineData("15 tr", 15000000)]
    [InlineData("15tr", 15000000)]   // typed without a space, as on a phone
    [InlineData("500k", 500000)]
    [InlineData("2,5triệu", 2500000)]
    [InlineData("15.000.000", 15000000)]
    [InlineData("1,5 tỷ", 1500000000)]
    [InlineData("500 nghìn", 500000)]
    public void Money_reads_words_for_millions(string text, long value)
    {
        var r = AnswerParser.Parse(text, IndicatorKind.Money);
        Assert.True(r.IsOk, r.Error);
        Assert.Equal(value, r.Value!.Number);
    }
}
