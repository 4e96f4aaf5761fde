using System.Globalization;

namespace LifelongLearning.Bot.Core.Text;

/// <summary>
/// What a person typed, as a reply shows it back: at most a few dozen characters, cut between whole
/// characters (never inside an emoji's surrogate pair) and ended with «…». A 5,000-character command quoted
/// whole would push the reply past the platform's limit and drown the sentence that explains the problem.
/// </summary>
public static class Quote
{
    public const int MaxLength = 40;

    public static string Short(string? text, int max = MaxLength)
    {
        text = (text ?? "").Trim();
        if (text.Length <= max) return text;
        return text[..TextElements.CutAt(text, max - 1)].TrimEnd() + "…";
    }
}

/// <summary>Cuts between text elements (what a person sees as one character), never inside a surrogate pair.</summary>
public static class TextElements
{
    /// <summary>The largest UTF-16 index at most <paramref name="max"/> that starts a text element; at least one element in.</summary>
    public static int CutAt(string text, int max)
    {
        if (text.Length <= max) return text.Length;
        var cut = 0;
        while (cut < text.Length)
        {
            var next = cut + StringInfo.GetNextTextElementLength(text, cut);
            if (next > max) break;
            cut = next;
        }
        // One element longer than the room (a run of combining marks): cut at a code point, still never in a pair.
        if (cut == 0) cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return Math.Max(cut, 1);
    }

    /// <summary>
    /// The text with every unpaired surrogate replaced by U+FFFD: a platform may hand one over (a JSON «\ud83d»
    /// alone), and LiteDB refuses to store it, which would turn a person's message into the engine's apology.
    /// </summary>
    public static string Repair(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            var chars = text.ToCharArray();
            for (var j = i; j < chars.Length; j++)
            {
                if (!char.IsSurrogate(chars[j])) continue;
                if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1])) { j++; continue; }
                chars[j] = '\uFFFD';
            }
            return new string(chars);
        }
        return text;
    }
}
