using System.Diagnostics;
using System.Globalization;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// The built bot as an operator runs it (`dotnet LifelongLearning.Bot.dll`, Telegram polling, the shipped plan) against
/// the loopback <see cref="FakeBotApi"/>: the time from the process's start to its first getUpdates, then its resident
/// memory and the CPU it spends after 30 s of idling in a long poll, and how long a SIGTERM takes to end it (issue 18).
/// `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --idle`
/// </summary>
public static class IdleBench
{
    private const int Runs = 3;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    // /proc/<pid>/stat counts in clock ticks; USER_HZ is 100 on every Linux the bot runs on.
    private const double MsPerTick = 10;

    public static async Task RunAsync()
    {
        var c = CultureInfo.InvariantCulture;
        await using var api = await FakeBotApi.StartAsync();
        Console.WriteLine($"Idle bot: built LifelongLearning.Bot.dll, Telegram polling against a loopback Bot API, {Runs} runs; load {ThroughputBench.Load()}");
        var starts = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            api.Reset();
            var folder = Directory.CreateTempSubdirectory("llb-idle-").FullName;
            try
            {
                var (startMs, rssKb, hwmKb, idleCpuMs, startCpuMs, code, stopMs) = await OneRunAsync(api, folder);
                var polls = api.Polls;
                starts.Add(startMs);
                Console.WriteLine(string.Create(c, $"  run {run}: first poll {startMs,6:F0} ms after start ({startCpuMs:F0} ms CPU); after {Idle.TotalSeconds:F0} s idle: " +
                    $"VmRSS {rssKb / 1024.0,5:F1} MB, VmHWM {hwmKb / 1024.0,5:F1} MB, {idleCpuMs,4:F0} ms CPU, {polls} getUpdates; SIGTERM: exit {code} in {stopMs:F0} ms"));
            }
            finally { Directory.Delete(folder, recursive: true); }
        }
        starts.Sort();
        Console.WriteLine(string.Create(c, $"  median time to the first poll: {starts[starts.Count / 2]:F0} ms"));
    }

    private static async Task<(double StartMs, long RssKb, long HwmKb, double IdleCpuMs, double StartCpuMs, int Code, double StopMs)> OneRunAsync(FakeBotApi api, string folder)
    {
        using var bot = BuiltBot.Start(api, folder, Path.Combine(folder, "bot.db"));
        var process = bot.Process;
        try
        {
            var poll = await api.FirstPoll.WaitAsync(TimeSpan.FromSeconds(60));
            var startMs = Stopwatch.GetElapsedTime(bot.StartedAt, poll).TotalMilliseconds;
            var cpuAtPoll = CpuTicks(process.Id);
            await Task.Delay(Idle);
            var idleCpuMs = (CpuTicks(process.Id) - cpuAtPoll) * MsPerTick;
            var (rss, hwm) = Memory(process.Id);

            var stopping = Stopwatch.GetTimestamp();
            bot.Signal(BuiltBot.SigTerm);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var stopMs = Stopwatch.GetElapsedTime(stopping).TotalMilliseconds;
            return (startMs, rss, hwm, idleCpuMs, cpuAtPoll * MsPerTick, process.ExitCode, stopMs);
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"The bot did not poll or stop in time; its stderr:{Environment.NewLine}{bot.Errors}");
            throw;
        }
    }

    /// <summary>utime + stime, the fields 14 and 15 of /proc/&lt;pid&gt;/stat, counted after the command name's ')'.</summary>
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>VmRSS and VmHWM from /proc/&lt;pid&gt;/status, in kB.</summary>
    private static (long RssKb, long HwmKb) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Field(string name) => long.Parse(lines.Single(l => l.StartsWith(name + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (Field("VmRSS"), Field("VmHWM"));
    }
}
