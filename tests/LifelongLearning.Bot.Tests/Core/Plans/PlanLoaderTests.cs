using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Plans;

public sealed class PlanLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_default_plan_loads_with_its_four_targets()
    {
        var plan = PlanLoader.LoadFile(DefaultPlan.Path);
        Assert.Equal(["TV-HTSD", "TV-CDS", "TV-LUOT", "VH-CLB"], plan.Indicators.Where(i => i.HasTargets).Select(i => i.Code));

        var service = plan.FindIndicator("TV-HTSD")!;
        Assert.Equal(IndicatorKind.YesNo, service.Kind);
        Assert.Equal(70, service.TargetFor(2025)!.Min);
        Assert.Equal(90, service.TargetFor(2030)!.Min);
        Assert.Equal(["thu-vien-xa"], service.Aggregation.RequiredYes);
        Assert.DoesNotContain("thu-vien-xa", service.Aggregation.ShareOf);

        Assert.Equal(80, plan.FindIndicator("TV-CDS")!.TargetFor(2030)!.Min);
        var visits = plan.FindIndicator("TV-LUOT")!;
        Assert.Equal(AggregationKind.Sum, visits.Aggregation.Kind);
        Assert.Equal(TargetKind.AverageGrowthAtLeast, visits.TargetKind);
        Assert.Equal((10m, (decimal?)15m), (visits.TargetFor(2030)!.Min, visits.TargetFor(2030)!.Max));
        Assert.Equal(100, plan.FindIndicator("VH-CLB")!.TargetFor(2030)!.Min);

        Assert.Equal("Asia/Ho_Chi_Minh", plan.TimeZone);
        Assert.Contains(plan.Units, u => u.Code == "TV-TH" && u.Kind == "thu-vien-truong");
        Assert.Equal([PeriodKind.HalfYear, PeriodKind.Year], plan.Schedule.Rounds);
        Assert.NotEmpty(plan.IndicatorsFor("thu-vien-truong", PeriodKind.Year));
    }

    [Fact]
    public void A_missing_plan_file_is_named()
    {
        var path = Path.Combine(_folder, "khong-co.json");
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Invalid_JSON_names_the_file_and_the_line()
    {
        var (path, line) = Broken(lines => Edit(lines, l => l.Contains("\"planNumber\""), _ => "    \"planNumber\": 04/KH-UBND,"));
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.StartsWith($"{path}, dòng {line}:", ex.Message);
    }

    [Fact]
    public void An_unknown_unit_kind_in_reportedBy_names_its_line()
    {
        var (path, line) = Broken(lines =>
        {
            var start = lines.FindIndex(l => l.Contains("\"code\": \"TV-CDS\""));
            var at = lines.FindIndex(start, l => l.Contains("\"thu-vien-khac\""));
            lines[at] = lines[at].Replace("thu-vien-khac", "thu-vien-ma");
            return at + 1;
        });
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains($"{path}, dòng {line}", ex.Message);
        Assert.Contains("$.indicators[1].reportedBy[2]", ex.Message);
        Assert.Contains("thu-vien-ma", ex.Message);
    }

    [Fact]
    public void A_missing_field_names_the_line_of_its_object()
    {
        var (path, line) = Broken(lines =>
        {
            var code = lines.FindIndex(l => l.Contains("\"code\": \"TV-CDS\""));
            var question = lines.FindIndex(code, l => l.TrimStart().StartsWith("\"question\""));
            lines.RemoveAt(question);
            return code; // the "{" just above the code, 1-based
        });
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains($"{path}, dòng {line}", ex.Message);
        Assert.Contains("$.indicators[1].question", ex.Message);
        Assert.Contains("thiếu", ex.Message);
    }

    [Fact]
    public void A_bad_kind_names_its_line_and_the_allowed_values()
    {
        var (path, line) = Broken(lines =>
        {
            var code = lines.FindIndex(l => l.Contains("\"code\": \"TV-CDS\""));
            return Edit(lines, code, l => l.Contains("\"kind\""), l => l.Replace("yesNo", "coKhong"));
        });
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains($"{path}, dòng {line}", ex.Message);
        Assert.Contains("coKhong", ex.Message);
        Assert.Contains("yesNo", ex.Message);
    }

    [Fact]
    public void A_bad_period_names_its_line()
    {
        var (path, line) = Broken(lines =>
        {
            var code = lines.FindIndex(l => l.Contains("\"code\": \"TV-LUOT\""));
            return Edit(lines, code, l => l.Contains("\"halfYear\""), l => l.Replace("halfYear", "sauThang"));
        });
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains($"{path}, dòng {line}", ex.Message);
        Assert.Contains("$.indicators[2].periods[0]", ex.Message);
    }

    [Fact]
    public void The_default_plan_names_its_tasks_and_the_report_symbol()
    {
        var plan = PlanLoader.LoadFile(DefaultPlan.Path);
        Assert.Equal("BC-UBND", plan.Commune.ReportSymbol);
        Assert.Equal("Đối với hệ thống thư viện", plan.FindTask("I.2.a")!.Title);
        Assert.All(plan.Indicators, i => Assert.NotNull(plan.FindTask(i.Task)));
    }

    [Fact]
    public void An_indicator_naming_a_task_the_plan_does_not_list_names_its_line()
    {
        var (path, line) = Broken(lines => Edit(lines, l => l.Contains("\"task\": \"IV.5\""), l => l.Replace("IV.5", "IV.9")));
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains($"{path}, dòng {line}", ex.Message);
        Assert.Contains("nhiệm vụ \"IV.9\" không có trong tasks", ex.Message);
    }

    private (string Path, int Line) Broken(Func<List<string>, int> edit)
    {
        var lines = File.ReadAllLines(DefaultPlan.Path).ToList();
        var line = edit(lines);
        var path = Path.Combine(_folder, "ke-hoach-hong.json");
        File.WriteAllText(path, string.Join("\n", lines));
        return (path, line);
    }

    private static int Edit(List<string> lines, Func<string, bool> find, Func<string, string> change) => Edit(lines, 0, find, change);

    private static int Edit(List<string> lines, int from, Func<string, bool> find, Func<string, string> change)
    {
        var at = lines.FindIndex(from, l => find(l));
        lines[at] = change(lines[at]);
        return at + 1;
    }
}
