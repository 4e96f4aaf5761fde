using LifelongLearning.Bot.Core.Answers;

namespace LifelongLearning.Bot.Core.Digests;

/// <summary>A unit and its last confirmed answers for one period (empty when it has not reported).</summary>
public sealed record UnitReport(string UnitId, string UnitName, string Kind, IReadOnlyDictionary<string, AnswerValue> Answers)
{
    public bool HasReported => Answers.Count > 0;
}
