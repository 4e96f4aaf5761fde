namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// Who issues the plan and its reports. These change with administrative reforms (the 2025 merger moved
/// Quảng Nghiệp into a larger commune and abolished the district), so they are data.
/// </summary>
public sealed record Commune(
    string Name,
    string IssuingBody,
    string Place,
    string PlanNumber,
    DateOnly PlanDate,
    string PlanTitle,
    string ReportRecipient,
    IReadOnlyList<string> ReportCopiesTo,
    string SignerTitle,
    string SignerName,
    IReadOnlyList<string> Areas)
{
    /// <summary>The symbol after the number of a report it issues: "BC-UBND" in "Số: …/BC-UBND".</summary>
    public string ReportSymbol { get; init; } = "BC-UBND";
}
