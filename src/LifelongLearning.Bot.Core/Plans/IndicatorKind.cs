namespace LifelongLearning.Bot.Core.Plans;

public enum IndicatorKind
{
    /// <summary>có / không.</summary>
    YesNo,

    /// <summary>A whole number of things or people: lượt, buổi, người, cuốn.</summary>
    Count,

    /// <summary>Đồng, whole.</summary>
    Money,

    /// <summary>0–100.</summary>
    Percentage,
}
