using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Reporting;

/// <summary>What a report conversation needs to know about its round and unit.</summary>
public sealed record ReportContext(
    Plan Plan,
    string RoundLabel,
    string UnitName,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<string, AnswerValue> Previous,
    string? PreviousLabel)
{
    public Indicator Indicator(string code) => Indicators.First(i => i.Code == code);

    public AnswerValue? PreviousOf(string code) => Previous.GetValueOrDefault(code);
}

/// <summary>The replies to one message and, when the member confirmed, the figures to store.</summary>
public sealed record StepResult(IReadOnlyList<Conversations.Reply> Replies, IReadOnlyDictionary<string, AnswerValue>? Submitted = null);
