using LifelongLearning.Bot.Core.Text;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Text;

public sealed class EventTimeParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("5/12 8h", 2026, 12, 5)]    // later this year
    [InlineData("21/4 8h", 2027, 4, 21)]    // already past this year: next April
    [InlineData("29/11 19:30", 2026, 11, 29)] // today still counts; the caller refuses an hour already gone
    [InlineData("29/2", 2028, 2, 29)]       // the next year that has the day
    public void Without_a_year_the_next_such_day_is_meant(string text, int y, int mo, int d)
    {
        Assert.True(EventTimeParser.TryParse(text, Today, out var day, out _));
        Assert.Equal(new DateOnly(y, mo, d), day);
    }

    [Theory]
    [InlineData("21/4/2026 8:00", 2026, 4, 21, 8, 0)]
    [InlineData("21-04-2026 08h30", 2026, 4, 21, 8, 30)]   // "8 giờ 30" typed short
    [InlineData("21/4/2026 14h", 2026, 4, 21, 14, 0)]
    [InlineData("19.4.26 lúc 7g15", 2026, 4, 19, 7, 15)]    // two-digit year, "g" for giờ
    [InlineData("8:00 21/4/2026", 2026, 4, 21, 8, 0)]      // time first, as often written
    public void A_date_and_time_as_officials_type_them(string text, int y, int mo, int d, int h, int min)
    {
        Assert.True(EventTimeParser.TryParse(text, Today, out var day, out var time));
        Assert.Equal(new DateOnly(y, mo, d), day);
        Assert.Equal(new TimeOnly(h, min), time);
    }

    [Fact]
    public void A_date_alone_is_an_all_day_event()
    {
        Assert.True(EventTimeParser.TryParse("23/11/2026", Today, out var day, out var time));
        Assert.Equal(new DateOnly(2026, 11, 23), day);
        Assert.Null(time);
    }

    [Theory]
    [InlineData("31/4/2026")]       // April has 30 days
    [InlineData("21/13/2026 8:00")] // no 13th month
    [InlineData("21/4/2026 25:00")]
    [InlineData("thứ bảy tuần sau")]
    [InlineData("2026-04-21")]      // day first, as Vietnamese dates are written
    [InlineData("31/4")]            // no year makes April longer
    public void Anything_else_is_refused(string text) => Assert.False(EventTimeParser.TryParse(text, Today, out _, out _));
}
