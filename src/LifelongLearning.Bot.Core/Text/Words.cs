using System.Globalization;
using System.Text;

namespace LifelongLearning.Bot.Core.Text;

/// <summary>Compares what people type without caring for accents or case: "Bỏ qua", "bo qua", "BO QUA".</summary>
public static class Words
{
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return string.Join(' ', sb.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Whether someone typing <paramref name="text"/> means <paramref name="name"/>: the same words folded, or the
    /// name without its first word, the kind of place people leave out («Hòa Bình» for «Xã Hòa Bình», «tây» for «Thôn Tây»).
    /// </summary>
    public static bool Names(string name, string text)
    {
        var typed = Fold(text);
        if (typed.Length == 0) return false;
        var folded = Fold(name);
        return folded == typed || (folded.IndexOf(' ') is var space and >= 0 && folded[(space + 1)..] == typed);
    }
}
