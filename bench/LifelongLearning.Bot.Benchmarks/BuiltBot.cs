using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// The Release-built bot as an operator runs it (`dotnet LifelongLearning.Bot.dll`, Telegram polling, the shipped plan),
/// as a child process against the loopback <see cref="FakeBotApi"/>, on a store the caller chooses (IdleBench, KillBench).
/// </summary>
public sealed class BuiltBot : IDisposable
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly StringBuilder _errors = new();

    private BuiltBot(Process process, long startedAt)
    {
        Process = process;
        StartedAt = startedAt;
    }

    public Process Process { get; }

    /// <summary>The <see cref="Stopwatch.GetTimestamp"/> just before the process started.</summary>
    public long StartedAt { get; }

    /// <summary>What the bot wrote to stderr so far, for a run that went wrong.</summary>
    public string Errors { get { lock (_errors) return _errors.ToString(); } }

    /// <param name="serverGc">null: the project's GC (Server, from the Web SDK); false or true: Workstation or Server.</param>
    public static BuiltBot Start(FakeBotApi api, string folder, string databasePath, bool? serverGc = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LifelongLearning.Bot.dll"));
        // The operator's shell may carry a real token; the bench's alone must reach the bot.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__") || k.StartsWith("Zalo__")).ToList()) start.Environment.Remove(key);
        start.Environment["PWD"] = folder;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Telegram__BotToken"] = FakeBotApi.Token;
        start.Environment["Telegram__ApiBaseUrl"] = api.BaseUrl;
        start.Environment["Bot__PlanPath"] = Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json");
        start.Environment["Storage__DatabasePath"] = databasePath;
        start.Environment["Backup__Folder"] = Path.Combine(folder, "backups");
        start.Environment["Health__ListenUrl"] = "http://127.0.0.1:0";
        start.Environment["Web__ListenUrl"] = "http://127.0.0.1:0";
        if (serverGc is { } server) start.Environment["DOTNET_gcServer"] = server ? "1" : "0";

        var process = new Process { StartInfo = start };
        var startedAt = Stopwatch.GetTimestamp();
        process.Start();
        var bot = new BuiltBot(process, startedAt);
        process.OutputDataReceived += (_, _) => { }; // read, so a full pipe never blocks the bot's logging
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (bot._errors) bot._errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>A signal straight from here: spawning kill(1) would add its own start to a stop's time.</summary>
    public void Signal(int signal)
    {
        if (Kill(Process.Id, signal) != 0) throw new InvalidOperationException($"kill failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }

    // DllImport, not LibraryImport: that one needs AllowUnsafeBlocks, for one blittable call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
