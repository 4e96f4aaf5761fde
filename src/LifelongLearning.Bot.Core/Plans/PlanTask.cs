namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// A numbered part of the plan ("II.1 Tuyên truyền, phổ biến …"), under which the report writes its figures.
/// A task <see cref="PartOf"/> another is written as its "a)" sub-heading; <see cref="Placeholder"/> says what
/// only the officer can write there (the report marks it «[Cán bộ bổ sung: …]»).
/// </summary>
public sealed record PlanTask(string Code, string Title)
{
    public string? PartOf { get; init; }

    public string? Placeholder { get; init; }
}

/// <summary>A review the plan orders in a year ("sơ kết" in 2025, "tổng kết" in 2030).</summary>
public sealed record PlanReview(int Year, string Name);
