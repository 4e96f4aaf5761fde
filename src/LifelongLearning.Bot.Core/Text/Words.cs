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
}
