using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Cities;

/// <summary>
/// Reads every commune's stored units and answers into the tree, and rolls them up with Core's <see cref="RollUp"/>:
/// the same functions a commune's digest uses, so a figure means the same at the city.
/// </summary>
public sealed class CityFigures(BotStore store)
{
    /// <summary>
    /// Call under <see cref="BotStore.Read{T}"/>. The period the city's digest is about: the latest open round of any commune, else the one whose deadline
    /// came last; null when no commune has opened a round yet.
    /// </summary>
    public ReportingPeriod? LatestPeriod(CityPlan city)
    {
        var rounds = city.Communes.SelectMany(c => store.For(c.Code).Rounds.FindAll()).ToList();
        return rounds.OrderBy(r => r.Status == RoundStatus.Open ? 0 : 1).ThenByDescending(r => r.Deadline).FirstOrDefault()?.Period;
    }

    /// <summary>
    /// The city's figures for the period, with each commune's (down to the communes). Reads commune by commune, each
    /// under a read of its own, so a unit head's answer waits at most for one commune's read (a few milliseconds),
    /// not the whole city's (a second for 114 communes): call it outside the store's lock.
    /// </summary>
    /// <param name="zoneOf">the commune's time zone: lateness is judged on the commune's own calendar</param>
    public NodeFigures Of(CityPlan city, ReportingPeriod period, Func<string, TimeZoneInfo> zoneOf)
    {
        var units = new Dictionary<string, List<PlanUnit>>(StringComparer.Ordinal);
        var book = new AnswerBook();
        foreach (var commune in city.Communes)
            store.Read(() =>
            {
                units[commune.Code] = [.. store.For(commune.Code).Units.Find(u => u.Active).OrderBy(u => u.Id, StringComparer.Ordinal)
                    .Select(u => new PlanUnit(u.Id, u.Name, u.Kind, u.Area))];
                Fill(book, commune.Code, period, zoneOf(commune.Code));
            });
        return RollUp.Tree(Tree.City(city, c => units[c.Code]), period, book, NodeLevel.Commune);
    }

    // The period and the same period a year before (growth), and every yearly round (average growth since the base year).
    private void Fill(AnswerBook book, string communeCode, ReportingPeriod period, TimeZoneInfo zone)
    {
        var wanted = store.For(communeCode).Rounds.FindAll()
            .Where(r => r.Period == period || r.Period == period.YearBefore() || r.Kind == PeriodKind.Year);
        foreach (var round in wanted)
            foreach (var unit in store.AnswersOfRound(round.Id).ToEnumerable().Where(a => a.CommuneId == communeCode).GroupBy(a => a.UnitId))
            {
                var first = unit.Min(a => a.FirstConfirmedAt);
                var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(first, DateTimeKind.Utc)), zone);
                book.Add(round.Period, Tree.KeyOf(communeCode, unit.Key),
                    unit.ToDictionary(a => a.IndicatorCode, a => a.Value), Lateness.IsLate(local, round.Deadline));
            }
    }
}
