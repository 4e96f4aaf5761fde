using System.Diagnostics;
using System.Globalization;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// The built bot as an operator runs it (`dotnet LifelongLearning.Bot.dll`, Telegram polling, the shipped plan) against
/// the loopback <see cref="FakeBotApi"/>: the time from the process's start to its first getUpdates, then its resident
/// memory and the CPU it spends idling in a long poll — in the 30 s after the first poll (the start's own work still
/// finishing: tiered JIT, the first loop ticks) and in the 30 s after those — and how long a SIGTERM takes to end it
/// (issue 18). Each run is made with Server GC (the project's, from the Web SDK) and with Workstation GC.
/// `dotnet run -c Release --project bench/LifelongLearning.Bot.Benchmarks -- --idle`
/// </summary>
public static class IdleBench
{
    private const int Runs = 2;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(30);
    // /proc/<pid>/stat counts in clock ticks; USER_HZ is 100 on every Linux the bot runs on.
    private const double MsPerTick = 10;

    public static async Task RunAsync()
    {
        var c = CultureInfo.InvariantCulture;
        await using var api = await FakeBotApi.StartAsync();
        Console.WriteLine($"Idle bot: built LifelongLearning.Bot.dll, Telegram polling against a loopback Bot API, {Runs} runs; load {ThroughputBench.Load()}");
        var starts = new List<double>();
        foreach (var serverGc in new[] { true, false })
            for (var run = 1; run <= Runs; run++)
            {
                api.Reset();
                var folder = Directory.CreateTempSubdirectory("llb-idle-").FullName;
                try
                {
                    var r = await OneRunAsync(api, folder, serverGc);
                    var polls = api.Polls;
                    starts.Add(r.StartMs);
                    Console.WriteLine(string.Create(c, $"  {(serverGc ? "Server GC" : "Workstation GC")}, run {run}: first poll {r.StartMs,6:F0} ms after start ({r.StartCpuMs:F0} ms CPU); " +
                        $"CPU {r.FirstCpuMs,4:F0} ms in the first {Idle.TotalSeconds:F0} s idle, {r.LaterCpuMs,4:F0} ms in the next {Idle.TotalSeconds:F0} s " +
                        $"({r.LaterCpuMs / Idle.TotalMilliseconds * 100:F2}% of a core); VmRSS {r.RssKb / 1024.0,5:F1} MB, VmHWM {r.HwmKb / 1024.0,5:F1} MB; " +
                        $"{polls} getUpdates; SIGTERM: exit {r.Code} in {r.StopMs:F0} ms"));
                }
                finally { Directory.Delete(folder, recursive: true); }
            }
        starts.Sort();
        Console.WriteLine(string.Create(c, $"  median time to the first poll: {starts[starts.Count / 2]:F0} ms"));
    }

    private static async Task<(double StartMs, long RssKb, long HwmKb, double FirstCpuMs, double LaterCpuMs, double StartCpuMs, int Code, double StopMs)> OneRunAsync(
        FakeBotApi api, string folder, bool serverGc)
    {
        using var bot = BuiltBot.Start(api, folder, Path.Combine(folder, "bot.db"), serverGc);
        var process = bot.Process;
        try
        {
            var poll = await api.FirstPoll.WaitAsync(TimeSpan.FromSeconds(60));
            var startMs = Stopwatch.GetElapsedTime(bot.StartedAt, poll).TotalMilliseconds;
            var cpuAtPoll = CpuTicks(process.Id);
            await Task.Delay(Idle);
            var cpuAfterFirst = CpuTicks(process.Id);
            await Task.Delay(Idle);
            var firstCpuMs = (cpuAfterFirst - cpuAtPoll) * MsPerTick;
            var laterCpuMs = (CpuTicks(process.Id) - cpuAfterFirst) * MsPerTick;
            var (rss, hwm) = Memory(process.Id);

            var stopping = Stopwatch.GetTimestamp();
            bot.Signal(BuiltBot.SigTerm);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var stopMs = Stopwatch.GetElapsedTime(stopping).TotalMilliseconds;
            return (startMs, rss, hwm, firstCpuMs, laterCpuMs, cpuAtPoll * MsPerTick, process.ExitCode, stopMs);
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
