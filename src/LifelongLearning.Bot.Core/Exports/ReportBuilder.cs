using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Exports;

/// <summary>Builds a <see cref="Report"/> from the store's contents, with the same figures the digests use.</summary>
public static class ReportBuilder
{
    public static Report Build(Plan plan, ExportScope scope, ReportInput input)
    {
        scope = scope.Under(plan);
        var answers = input.Answers.ToLookup(a => a.PeriodCode);
        var rounds = input.Rounds.ToDictionary(r => r.Period.Code);
        var kind = scope.Main.Kind;
        var indicators = plan.Indicators.Where(i => i.IsCollectedIn(kind)).ToList();

        var yearly = Yearly(input);
        var series = indicators.Select(i => new IndicatorSeries(i, [.. scope.Periods.Select(p =>
            FigureCalculator.Compute(i, p, UnitReports(input, answers[p.Code]), UnitReports(input, answers[p.YearBefore().Code]),
                yearly.GetValueOrDefault(i.Code)))])).ToList();

        var tables = plan.UnitKinds
            .Select(k => (Kind: k, Indicators: plan.IndicatorsFor(k.Code, kind), Units: input.Units.Where(u => u.Kind == k.Code).OrderBy(u => u.Id).ToList()))
            .Where(t => t.Indicators.Count > 0 && t.Units.Count > 0)
            .Select(t => new UnitKindTable(t.Kind, t.Indicators, [.. t.Units.SelectMany(u => scope.Periods.Select(p =>
            {
                var given = answers[p.Code].Where(a => a.UnitId == u.Id).ToDictionary(a => a.IndicatorCode);
                return new UnitRow(p, u.Id, u.Name, [.. t.Indicators.Select(i =>
                    given.GetValueOrDefault(i.Code)?.Value is { IsMissing: false } v ? v : null)]);
            }))]))
            .ToList();

        var completeness = scope.Periods.Select(p => Completeness(plan, p, rounds.GetValueOrDefault(p.Code), input.Units, answers[p.Code])).ToList();

        var names = input.Units.ToDictionary(u => u.Id, u => u.Name);
        var inScope = scope.Periods.SelectMany(p => answers[p.Code].Select(a => (Period: p, Answer: a, Indicator: plan.FindIndicator(a.IndicatorCode))))
            .Where(x => x.Indicator is not null && names.ContainsKey(x.Answer.UnitId))
            .OrderBy(x => x.Period.Code).ThenBy(x => x.Answer.UnitId).ThenBy(x => plan.Indicators.ToList().IndexOf(x.Indicator!))
            .ToList();
        var revisions = inScope
            .SelectMany(x => x.Answer.Revisions.Skip(1).Select((r, i) => new RevisionRow(x.Period, x.Answer.UnitId, names[x.Answer.UnitId],
                x.Indicator!, x.Answer.Revisions[i].Value, r.Value, r.By, r.Channel, r.At)))
            .OrderBy(r => r.At).ToList();
        var raw = inScope.Select(x => new RawAnswerRow(x.Period, x.Answer.UnitId, names[x.Answer.UnitId], x.Indicator!, x.Answer.Value,
            x.Answer.FirstConfirmedAt, x.Answer.Revisions[^1].At, x.Answer.Revisions[^1].By, x.Answer.Revisions[^1].Channel,
            x.Answer.Revisions.Count)).ToList();

        return new Report(plan, scope, input.Today, series, tables, completeness, revisions, raw);
    }

    private static List<UnitReport> UnitReports(ReportInput input, IEnumerable<ReportAnswer> answers)
    {
        var byUnit = answers.ToLookup(a => a.UnitId);
        return [.. input.Units.OrderBy(u => u.Id).Select(u =>
            new UnitReport(u.Id, u.Name, u.Kind, byUnit[u.Id].ToDictionary(a => a.IndicatorCode, a => a.Value)))];
    }

    /// <summary>Each unit's figure per indicator and year over the yearly rounds, for the average growth since the base year.</summary>
    private static Dictionary<string, YearlyFigures> Yearly(ReportInput input)
    {
        var years = input.Rounds.Where(r => r.Period.Kind == PeriodKind.Year).ToDictionary(r => r.Period.Code, r => r.Period.Year);
        return YearlyFigures.ByIndicator(input.Answers.Select(a => (a.PeriodCode, a.UnitId, a.IndicatorCode, a.Value.Number)),
            years, input.Units.Select(u => u.Id).ToHashSet());
    }

    /// <summary>A unit is late as <see cref="Lateness"/> says.</summary>
    private static PeriodCompleteness Completeness(Plan plan, ReportingPeriod period, ReportRound? round, IReadOnlyList<ReportUnit> units,
        IEnumerable<ReportAnswer> answers)
    {
        var first = answers.GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.MinBy(a => a.FirstConfirmedAt)!);
        var rows = units.Where(u => plan.IndicatorsFor(u.Kind, period.Kind).Count > 0).OrderBy(u => u.Id).Select(u =>
        {
            var kindName = plan.FindUnitKind(u.Kind)?.Name ?? u.Kind;
            if (!first.TryGetValue(u.Id, out var a)) return new UnitCompleteness(u.Id, u.Name, kindName, null, null, null, false);
            var at = a.FirstConfirmedAt;
            var late = round is not null && Lateness.IsLate(at, round.Deadline);
            return new UnitCompleteness(u.Id, u.Name, kindName, at, a.Revisions[0].By, a.Revisions[0].Channel, late);
        }).ToList();
        return new PeriodCompleteness(period, round?.Deadline, rows);
    }
}
