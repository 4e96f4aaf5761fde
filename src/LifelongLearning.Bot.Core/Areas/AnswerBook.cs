using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Core.Areas;

/// <summary>What one unit gave in one period: its last confirmed answers, and whether its first came after the deadline.</summary>
public sealed record UnitRound(IReadOnlyDictionary<string, AnswerValue> Answers, bool Late);

/// <summary>
/// The answers the roll-up reads, by period and unit key ("tan-ky/TV-XA"). A unit absent from a period has not
/// reported in it. Filled from the store by an adapter, or seeded in memory by the benchmark.
/// </summary>
public sealed class AnswerBook
{
    private readonly Dictionary<ReportingPeriod, Dictionary<string, UnitRound>> _periods = [];

    public void Add(ReportingPeriod period, string unitKey, IReadOnlyDictionary<string, AnswerValue> answers, bool late = false)
    {
        if (!_periods.TryGetValue(period, out var units)) _periods[period] = units = new(StringComparer.Ordinal);
        units[unitKey] = new UnitRound(answers, late);
    }

    public UnitRound? Find(ReportingPeriod period, string unitKey) =>
        _periods.TryGetValue(period, out var units) ? units.GetValueOrDefault(unitKey) : null;

    /// <summary>The periods of this kind the book holds any answer for (yearly rounds, for average growth).</summary>
    public IEnumerable<ReportingPeriod> PeriodsOf(PeriodKind kind) => _periods.Keys.Where(p => p.Kind == kind);
}
