using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>Reads the store into the domain's digest inputs: who answered, and the commune figures, one commune at a time.</summary>
public sealed class Reports(BotStore store, CommuneClock clock, RoundService rounds)
{
    public Completeness CompletenessOf(Round round)
    {
        List<string> onTime = [], late = [], missing = [], unreachable = [];
        foreach (var unit in rounds.UnitsOf(round))
        {
            var first = FirstReportedAt(round, unit.Id);
            if (first is null) missing.Add(unit.Name);
            else if (!Lateness.IsLate(clock.ToLocal(first.Value), round.Deadline)) onTime.Add(unit.Name);
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

    public IReadOnlyList<IndicatorFigure> FiguresOf(Round round) => FiguresOf(round, YearlyFiguresByIndicator(round.CommuneId));

    /// <summary>The figures with the yearly sums the caller already has: the digest's text and chart share one reading.</summary>
    public IReadOnlyList<IndicatorFigure> FiguresOf(Round round, IReadOnlyDictionary<string, YearlyFigures> sums)
    {
        var now = UnitReports(round.CommuneId, round.Period);
        var before = UnitReports(round.CommuneId, round.Period.YearBefore());
        return [.. rounds.PlanOf(round).Indicators
            .Where(i => i.IsCollectedIn(round.Kind))
            .Select(i => FigureCalculator.Compute(i, round.Period, now, before, sums.GetValueOrDefault(i.Code)))];
    }

    /// <summary>Each active unit of the commune with what it answered in the commune's round of the period.</summary>
    public IReadOnlyList<UnitReport> UnitReports(string communeId, ReportingPeriod period)
    {
        var answers = store.AnswersOfRound(Round.IdOf(communeId, period)).ToEnumerable().ToLookup(a => a.UnitId);
        return [.. store.For(communeId).Units.Find(u => u.Active).OrderBy(u => u.Id).Select(u =>
            new UnitReport(u.Id, u.Name, u.Kind, answers[u.Id].ToDictionary(a => a.IndicatorCode, a => a.Value)))];
    }

    /// <summary>
    /// Each active unit's figure of the commune per indicator and year, from the yearly rounds (Core's <see cref="YearlyFigures.ByIndicator"/>,
    /// as the report): the chart's yearly totals, and the like-for-like growth the digest and the chart both take from Core.
    /// The active units only, as <see cref="UnitReports"/>, so the chart's growth is the text's. Only the yearly
    /// rounds' answers are read, each round by its id prefix: never the half-year rounds' or the whole collection.
    /// </summary>
    public Dictionary<string, YearlyFigures> YearlyFiguresByIndicator(string communeId)
    {
        var commune = store.For(communeId);
        var years = commune.Rounds.Find(r => r.Kind == PeriodKind.Year).ToDictionary(r => r.Id, r => r.Year);
        var active = commune.Units.Find(u => u.Active).Select(u => u.Id).ToHashSet();
        return YearlyFigures.ByIndicator(years.Keys.SelectMany(round => store.AnswersOfRound(round).ToEnumerable())
            .Select(a => (a.RoundId, a.UnitId, a.IndicatorCode, a.Value.Number)), years, active);
    }
}
