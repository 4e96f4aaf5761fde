using LifelongLearning.Bot.Channels.Console;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Console;

/// <summary>The terminal of the console demo: Ctrl+C does not wait for a line nobody is typing.</summary>
public sealed class ConsoleTerminalTests
{
    [Fact]
    public async Task A_stop_ends_a_read_at_once_although_Console_In_reads_synchronously()
    {
        using var keyboard = new IdleKeyboard();
        // Console.In is a synchronised reader: its ReadLineAsync reads on the calling thread.
        var terminal = new ConsoleTerminal(TextReader.Synchronized(keyboard), TextWriter.Null);
        using var stop = new CancellationTokenSource();

        var reading = Task.Run(() => terminal.ReadLineAsync(stop.Token));
        Assert.True(keyboard.Reading.Wait(TimeSpan.FromSeconds(30)), "the terminal never read");
        stop.Cancel();

        // Generous: the read must end because of the stop, not because a line came (none comes until dispose).
        var first = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(first == reading, "the read still waits for a line after the stop");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    /// <summary>A keyboard nobody types on: a read waits until the test ends.</summary>
    private sealed class IdleKeyboard : TextReader
    {
        private readonly ManualResetEventSlim _closed = new();

        public ManualResetEventSlim Reading { get; } = new();

        public override string? ReadLine()
        {
            Reading.Set();
            _closed.Wait();
            return null;
        }

        protected override void Dispose(bool disposing)
        {
            _closed.Set();
            base.Dispose(disposing);
        }
    }
}
