namespace LifelongLearning.Bot.Core.Text;

/// <summary>
/// Splits a long text into messages a platform accepts (Telegram 4096, Zalo 2000 characters), at line
/// ends, never inside a word or a number, and numbers the parts "(1/3)".
/// </summary>
public static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        if (text.Length <= limit) return [text];
        const int suffixRoom = 10; // " (12/34)"
        var room = limit - suffixRoom;
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            foreach (var piece in Fit(line, room))
            {
                if (current.Length > 0 && current.Length + 1 + piece.Length > room)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
                if (current.Length > 0) current.Append('\n');
                current.Append(piece);
            }
        }
        if (current.Length > 0) parts.Add(current.ToString());
        return [.. parts.Select((p, i) => $"{p}\n({i + 1}/{parts.Count})")];
    }

    // A single line longer than a message is cut at spaces; a word longer than a message (2,100 emoji sent
    // as one command) is cut between text elements: a cut inside a surrogate pair makes a string LiteDB
    // refuses to store and the platform refuses to send.
    private static IEnumerable<string> Fit(string line, int room)
    {
        while (line.Length > room)
        {
            var cut = line.LastIndexOf(' ', room);
            if (cut <= 0) cut = TextElements.CutAt(line, room);
            yield return line[..cut];
            line = line[cut..].TrimStart();
        }
        yield return line;
    }
}
