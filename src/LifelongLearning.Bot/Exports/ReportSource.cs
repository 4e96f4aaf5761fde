using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Exports;

/// <summary>Reads the store into a <see cref="Report"/>: the active units, the rounds, every answer with its revisions in local time.</summary>
public sealed class ReportSource(BotStore store, PlanHolder time)
{
    public Report Build(ExportScope scope)
    {
        var units = store.Units.Find(u => u.Active).Select(u => new ReportUnit(u.Id, u.Name, u.Kind)).ToList();
        var rounds = store.Rounds.FindAll().Select(r => new ReportRound(r.Period, r.DeadlineDay)).ToList();
        var answers = store.Answers.FindAll().Where(a => a.Revisions.Count > 0).Select(a => new ReportAnswer(a.RoundId, a.UnitId, a.IndicatorCode, a.Value,
            [.. a.Revisions.Select(r => new AnswerChange(r.Value, r.MemberName, r.Channel, time.ToLocal(r.At)))])).ToList();
        return ReportBuilder.Build(time.Plan, scope, new ReportInput(units, rounds, answers, time.Today));
    }
}
