using System.Text.RegularExpressions;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Reporting;

/// <summary>
/// The form in one message, for reporters who know it: "TV-LUOT 1.250; TV-HTSD có". Items are split by
/// semicolons or line breaks (never commas: a comma is the decimal mark).
/// </summary>
public static partial class BulkForm
{
    public sealed record Item(string Code, string RawValue);

    /// <summary>The items, or null when the message does not start with an indicator code.</summary>
    public static IReadOnlyList<Item>? TryRead(string text, Plan plan)
    {
        var parts = text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var items = new List<Item>();
        foreach (var part in parts)
        {
            var match = ItemPattern().Match(part);
            if (!match.Success) return items.Count == 0 ? null : [.. items, new Item("", part)];
            var code = plan.FindIndicator(match.Groups["code"].Value)?.Code ?? match.Groups["code"].Value.ToUpperInvariant();
            if (items.Count == 0 && plan.FindIndicator(code) is null) return null;
            items.Add(new Item(code, match.Groups["value"].Value.Trim()));
        }
        return items.Count == 0 ? null : items;
    }

    [GeneratedRegex(@"^(?<code>[A-Za-z]{2,}(?:-[A-Za-z0-9]+)+)\s*[:=]?\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPattern();
}
