using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

/// <summary>A plan whose public holidays end before this year is said to the officials every digest morning, and in the log at start.</summary>
public sealed class HolidayNoticeTests
{
    private static Plan HolidaysUntil(int lastYear)
    {
        var p = CalendarWorld.LoadPlan();
        return new Plan(p.Commune, p.TimeZone, p.UnitKinds, p.Units, p.Indicators, p.Schedule, [.. p.Holidays.Where(d => d.Year <= lastYear)], p.EventDays)
        {
            Tasks = p.Tasks, Reviews = p.Reviews,
        };
    }

    private static string MorningDigest(Plan plan)
    {
        using var w = new CalendarWorld(new DateTime(2027, 6, 14, 12, 0, 0), plan);
        w.RunAt(new DateTime(2027, 6, 15, 7, 0, 0));   // the first half of 2027 opens
        w.RunAt(new DateTime(2027, 6, 17, 7, 0, 0));   // Thursday: the morning digest
        return Assert.Single(w.WithKeyPrefix("digest:2027-H1:"), m => m.ChatId == "lan").Text;
    }

    [Fact]
    public void The_morning_digest_says_when_the_plan_has_no_holidays_for_this_year()
    {
        Assert.EndsWith("\n\n⚠️ Tệp kế hoạch chưa có ngày nghỉ lễ năm 2027 (mới có đến năm 2026): bot đang coi mọi ngày từ thứ Hai đến thứ Sáu là ngày làm việc, " +
                        "nên hạn gửi và lời nhắc có thể rơi vào ngày lễ. Cần bổ sung ngày nghỉ lễ năm 2027 (mục «holidays») vào tệp kế hoạch rồi khởi động lại bot.",
            MorningDigest(HolidaysUntil(2026)));
        Assert.DoesNotContain("ngày nghỉ lễ", MorningDigest(CalendarWorld.LoadPlan()));
    }

    [Fact]
    public async Task The_start_logs_a_warning_when_the_plans_holidays_end_before_this_year()
    {
        var logs = new CapturedLogs();
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 6, 2, 0, 0, TimeSpan.Zero));
        await using (await EngineHost.StartAsync(new Dictionary<string, string?>(),
                         s => s.AddSingleton<TimeProvider>(clock).AddSingleton<ILoggerProvider>(logs)))
        {
        }
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning LifelongLearning.Bot.Hosting.StartupService: The plan lists no public holidays for 2031 (its holidays end in 2030)", StringComparison.Ordinal));
    }
}
