namespace LifelongLearning.Bot.Core.Answers;

/// <summary>
/// How a person qualified a figure ("khoảng 300", "gần 41.500", "hơn 1.200", "trên 37.000"): librarians
/// report like that, so the word is kept with the number and printed wherever the figure appears.
/// </summary>
public enum Approximation
{
    /// <summary>«khoảng», «tầm», «chừng», «xấp xỉ», «ước tính», «~»: written «khoảng».</summary>
    About,

    /// <summary>«gần»: a little under.</summary>
    Nearly,

    /// <summary>«hơn»: a lower bound.</summary>
    MoreThan,

    /// <summary>«trên»: a lower bound, said as the person said it.</summary>
    Above,
}

/// <summary>
/// How many figures in a commune total were approximate, and whether all of those were lower bounds
/// («hơn», «trên»): then the total is «ít nhất» that much, otherwise «khoảng».
/// </summary>
public sealed record ApproximateTotal(int Units, bool AtLeast)
{
    /// <summary>Null when every value summed was exact.</summary>
    public static ApproximateTotal? Of(IEnumerable<AnswerValue> summed)
    {
        var approximate = summed.Where(v => v.Approximation is not null).ToList();
        return approximate.Count == 0 ? null
            : new(approximate.Count, approximate.All(v => v.Approximation is Approximation.MoreThan or Approximation.Above));
    }
}

/// <summary>The one place that words an approximate figure or a total containing one.</summary>
public static class ApproximateText
{
    public static string Word(Approximation a) => a switch
    {
        Approximation.Nearly => "gần",
        Approximation.MoreThan => "hơn",
        Approximation.Above => "trên",
        _ => "khoảng",
    };

    /// <summary>"gần 41.500 lượt" from "41.500 lượt".</summary>
    public static string Figure(string shown, Approximation? a) => a is { } x ? $"{Word(x)} {shown}" : shown;

    /// <summary>"khoảng 3.662 lượt" or "ít nhất 3.662 lượt" when the total holds an approximate value.</summary>
    public static string Total(string shown, ApproximateTotal? t) => t is null ? shown : $"{(t.AtLeast ? "ít nhất" : "khoảng")} {shown}";

    /// <summary>"trong đó 1 đơn vị báo số ước tính", for a note or a cell beside the total.</summary>
    public static string? Note(ApproximateTotal? t) => t is null ? null : $"trong đó {t.Units} đơn vị báo số ước tính";
}
