namespace LifelongLearning.Bot.Core.Periods;

/// <summary>The administrative reporting periods of Nghị định 09/2019/NĐ-CP, Điều 12.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    HalfYear,
    NineMonths,
    Year,
}
