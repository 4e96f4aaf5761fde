using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// Reads one commune's part of the store into a <see cref="Report"/> on that commune's plan: its active units, its
/// rounds, every answer with its revisions in local time.
/// </summary>
public sealed class ReportSource(BotStore store, CommuneDirectory communes, CommuneClock clock)
{
    public Report Build(ExportScope scope, string communeId)
    {
        var commune = store.For(communeId);
        var units = commune.Units.Find(u => u.Active).Select(u => new ReportUnit(u.Id, u.Name, u.Kind)).ToList();
        var stored = commune.Rounds.FindAll().ToList();
        var rounds = stored.Select(r => new ReportRound(r.Period, r.Deadline)).ToList();
        // The report knows rounds by their period; a round id also names its commune outside the shipped one (Round.IdOf).
        var periodOf = stored.ToDictionary(r => r.Id, r => r.Period.Code);
        var answers = commune.Answers.FindAll().Where(a => a.Revisions.Count > 0 && periodOf.ContainsKey(a.RoundId))
            .Select(a => new ReportAnswer(periodOf[a.RoundId], a.UnitId, a.IndicatorCode, a.Value,
                [.. a.Revisions.Select(r => new AnswerChange(r.Value, r.MemberName, r.Channel, clock.ToLocal(r.At)))])).ToList();
        return ReportBuilder.Build(communes.PlanOf(communeId), scope, new ReportInput(units, rounds, answers, clock.Today));
    }
}
