using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>Reads the store into the domain's digest inputs: who answered, and the commune figures.</summary>
public sealed class Reports(BotStore store, Plan plan, CommuneClock clock, RoundService rounds)
{
    public Completeness CompletenessOf(Round round)
    {
        var deadlineEnd = clock.ToUtc(round.DeadlineDay.AddDays(1), TimeOnly.MinValue);
        List<string> onTime = [], late = [], missing = [], unreachable = [];
        foreach (var unit in rounds.UnitsOf(round))
        {
            var first = FirstReportedAt(round, unit.Id);
            if (first is null) missing.Add(unit.Name);
            else if (first < deadlineEnd) onTime.Add(unit.Name);
            else late.Add(unit.Name);
            // Named person by person: the officials phone that person, and a unit may have a reachable second reporter.
            if (first is null)
                unreachable.AddRange(rounds.ReportersOf(unit.Id).Where(m => !HasReachableAccount(m.Id)).Select(m => $"{m.Name} ({unit.Name})"));
        }
        return new Completeness(onTime.Count + late.Count + missing.Count, onTime, late, missing, unreachable);
    }

    /// <summary>When the unit first confirmed its report of the round (on time or late is judged on this); null if not yet.</summary>
    public DateTime? FirstReportedAt(Round round, string unitId) =>
        store.AnswersOf(round.Id, unitId).ToEnumerable().Select(a => (DateTime?)a.FirstConfirmedAt).Min();

    /// <summary>A unit is reachable when one of its reporters has an account the platform has not refused.</summary>
    public bool IsReachable(string unitId) => rounds.ReportersOf(unitId).Any(m => HasReachableAccount(m.Id));

    private bool HasReachableAccount(string memberId) => store.Accounts.Exists(a => a.MemberId == memberId && a.UnreachableReason == null);

    public IReadOnlyList<IndicatorFigure> FiguresOf(Round round)
    {
        var now = UnitReports(round.Period);
        var before = UnitReports(round.Period.YearBefore());
        var sums = YearlySums();
        return [.. plan.Indicators
            .Where(i => i.IsCollectedIn(round.Kind))
            .Select(i => FigureCalculator.Compute(i, round.Period, now, before, sums.GetValueOrDefault(i.Code)))];
    }

    public IReadOnlyList<UnitReport> UnitReports(ReportingPeriod period)
    {
        var answers = store.Answers.Find(a => a.RoundId == period.Code).ToLookup(a => a.UnitId);
        return [.. store.Units.Find(u => u.Active).OrderBy(u => u.Id).Select(u =>
            new UnitReport(u.Id, u.Name, u.Kind, answers[u.Id].ToDictionary(a => a.IndicatorCode, a => a.Value)))];
    }

    /// <summary>
    /// Each active unit's figure per indicator and year, from the yearly rounds: the chart's yearly totals, and the
    /// like-for-like growth (over the units in both years) the digest and the chart both take from Core.
    /// The active units only, as <see cref="UnitReports"/>, so the chart's growth is the text's.
    /// </summary>
    public Dictionary<string, YearlyFigures> YearlySums()
    {
        var years = store.Rounds.Find(r => r.Kind == PeriodKind.Year).ToDictionary(r => r.Id, r => r.Year);
        var active = store.Units.Find(u => u.Active).Select(u => u.Id).ToHashSet();
        return store.Answers.FindAll().Where(a => a.Value.Number != null && years.ContainsKey(a.RoundId) && active.Contains(a.UnitId))
            .GroupBy(a => a.IndicatorCode)
            .ToDictionary(g => g.Key, g => YearlyFigures.Of(g.Select(a => (years[a.RoundId], a.UnitId, a.Value.Number!.Value))));
    }
}
