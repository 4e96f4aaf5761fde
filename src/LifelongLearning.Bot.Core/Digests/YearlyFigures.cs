using LifelongLearning.Bot.Core.Numbers;

namespace LifelongLearning.Bot.Core.Digests;

/// <summary>
/// Each unit's figure of one indicator in each yearly round (year → unit → figure). Kept unit by unit, not
/// as sums, because growth between two years is made over the units that reported in both.
/// </summary>
public sealed class YearlyFigures
{
    private static readonly IReadOnlyDictionary<string, decimal> None = new Dictionary<string, decimal>();
    private readonly IReadOnlyDictionary<int, IReadOnlyDictionary<string, decimal>> _byYear;

    public YearlyFigures(IReadOnlyDictionary<int, IReadOnlyDictionary<string, decimal>> byYear) => _byYear = byYear;

    public static YearlyFigures Of(IEnumerable<(int Year, string UnitId, decimal Figure)> figures) =>
        new(figures.GroupBy(f => f.Year).ToDictionary(y => y.Key,
            y => (IReadOnlyDictionary<string, decimal>)y.GroupBy(f => f.UnitId).ToDictionary(u => u.Key, u => u.Last().Figure)));

    /// <summary>
    /// Each indicator's figures over the yearly rounds, from every confirmed number of the given units: what the
    /// digest's chart and growth (over the active units) and the report (over its units) both read.
    /// </summary>
    /// <param name="yearOfRound">The yearly rounds that exist, by period code, with their year.</param>
    public static Dictionary<string, YearlyFigures> ByIndicator(
        IEnumerable<(string PeriodCode, string UnitId, string IndicatorCode, decimal? Number)> answers,
        IReadOnlyDictionary<string, int> yearOfRound, IReadOnlySet<string> units) =>
        answers.Where(a => a.Number is not null && yearOfRound.ContainsKey(a.PeriodCode) && units.Contains(a.UnitId))
            .GroupBy(a => a.IndicatorCode)
            .ToDictionary(g => g.Key, g => Of(g.Select(a => (yearOfRound[a.PeriodCode], a.UnitId, a.Number!.Value))));

    public IReadOnlyCollection<int> Years => [.. _byYear.Keys.Order()];

    /// <summary>The units' figures in a year; empty when nobody reported it.</summary>
    public IReadOnlyDictionary<string, decimal> In(int year) => _byYear.GetValueOrDefault(year) ?? None;

    /// <summary>The commune total of a year over every unit that reported it; null when none did.</summary>
    public decimal? Total(int year) => In(year) is { Count: > 0 } units ? Saturating.Sum(units.Values) : null;
}
