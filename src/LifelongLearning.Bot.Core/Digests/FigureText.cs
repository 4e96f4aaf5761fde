using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
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
        (f.UnitsCounted > 0 ? $"{f.UnitsYes}/{f.UnitsCounted} {f.Indicator.UnitNoun} có; " : "") + $"{f.UnitsCounted}/{f.UnitsExpected} đã báo cáo";

    /// <summary>
    /// The annex's and the spreadsheet's cell of units: for a share its own fraction and the coverage apart
    /// («2/4 thư viện có; 4/4 đã báo cáo»), as in the sentences; for a sum the units that reported («4/4»).
    /// </summary>
    public static string UnitsCell(IndicatorFigure f) =>
        f.Indicator.Aggregation.Kind == AggregationKind.ShareYes ? ShareBasis(f) : $"{f.UnitsCounted}/{f.UnitsExpected}";

    /// <summary>
    /// «đạt», «chưa đạt»; in a year before its target «đúng tiến độ», «chậm tiến độ» (2027 is not failed against
    /// 2030); too few answers: «chưa đủ số liệu để đánh giá (x/y đơn vị đã báo cáo)».
    /// </summary>
    public static string Verdict(IndicatorFigure f) => f.OnTrack switch
    {
        true => f.IsInterim ? "đúng tiến độ" : "đạt",
        false => f.IsInterim ? "chậm tiến độ" : "chưa đạt",
        _ => $"chưa đủ số liệu để đánh giá ({f.UnitsCounted}/{f.UnitsExpected} đơn vị đã báo cáo)",
    };

    /// <summary>For a share judged before its target's year: «mức cần đạt năm 2027 theo lộ trình đến năm 2030: 78%»; none without a verdict.</summary>
    public static string? PathMark(IndicatorFigure f) =>
        f.IsInterim && f.OnTrack is not null && f.Indicator.Aggregation.Kind == AggregationKind.ShareYes && f.Mark is { } m
            ? $"mức cần đạt năm {f.Period.Year} theo lộ trình đến năm {f.Target!.Year}: {VietnameseFormat.Percent(m)}"
            : null;

    /// <summary>«so với năm 2024», «so với 6 tháng đầu năm 2025»: the same period a year before, named as it is.</summary>
    public static string ComparedWith(ReportingPeriod period) => "so với " + Sentence.LowerFirst(period.YearBefore().Label);

    /// <summary>«cả hai năm» for yearly figures, «cả hai kỳ» for a half year, a quarter, a month.</summary>
    public static string InBoth(ReportingPeriod period) => period.Kind == PeriodKind.Year ? "cả hai năm" : "cả hai kỳ";

    /// <summary>«tăng 17,6%», «giảm 11,1%»: a fall is written as a fall, never as a negative rise.</summary>
    public static string Change(decimal percent) => $"{(percent >= 0 ? "tăng" : "giảm")} {VietnameseFormat.Percent(Math.Abs(percent))}";

    /// <summary>«tăng bình quân 10,5%/năm», «giảm bình quân 11,1%/năm».</summary>
    public static string AverageChange(decimal percent) =>
        $"{(percent >= 0 ? "tăng" : "giảm")} bình quân {VietnameseFormat.Percent(Math.Abs(percent))}/năm";

    /// <summary>«tăng 17,6% so với năm 2024 (tính trên 3 đơn vị có số liệu cả hai năm)»; null without a growth.</summary>
    public static string? GrowthPhrase(IndicatorFigure f) => f.Growth is { } g
        ? $"{Change(g.Percent)} {ComparedWith(f.Period)} ({Compared(g, InBoth(f.Period), f.Indicator.UnitOfMeasure)})"
        : null;

    /// <summary>«tăng bình quân 10,5%/năm từ năm 2020 (tính trên … cả năm 2020 và năm 2025)»; null without an average.</summary>
    public static string? AveragePhrase(IndicatorFigure f) => f.AverageGrowth is { } a && f.AverageBasis is { } b
        ? $"{AverageChange(a)} từ năm {f.AverageSince} ({Compared(b, $"cả năm {f.AverageSince} và năm {f.Period.Year}", f.Indicator.UnitOfMeasure)})"
        : null;

    /// <summary>
    /// Which units a growth compares: «tính trên 3 đơn vị có số liệu cả hai năm», and, when they are not all the
    /// units whose total is printed beside it, their own totals («: 1.700 → 2.000 lượt»).
    /// </summary>
    public static string Compared(Growth g, string inBoth, string? unitOfMeasure) =>
        $"tính trên {g.UnitsCompared} đơn vị có số liệu {inBoth}"
        + (g.UnitsChanged ? $": {VietnameseFormat.Number(g.Before)} → {VietnameseFormat.Number(g.Now)}{(unitOfMeasure is { } u ? " " + u : "")}" : "");
}
