using LifelongLearning.Bot.Core.Digests;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Digests;

public class LatenessTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateOnly Deadline = new(2026, 6, 20);

    [Theory]
    [InlineData(2026, 6, 20, 23, 59, false)] // the last minute of the deadline day
    [InlineData(2026, 6, 21, 0, 0, true)]    // the first minute after it
    [InlineData(2026, 6, 19, 8, 0, false)]
    public void A_unit_is_late_only_when_it_first_reported_after_its_deadline_day_in_the_communes_time(int y, int m, int d, int h, int min, bool late) =>
        Assert.Equal(late, Lateness.IsLate(new DateTimeOffset(y, m, d, h, min, 0, Vietnam), Deadline));
}
