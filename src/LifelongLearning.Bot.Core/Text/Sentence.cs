namespace LifelongLearning.Bot.Core.Text;

/// <summary>A label put at the start of a sentence or inside one ("Năm 2025" / "năm 2025"); only the first letter changes.</summary>
public static class Sentence
{
    public static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
