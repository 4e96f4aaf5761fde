using LifelongLearning.Bot.Hosting;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>
/// deploy/lifelonglearning-bot.service says what the bot needs of systemd (.ci/run also runs systemd-analyze verify
/// on it where systemd is installed).
/// </summary>
public sealed class ServiceUnitTests
{
    private static readonly Dictionary<string, List<string>> Service = Read();

    private static Dictionary<string, List<string>> Read()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "deploy", "lifelonglearning-bot.service"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var keys = new Dictionary<string, List<string>>();
        var section = "";
        foreach (var raw in File.ReadLines(Path.Combine(dir.FullName, "deploy", "lifelonglearning-bot.service")))
        {
            var line = raw.Trim();
            if (line.StartsWith('[')) section = line;
            else if (section == "[Service]" && !line.StartsWith('#') && line.IndexOf('=') is var eq and > 0)
                (keys.TryGetValue(line[..eq], out var values) ? values : keys[line[..eq]] = []).Add(line[(eq + 1)..]);
        }
        return keys;
    }

    [Fact]
    public void The_unit_restarts_on_failure_and_waits_longer_than_the_host_takes_to_stop()
    {
        Assert.Equal(["on-failure"], Service["Restart"]);
        var stop = TimeSpan.FromSeconds(int.Parse(Service["TimeoutStopSec"].Single()));
        // systemd must not kill the bot while it stops: the host's own shutdown time (BotRun), or the default if
        // that is ever removed, whichever is longer.
        var host = TimeSpan.FromTicks(Math.Max(BotRun.ShutdownTimeout.Ticks, new HostOptions().ShutdownTimeout.Ticks));
        Assert.True(stop > host, $"TimeoutStopSec {stop} is not longer than the host's {host}");
    }

    [Fact]
    public void The_unit_runs_in_its_data_folder_with_secrets_from_a_root_only_file_and_writes_nowhere_else()
    {
        var workingDirectory = Service["WorkingDirectory"].Single();
        Assert.StartsWith("/var/lib/", workingDirectory);
        Assert.Equal(["/etc/lifelonglearning-bot/bot.env"], Service["EnvironmentFile"]);
        Assert.Contains(workingDirectory, Service["ReadWritePaths"]);
        Assert.NotEqual("root", Service["User"].Single());
        Assert.Contains($"DOTNET_CONTENTROOT={Path.GetDirectoryName(Service["ExecStart"].Single())}", Service["Environment"]);
    }
}
