using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Engine;

/// <summary>"Who is it for?": the whole commune or one of its villages, asked the same way by /thongbao and /sukien.</summary>
public static class AreaChoice
{
    public static List<Choice> Choices(Commune commune) =>
        [new Choice("Cả xã", "cả xã"), .. commune.Areas.Select(a => new Choice(a, a))];

    /// <summary>True when the text names a village (<paramref name="area"/>) or the whole commune (null).</summary>
    public static bool TryParse(Commune commune, string text, out string? area)
    {
        var folded = Words.Fold(text);
        area = commune.Areas.FirstOrDefault(a => Words.Fold(a) == folded);
        return area is not null || folded is "ca xa" or "tat ca";
    }
}
