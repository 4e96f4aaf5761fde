using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Exports;

/// <summary>Reads the store into a <see cref="Report"/>: the active units, the rounds, every answer with its revisions in local time.</summary>
public sealed class ReportSource(BotStore store, Plan plan, CommuneClock clock)
{
    public Report Build(ExportScope scope)
    {
        var units = store.Units.Find(u => u.Active).Select(u => new ReportUnit(u.Id, u.Name, u.Kind)).ToList();
        var rounds = store.Rounds.FindAll().Select(r => new ReportRound(r.Period, r.DeadlineDay)).ToList();
        var answers = store.Answers.FindAll().Where(a => a.Revisions.Count > 0).Select(a => new ReportAnswer(a.RoundId, a.UnitId, a.IndicatorCode, a.Value,
            [.. a.Revisions.Select(r => new AnswerChange(r.Value, r.MemberName, r.Channel, clock.ToLocal(r.At)))])).ToList();
        return ReportBuilder.Build(plan, scope, new ReportInput(units, rounds, answers, clock.Today));
    }
}
