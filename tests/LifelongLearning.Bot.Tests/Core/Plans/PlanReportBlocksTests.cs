using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Plans;

/// <summary>The plan's blocks that shape the report (dated reporting bodies, tasks, reviews): read, and refused in Vietnamese with the line.</summary>
public sealed class PlanReportBlocksTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-report-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_plan_dates_who_signs_the_reports()
    {
        var commune = DefaultPlan.Value.Commune;
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ QUẢNG NGHIỆP", commune.BodyFor(2023).IssuingBody);
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ QUẢNG NGHIỆP", commune.BodyFor(2024).IssuingBody);
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ TÂN KỲ", commune.BodyFor(2025).IssuingBody);
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ TÂN KỲ", commune.BodyFor(2030).IssuingBody);
        Assert.Contains("UBND thành phố Hải Phòng (b/c)", commune.BodyFor(2026).ReportCopiesTo);
    }

    [Fact]
    public void A_later_body_dated_before_the_plan_is_refused_with_its_line()
    {
        var (path, line) = Broken(lines => Edit(lines, l => l.Contains("\"fromYear\": 2025"), l => l.Replace("2025", "2022")));
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains($"{path}, dòng {line}", ex.Message);
        Assert.Contains("$.commune.reportingBodies[0].fromYear", ex.Message);
        Assert.Contains("phải sau năm ban hành Kế hoạch (2023)", ex.Message);
    }

    [Fact]
    public void A_later_body_without_its_heading_is_refused_with_its_line()
    {
        var (path, line) = Broken(lines =>
        {
            var at = lines.FindIndex(l => l.Contains("\"issuingBody\": \"ỦY BAN NHÂN DÂN XÃ TÂN KỲ\""));
            lines.RemoveAt(at);
            return lines.FindLastIndex(at, l => l.Trim() == "{") + 1;
        });
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains($"{path}, dòng {line}", ex.Message);
        Assert.Contains("$.commune.reportingBodies[0].issuingBody", ex.Message);
        Assert.Contains("thiếu hoặc rỗng", ex.Message);
    }

    private (string Path, int Line) Broken(Func<List<string>, int> edit)
    {
        var lines = File.ReadAllLines(DefaultPlan.Path).ToList();
        var line = edit(lines);
        var path = Path.Combine(_folder, "ke-hoach-hong.json");
        File.WriteAllText(path, string.Join("\n", lines));
        return (path, line);
    }

    private static int Edit(List<string> lines, Func<string, bool> find, Func<string, string> change)
    {
        var at = lines.FindIndex(l => find(l));
        lines[at] = change(lines[at]);
        return at + 1;
    }
}
