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
}
