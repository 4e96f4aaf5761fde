namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// Who adopted the plan and who issues its reports. These change with administrative reforms (Quảng Nghiệp
/// was merged in 12/2024 and has been part of xã Tân Kỳ, thành phố Hải Phòng, since 1/7/2025), so they are
/// data: the commune block's own body signs the reports until the first of <see cref="LaterBodies"/> takes over.
/// </summary>
public sealed record Commune(
    string Name,
    string IssuingBody,
    string Place,
    string PlanNumber,
    DateOnly PlanDate,
    string PlanTitle,
    IReadOnlyList<string> ReportCopiesTo,
    string SignerTitle,
    string SignerName,
    IReadOnlyList<string> Areas)
{
    /// <summary>The symbol after the number of a report it issues: "BC-UBND" in "Số: …/BC-UBND".</summary>
    public string ReportSymbol { get; init; } = "BC-UBND";

    /// <summary>The national decision the plan carries out, cited first in a report ("Quyết định số 1520/QĐ-TTg …"); none when empty.</summary>
    public string? Programme { get; init; }

    /// <summary>The bodies that report after a reform, each from its first reporting year, in order.</summary>
    public IReadOnlyList<ReportingBody> LaterBodies { get; init; } = [];

    /// <summary>The body that signs the report on this year: the commune's own until a later body takes over.</summary>
    public ReportingBody BodyFor(int year) =>
        LaterBodies.LastOrDefault(b => b.FromYear <= year) ?? Original;

    /// <summary>The body that adopted the plan, as a reporting body.</summary>
    public ReportingBody Original => new(null, IssuingBody, Place, ReportCopiesTo, SignerTitle, SignerName, ReportSymbol);
}

/// <summary>
/// A body that issues the reports from <see cref="FromYear"/> on (null: the one that adopted the plan): its
/// heading, the place of the date line, "Nơi nhận" and the signature.
/// </summary>
public sealed record ReportingBody(
    int? FromYear,
    string IssuingBody,
    string Place,
    IReadOnlyList<string> ReportCopiesTo,
    string SignerTitle,
    string? SignerName,
    string ReportSymbol);
