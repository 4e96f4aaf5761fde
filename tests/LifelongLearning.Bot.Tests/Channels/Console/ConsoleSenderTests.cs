using LifelongLearning.Bot.Outbox;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Channels.Console;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Console;

/// <summary>The console demo saves a digest's chart to a file the person opens: the path must be usable and private.</summary>
public sealed class ConsoleSenderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-console-sender-").FullName;
    private readonly BotStore _store;

    public ConsoleSenderTests()
    {
        _store = new BotStore(Path.Combine(_folder, "bot.db"));
        _store.Files.Upload("$/charts/2026-H1", "2026-H1.png", new MemoryStream([1, 2, 3, 4]));
    }

    [Fact]
    public async Task A_chart_is_saved_under_a_path_without_a_dollar_in_a_folder_of_this_run_only()
    {
        var (first, firstOutput) = Sender();
        var (second, secondOutput) = Sender();

        await first.SendAsync(Chart(), SendPace.Unpaced, CancellationToken.None);
        await second.SendAsync(Chart(), SendPace.Unpaced, CancellationToken.None);

        var firstPath = SavedPath(firstOutput.ToString());
        var secondPath = SavedPath(secondOutput.ToString());
        Assert.DoesNotContain('$', firstPath);
        Assert.Equal([1, 2, 3, 4], File.ReadAllBytes(firstPath));
        Assert.NotEqual(Path.GetDirectoryName(firstPath), Path.GetDirectoryName(secondPath));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.GetDirectoryName(firstPath)!));
    }

    private (ConsoleSender, StringWriter) Sender()
    {
        var output = new StringWriter();
        return (new ConsoleSender(new ConsoleTerminal(TextReader.Null, output), new Outgoing(_store)), output);
    }

    private static OutgoingMessage Chart() => new(1, "lan", "Biểu đồ kỳ 2026-H1", [], NumberedChoices: false, PhotoFileId: "$/charts/2026-H1");

    private static string SavedPath(string output)
    {
        var match = Regex.Match(output, @"\[Kèm hình, đã lưu ở: (?<path>[^\]]+)\]");
        Assert.True(match.Success, output);
        return match.Groups["path"].Value;
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
