using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Channels.Console;

/// <summary>
/// A chat in the terminal, for trying the bot without any token: type as one of the demo people,
/// switch with /la, and read what the bot answers. It is only another channel of the same engine.
/// </summary>
public sealed class ConsoleChannel(BotEngine engine, ConsoleTerminal terminal, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    public const string Name = "console";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        terminal.Intro(People());
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await terminal.ReadLineAsync(stoppingToken);
            if (line is null)
            {
                // End of input (Ctrl+D, or no terminal at all): stop the program instead of spinning. A stop
                // asked while the host is still starting cancels the services after this one and is logged
                // as a failed start, so it waits for the start to finish.
                await Started(stoppingToken);
                lifetime.StopApplication();
                return;
            }
            if (line.Trim().Length == 0) continue;
            if (SwitchPerson(line)) continue;
            var me = terminal.Current;
            // A typed line is never delivered twice, so any unique key will do.
            engine.Handle(new IncomingMessage(Name, me.ChatId, me.Name, line, $"{Name}:{Guid.NewGuid():N}"));
        }
    }

    private async Task Started(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    private bool SwitchPerson(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith("/la", StringComparison.OrdinalIgnoreCase) || (text.Length > 3 && text[3] != ' ')) return false;
        var people = People();
        var arg = text.Length > 3 ? text[4..].Trim() : "";
        var pick = int.TryParse(arg, out var n) && n >= 1 && n <= people.Count ? people[n - 1] : null;
        if (pick is null) terminal.ListPeople(people);
        else terminal.SwitchTo(pick);
        return true;
    }

    private List<ChatPerson> People() => [.. engine.PeopleOn(Name), new ChatPerson("khach", "Khách mới", "người lạ, chưa đăng ký")];
}
