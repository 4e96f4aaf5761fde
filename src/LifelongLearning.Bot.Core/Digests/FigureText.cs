using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Digests;

/// <summary>
/// The phrases that say what a commune figure rests on, written once so the digest, the report and the
/// web page word it alike.
/// </summary>
public static class FigureText
{
    /// <summary>
    /// «2/4 thư viện có; 4/4 đã báo cáo»: first the count the percentage is made of, then, apart, how many of
    /// the units that must report it have reported. «50% (4/4 đơn vị báo cáo)» read as 100%.
    /// </summary>
    public static string ShareBasis(IndicatorFigure f) =>
        $"{f.UnitsYes}/{f.UnitsCounted} {f.Indicator.UnitNoun} có; {f.UnitsCounted}/{f.UnitsExpected} đã báo cáo";

    /// <summary>«tăng 17,6%», «giảm 11,1%»: a fall is written as a fall, never as a negative rise.</summary>
    public static string Change(decimal percent) => $"{(percent >= 0 ? "tăng" : "giảm")} {VietnameseFormat.Percent(Math.Abs(percent))}";

    /// <summary>«tăng bình quân 10,5%/năm», «giảm bình quân 11,1%/năm».</summary>
    public static string AverageChange(decimal percent) =>
        $"{(percent >= 0 ? "tăng" : "giảm")} bình quân {VietnameseFormat.Percent(Math.Abs(percent))}/năm";

    /// <summary>
    /// Which units a growth compares: «tính trên 3 đơn vị có số liệu cả hai năm», and, when they are not all the
    /// units whose total is printed beside it, their own totals («: 1.700 → 2.000 lượt»).
    /// </summary>
    public static string Compared(Growth g, string inBoth, string? unitOfMeasure) =>
        $"tính trên {g.UnitsCompared} đơn vị có số liệu {inBoth}"
        + (g.UnitsChanged ? $": {VietnameseFormat.Number(g.Before)} → {VietnameseFormat.Number(g.Now)}{(unitOfMeasure is { } u ? " " + u : "")}" : "");
}
