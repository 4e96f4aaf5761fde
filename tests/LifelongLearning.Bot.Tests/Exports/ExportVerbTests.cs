using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Tests.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>The host's "export" verb writes the files into a folder and exits, without channels.</summary>
public sealed class ExportVerbTests : IDisposable
{
    private readonly ExportStore _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_export_verb_writes_the_three_files_of_the_year()
    {
        _world.Close();
        var folder = Path.Combine(_world.Folder, "bao-cao");
        var output = new StringWriter();
        var code = await ExportVerb.RunAsync(
            ["export", "--year", "2025", "--out", folder, $"--Storage:DatabasePath={_world.DatabasePath}", $"--Bot:PlanPath={DefaultPlan.Path}"],
            output, output, b => b.Services.AddSingleton<TimeProvider>(_world.Clock));

        Assert.Equal(0, code);
        Assert.Equal(["bao-cao-2025.docx", "so-lieu-2025.csv", "tong-hop-2025.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.StartsWith("Đã ghi 3 tệp báo cáo năm 2025:", output.ToString());
    }

    [Fact]
    public async Task The_range_of_years_is_written_side_by_side()
    {
        _world.Close();
        var folder = Path.Combine(_world.Folder, "so-ket");
        var code = await ExportVerb.RunAsync(
            ["export", "--from", "2023", "--to", "2025", "--out", folder, $"--Storage:DatabasePath={_world.DatabasePath}", $"--Bot:PlanPath={DefaultPlan.Path}"],
            TextWriter.Null, TextWriter.Null, b => b.Services.AddSingleton<TimeProvider>(_world.Clock));
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(folder, "bao-cao-2023-2025.docx")));
    }

    [Fact]
    public async Task A_missing_plan_file_is_named_without_a_stack_trace()
    {
        _world.Close();
        var errors = new StringWriter();
        var missing = Path.Combine(_world.Folder, "khong-co.json");
        var code = await ExportVerb.RunAsync(
            ["export", "--year", "2025", "--out", Path.Combine(_world.Folder, "x"), $"--Storage:DatabasePath={_world.DatabasePath}", $"--Bot:PlanPath={missing}"],
            TextWriter.Null, errors);
        Assert.Equal(1, code);
        Assert.StartsWith($"Không xuất được báo cáo: {missing}: không tìm thấy tệp kế hoạch.", errors.ToString());
    }

    [Fact]
    public async Task A_database_the_bot_holds_open_is_explained_in_Vietnamese()
    {
        // The world's BotStore is still open, as the running bot's would be.
        var errors = new StringWriter();
        var folder = Path.Combine(_world.Folder, "bao-cao");
        var code = await ExportVerb.RunAsync(
            ["export", "--year", "2025", "--out", folder, $"--Storage:DatabasePath={_world.DatabasePath}", $"--Bot:PlanPath={DefaultPlan.Path}"],
            TextWriter.Null, errors, b => b.Services.AddSingleton<TimeProvider>(_world.Clock));

        Assert.Equal(1, code);
        Assert.StartsWith("Không xuất được báo cáo: cơ sở dữ liệu đang được bot sử dụng.", errors.ToString());
        Assert.Contains("/xuat", errors.ToString());
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    [Theory]
    [InlineData("Thiếu kỳ báo cáo", "export")]
    [InlineData("Năm «abc» không hợp lệ", "export", "--year", "abc")]
    [InlineData("--from và --to phải là hai năm", "export", "--from", "2025", "--to", "2023")]
    [InlineData("Mã kỳ «2025-X» không hợp lệ", "export", "--round", "2025-X")]
    public async Task Wrong_arguments_are_explained_in_Vietnamese_and_nothing_is_written(string message, params string[] args)
    {
        var errors = new StringWriter();
        Assert.Equal(2, await ExportVerb.RunAsync(args, TextWriter.Null, errors));
        Assert.Contains(message, errors.ToString());
        Assert.Contains("Cách dùng: export", errors.ToString());
    }
}
