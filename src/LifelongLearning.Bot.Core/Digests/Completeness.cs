namespace LifelongLearning.Bot.Core.Digests;

/// <summary>Who has reported in a round: on time, late, still missing (units), and the people of missing units no channel reaches.</summary>
public sealed record Completeness(
    int Expected,
    IReadOnlyList<string> OnTime,
    IReadOnlyList<string> Late,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unreachable)
{
    public int Answered => OnTime.Count + Late.Count;
}
