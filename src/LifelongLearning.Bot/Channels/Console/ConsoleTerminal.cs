using LifelongLearning.Bot.Engine;

namespace LifelongLearning.Bot.Channels.Console;

/// <summary>The terminal both console parts share: who is typing now, and writing without tearing lines.</summary>
public sealed class ConsoleTerminal(TextReader input, TextWriter output)
{
    private readonly Lock _gate = new();

    public ChatPerson Current { get; private set; } = new("lan", "Chị Lan", "cán bộ theo dõi");

    public void Intro(IReadOnlyList<ChatPerson> people)
    {
        Write("""
              ════════════════════════════════════════════════════════════
               LifelongLearning.Bot — trò chuyện thử trên màn hình
               Không có mã Telegram/Zalo nên bot chạy ở chế độ thử với xã mẫu.
               Gõ tin như trong ứng dụng chat. /la để đổi người, /trogiup để xem lệnh.
               Thoát: Ctrl+C.
              ════════════════════════════════════════════════════════════
              """);
        ListPeople(people);
        var first = people.FirstOrDefault(p => p.ChatId == Current.ChatId) ?? people[0];
        SwitchTo(first);
    }

    public void ListPeople(IReadOnlyList<ChatPerson> people)
    {
        var lines = people.Select((p, i) => $"  {i + 1}. {p.Name} — {p.Description}");
        Write("Anh/chị có thể đóng vai:\n" + string.Join("\n", lines) + "\nGõ /la SỐ để đổi, ví dụ /la 2.");
    }

    public void SwitchTo(ChatPerson person)
    {
        Current = person;
        Write($"➜ Bây giờ anh/chị là {person.Name} ({person.Description}).");
    }

    public async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        lock (_gate) output.Write($"[{Current.Name}] > ");
        await output.FlushAsync(ct);
        // Console.In is synchronised: its ReadLineAsync reads on the calling thread and returns only with a line,
        // so a WaitAsync after it never ran and every stop waited out the host's whole shutdown timeout (4 s) on a
        // read nobody would finish. The read starts on a thread of its own; a stop leaves it there and ends the loop now.
        var read = Task.Factory.StartNew(() => input.ReadLineAsync(ct).AsTask(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        return await read.WaitAsync(ct);
    }

    public void ShowBotMessage(string chatId, string recipientName, string text)
    {
        var header = chatId == Current.ChatId ? "🤖 Bot:" : $"🤖 Bot → {recipientName}:";
        Write($"{header}\n{Indent(text)}");
    }

    /// <summary>A line from the program itself, not from the bot (the web page's sign-in link).</summary>
    public void Note(string text) => Write($"ℹ️ {text}");

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "   " + l));

    private void Write(string text)
    {
        lock (_gate)
        {
            output.WriteLine();
            output.WriteLine(text);
            output.Flush();
        }
    }
}
