using System.Diagnostics;
using System.Text;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>
/// The built bot (LifelongLearning.Bot.dll beside the tests) run as a child process in a folder of its own,
/// configured by environment variables, as an operator runs it.
/// </summary>
public sealed class BuiltProgram : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    public string Folder { get; }

    private BuiltProgram(string folder, IEnumerable<string> args, IDictionary<string, string?> env)
    {
        Folder = folder;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LifelongLearning.Bot.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PWD"] = folder;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Bot__PlanPath"] = Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__") || k.StartsWith("Zalo__")).ToList()) start.Environment.Remove(key);
        foreach (var (k, v) in env) start.Environment[k] = v;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_err) _err.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static BuiltProgram Start(string folder, IDictionary<string, string?>? env = null, params string[] args) =>
        new(folder, args, env ?? new Dictionary<string, string?>());

    public string Out { get { lock (_out) return _out.ToString(); } }

    public string Err { get { lock (_err) return _err.ToString(); } }

    public int Id => _process.Id;

    /// <summary>The exit code, once the process ended within the time given; null if it still runs.</summary>
    public async Task<int?> ExitAsync(TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!Out.Contains(text) && !_process.HasExited)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"«{text}» not printed; out: {Out} err: {Err}");
            await Task.Delay(50);
        }
    }

    public void Signal(string signal) => Process.Start("kill", ["-s", signal, _process.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
