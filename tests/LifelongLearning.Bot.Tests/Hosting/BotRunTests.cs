using LifelongLearning.Bot.Channels.Console;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>How the bot's run ends, in the test's process: a stop is a stop whenever it comes.</summary>
public sealed class BotRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ctrl_C_or_SIGTERM_while_the_bot_is_still_starting_ends_it_cleanly_with_exit_code_0()
    {
        var database = Path.Combine(_folder, "bot.db");
        var errors = new StringWriter();
        var code = await BotRun.RunAsync(
            [
                $"--Storage:DatabasePath={database}",
                $"--Bot:PlanPath={Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json")}",
                "--Health:ListenUrl=http://127.0.0.1:0",
                "--Web:ListenUrl=http://127.0.0.1:0",
                $"--Backup:Folder={Path.Combine(_folder, "backups")}",
            ],
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
}
