using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>
/// The built program as an operator meets it: a failed start is one Vietnamese line and exit code 1, the
/// database is made under the folder it was run from, --help lists the verbs, and SIGTERM stops it quickly.
/// </summary>
public sealed class FailedStartTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertOneClearLine(string err)
    {
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, err);
        Assert.StartsWith("Không khởi động được bot:", lines[0]);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task A_wrong_setting_is_one_line_naming_the_key_and_exit_code_1()
    {
        using var bot = BuiltProgram.Start(_folder, new Dictionary<string, string?> { ["Bot__TimeZone"] = "Sao Hỏa/Thủ đô" });
        Assert.Equal(1, await bot.ExitAsync(Generous));
        AssertOneClearLine(bot.Err);
        Assert.Contains("Bot:TimeZone", bot.Err);
    }

    [Fact]
    public async Task A_database_folder_that_cannot_be_written_is_named_as_such_not_as_in_use()
    {
        // /proc cannot be written even by root (the tests may run as root, for whom file modes mean nothing).
        var data = "/proc/llb-test/data";
        using var bot = BuiltProgram.Start(_folder, new Dictionary<string, string?> { ["Storage__DatabasePath"] = data + "/bot.db" });
        Assert.Equal(1, await bot.ExitAsync(Generous));
        AssertOneClearLine(bot.Err);
        Assert.Contains($"không ghi được vào thư mục cơ sở dữ liệu {data}", bot.Err);
        Assert.Contains("Storage:DatabasePath", bot.Err);
        Assert.DoesNotContain("đang được một chương trình khác", bot.Err);
    }

    [Fact]
    public async Task Export_without_a_database_says_so_and_writes_nothing()
    {
        using var export = BuiltProgram.Start(_folder, null, "export", "--year", "2025");
        Assert.Equal(1, await export.ExitAsync(Generous));
        Assert.Contains("không có cơ sở dữ liệu ở " + Path.Combine(_folder, "data", "lifelonglearning.db"), export.Err);
        Assert.False(Directory.Exists(Path.Combine(_folder, "bao-cao")));
        Assert.False(File.Exists(Path.Combine(_folder, "data", "lifelonglearning.db")));
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        using var help = BuiltProgram.Start(_folder, null, "--help");
        Assert.Equal(0, await help.ExitAsync(Generous));
        Assert.Contains("export (--year", help.Out);
        Assert.Contains("--help", help.Out);
        Assert.Contains("Cách dùng: export", help.Out);
    }

    [Fact]
    public async Task SIGTERM_stops_the_console_bot_within_five_seconds_with_its_database_under_the_folder_run_from()
    {
        using var bot = BuiltProgram.Start(_folder);
        await bot.WaitForOutputAsync("🤖 Bot", Generous); // the console channel talks: the bot is up
        Assert.True(File.Exists(Path.Combine(_folder, "data", "lifelonglearning-demo.db")), string.Join(", ", Directory.GetFileSystemEntries(_folder, "*", SearchOption.AllDirectories)));
        bot.Signal("TERM");
        var exitCode = await bot.ExitAsync(TimeSpan.FromSeconds(5));
        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:\n{bot.Err}\nstdout tail:\n{bot.Out[^Math.Min(2000, bot.Out.Length)..]}");
    }
}
