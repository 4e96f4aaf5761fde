using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Core.Exports;

// What the store holds, in the domain's words, for building a report. The host reads its LiteDB store
// into these; Core does not know where they come from.

/// <summary>Everything the report is built from: units, rounds that exist, and every confirmed answer with its history.</summary>
public sealed record ReportInput(
    IReadOnlyList<ReportUnit> Units,
    IReadOnlyList<ReportRound> Rounds,
    IReadOnlyList<ReportAnswer> Answers,
    DateOnly Today);

public sealed record ReportUnit(string Id, string Name, string Kind);

/// <summary>A round that was opened, with its deadline (local day) — a period without one was never asked for.</summary>
public sealed record ReportRound(ReportingPeriod Period, DateOnly Deadline);

/// <summary>A unit's confirmed answer in a round and its revisions, oldest first.</summary>
public sealed record ReportAnswer(string PeriodCode, string UnitId, string IndicatorCode, AnswerValue Value, IReadOnlyList<AnswerChange> Revisions)
{
    /// <summary>When the unit first confirmed this figure, in the commune's local time.</summary>
    public DateTimeOffset FirstConfirmedAt => Revisions[0].At;
}

/// <summary>One revision: the value set, by whom, through which channel ("telegram", "zalo"), when (local time).</summary>
public sealed record AnswerChange(AnswerValue Value, string By, string Channel, DateTimeOffset At);
