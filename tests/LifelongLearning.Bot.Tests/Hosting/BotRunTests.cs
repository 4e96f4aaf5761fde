using LifelongLearning.Bot.Channels.Console;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>How the bot's run ends, in the test's process: a stop is a stop whenever it comes.</summary>
public sealed class BotRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The console channel (no token) on the shipped plan, with everything it writes in the test's folder.</summary>
    private string[] Args() =>
    [
        $"--Storage:DatabasePath={Path.Combine(_folder, "bot.db")}",
        $"--Bot:PlanPath={Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json")}",
        "--Health:ListenUrl=http://127.0.0.1:0",
        "--Web:ListenUrl=http://127.0.0.1:0",
        $"--Backup:Folder={Path.Combine(_folder, "backups")}",
    ];

    [Fact]
    public async Task Ctrl_C_or_SIGTERM_while_the_bot_is_still_starting_ends_it_cleanly_with_exit_code_0()
    {
        var errors = new StringWriter();
        var code = await BotRun.RunAsync(
            Args(),
            errors,
            builder =>
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(new ConsoleTerminal(new StringReader(""), TextWriter.Null)));
                builder.Services.AddHostedService<StoppedWhileStarting>();
            });

        Assert.Equal(0, code);
        Assert.Equal("", errors.ToString());
        // The store was closed on the way out: it opens again (its lock is free).
        using var store = new BotStore(Path.Combine(_folder, "bot-demo.db"));
        Assert.True(store.Units.Count() > 0);
    }

    [Fact]
    public async Task Input_that_ends_at_once_ends_the_console_chat_cleanly_with_no_failure_logged()
    {
        // `dotnet run < /dev/null`, or a service manager with no terminal: the console reads the end of its
        // input before the host has finished starting. That is a stop, not "Hosting failed to start".
        var logs = new CapturedLogs();
        var input = new EmptyInput();
        var errors = new StringWriter();
        var code = await BotRun.RunAsync(
            Args(),
            errors,
            builder =>
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(new ConsoleTerminal(input, TextWriter.Null)));
                builder.Logging.AddProvider(logs);
                // The services after the console start only once its input has ended, so the end always
                // arrives while the host is still starting, as it does on a loaded machine.
                var console = builder.Services.First(d => d.ImplementationType == typeof(ConsoleChannel));
                builder.Services.Insert(builder.Services.IndexOf(console) + 1,
                    ServiceDescriptor.Singleton<IHostedService>(sp => new StartsAfterTheInputEnded(input, sp.GetRequiredService<IHostApplicationLifetime>())));
            });

        Assert.Equal(0, code);
        Assert.Equal("", errors.ToString());
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error") || l.StartsWith("Critical") || l.StartsWith("Warning"));
    }

    /// <summary>
    /// The last service to start, where the stop arrives (a signal, or the console's input ending): it starts
    /// with a cancelled token and honours it, as Kestrel's bind of the web page does.
    /// </summary>
    private sealed class StoppedWhileStarting(IHostApplicationLifetime lifetime) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class EmptyInput : TextReader
    {
        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            Ended.TrySetResult();
            return ValueTask.FromResult<string?>(null);
        }

        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().Result;
    }

    /// <summary>Waits for the console's input to end, then for the stop it causes (or a second, if it waits for the start).</summary>
    private sealed class StartsAfterTheInputEnded(EmptyInput input, IHostApplicationLifetime lifetime) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await input.Ended.Task.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            var stopping = new TaskCompletionSource();
            using var _ = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            await Task.WhenAny(stopping.Task, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
