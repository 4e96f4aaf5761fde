using System.Text.Json.Nodes;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Plans;

/// <summary>The shipped plan's calendar: public holidays to 2030 and the lifelong-learning week as a yearly rule.</summary>
public sealed class PlanCalendarTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-calendar-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    // Tết (1/1 âm lịch) by the Vietnamese calendar (UTC+7; 2/2/2030, where China's is 3/2), and the day before it.
    [InlineData("2027-02-06", "Tết 2027, a Saturday")]
    [InlineData("2027-02-10", "Tết 2027: the Saturday and Sunday made up")]
    [InlineData("2028-01-25", "the last day of the lunar year 2027")]
    [InlineData("2028-01-26", "Tết 2028")]
    [InlineData("2029-02-13", "Tết 2029")]
    [InlineData("2030-02-01", "the last day of the lunar year 2029")]
    [InlineData("2030-02-02", "Tết 2030")]
    [InlineData("2030-02-06", "Tết 2030: the Saturday made up")]
    // Giỗ Tổ Hùng Vương, 10/3 âm lịch.
    [InlineData("2027-04-16", "Giỗ Tổ 2027")]
    [InlineData("2028-04-04", "Giỗ Tổ 2028")]
    [InlineData("2029-04-23", "Giỗ Tổ 2029")]
    [InlineData("2030-04-12", "Giỗ Tổ 2030")]
    // The fixed days and their made-up days.
    [InlineData("2028-01-03", "1/1/2028 is a Saturday")]
    [InlineData("2028-05-02", "30/4/2028 is a Sunday")]
    [InlineData("2029-09-04", "2/9/2029 is a Sunday")]
    [InlineData("2030-09-03", "2/9/2030 and the day after")]
    public void The_shipped_plan_lists_the_public_holidays_to_2030(string day, string why)
    {
        var calendar = DefaultPlan.Value.Calendar;
        Assert.True(calendar.IsHoliday(DateOnly.Parse(day)), why);
        Assert.False(calendar.IsWorkingDay(DateOnly.Parse(day)), why);
        Assert.Null(calendar.MissingYearNotice(2030));
    }

    [Fact]
    public void A_year_after_the_plans_holidays_gets_a_notice_that_says_what_to_do()
    {
        var notice = DefaultPlan.Value.Calendar.MissingYearNotice(2031);
        Assert.Equal("⚠️ Tệp kế hoạch chưa có ngày nghỉ lễ năm 2031 (mới có đến năm 2030): bot đang coi mọi ngày từ thứ Hai đến thứ Sáu " +
                     "là ngày làm việc, nên hạn gửi và lời nhắc có thể rơi vào ngày lễ. Cần bổ sung ngày nghỉ lễ năm 2031 (mục «holidays») " +
                     "vào tệp kế hoạch rồi khởi động lại bot.", notice);
    }

    [Fact]
    public void The_learning_week_is_a_yearly_rule_from_the_first_to_the_seventh_of_October()
    {
        var week = Assert.Single(DefaultPlan.Value.EventDays, d => d.Title == "Tuần lễ hưởng ứng học tập suốt đời");
        Assert.Equal("tuan-le-hoc-tap-suot-doi", week.Key);
        foreach (var year in new[] { 2025, 2027, 2030, 2035 })
            Assert.Equal((new DateOnly(year, 10, 1), new DateOnly(year, 10, 7)), week.In(year));
        Assert.Equal("plan:2027:tuan-le-hoc-tap-suot-doi", week.KeyIn(2027));
    }

    [Fact]
    public void A_plan_file_with_the_old_dated_learning_weeks_is_refused_with_what_replaced_them()
    {
        var plan = JsonNode.Parse(File.ReadAllText(DefaultPlan.Path))!.AsObject();
        plan["learningWeeks"] = JsonNode.Parse("""[{ "year": 2026, "from": "2026-10-01", "to": "2026-10-07" }]""");
        var path = Path.Combine(_folder, "cu.json");
        File.WriteAllText(path, plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains("($.learningWeeks): Tuần lễ học tập suốt đời nay là một mục lặp lại hằng năm trong \"eventDays\"", ex.Message);
    }

    [Fact]
    public void Two_plan_days_with_one_key_are_refused()
    {
        var plan = JsonNode.Parse(File.ReadAllText(DefaultPlan.Path))!.AsObject();
        plan["eventDays"]!.AsArray().Add(JsonNode.Parse("""{ "key": "ngay-bao-tang", "title": "Ngày khác", "date": "1/6" }"""));
        var path = Path.Combine(_folder, "trung.json");
        File.WriteAllText(path, plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains("khóa \"ngay-bao-tang\" đã dùng cho một ngày khác", ex.Message);
    }
}
