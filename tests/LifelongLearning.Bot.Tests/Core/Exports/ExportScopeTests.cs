using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Exports;

public sealed class ExportScopeTests
{
    [Theory]
    [InlineData("2025", "2025", "năm 2025")]
    [InlineData("2026-h1", "2026-H1", "6 tháng đầu năm 2026")]
    [InlineData("2023-2025", "2023-2025", "sơ kết giai đoạn 2023 - 2025")]   // the plan's interim review
    [InlineData("2023–2030", "2023-2030", "tổng kết giai đoạn 2023 - 2030")] // the final one, typed with an en dash
    [InlineData(" 2024-2026 ", "2024-2026", "tổng hợp giai đoạn 2024 - 2026")]
    public void A_period_or_a_range_of_years_is_understood(string typed, string code, string label)
    {
        Assert.True(ExportScope.TryParse(typed, out var scope));
        Assert.Equal(code, scope!.Code);
        // The review years (sơ kết 2025, tổng kết 2030) come from the plan, not from code.
        Assert.Equal(label, scope.Under(DefaultPlan.Value).Label);
    }

    [Fact]
    public void A_range_read_without_a_plan_is_only_a_summary()
    {
        Assert.True(ExportScope.TryParse("2023-2025", out var scope));
        Assert.Equal("tổng hợp giai đoạn 2023 - 2025", scope!.Label);
    }

    [Fact]
    public void A_range_is_its_yearly_periods_in_order_and_speaks_of_the_last()
    {
        var scope = ExportScope.Years(2023, 2025);
        Assert.Equal(["2023", "2024", "2025"], scope.Periods.Select(p => p.Code));
        Assert.Equal(ReportingPeriod.WholeYear(2025), scope.Main);
        Assert.True(scope.IsRange);
    }

    [Theory]
    [InlineData("")]
    [InlineData("năm ngoái")]
    [InlineData("2025-2023")] // backwards
    [InlineData("2025-H3")]
    [InlineData("1999")]
    public void Anything_else_is_refused(string typed) => Assert.False(ExportScope.TryParse(typed, out _));
}
