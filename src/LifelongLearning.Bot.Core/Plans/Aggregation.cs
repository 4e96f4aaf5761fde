namespace LifelongLearning.Bot.Core.Plans;

public enum AggregationKind
{
    /// <summary>The share of units whose last confirmed answer is "có".</summary>
    ShareYes,

    /// <summary>The sum over the units that gave a figure.</summary>
    Sum,
}

/// <summary>
/// How the commune figure of an indicator is made from the units' answers.
/// <see cref="RequiredYes"/> names unit kinds that must all answer "có" for the target to be met
/// (the plan says "thư viện xã, 70% thư viện cơ sở giáo dục và cơ sở khác": the commune library is not
/// part of the share, it simply must offer the service).
/// </summary>
public sealed record Aggregation(AggregationKind Kind, IReadOnlyList<string> ShareOf, IReadOnlyList<string> RequiredYes);
