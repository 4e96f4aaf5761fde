namespace LifelongLearning.Bot.Core.Numbers;

/// <summary>
/// Decimal arithmetic that stops at decimal's limits instead of throwing. A store kept for years may hold a
/// figure accepted before a plausible maximum existed (decimal.MaxValue was once accepted as «lượt»); a sum
/// over it must still give the officials a digest, a report and a working calendar, not an OverflowException.
/// </summary>
public static class Saturating
{
    public static decimal Add(decimal a, decimal b)
    {
        if (b > 0 && a > decimal.MaxValue - b) return decimal.MaxValue;
        if (b < 0 && a < decimal.MinValue - b) return decimal.MinValue;
        return a + b;
    }

    public static decimal Sum(IEnumerable<decimal> values) => values.Aggregate(0m, Add);

    public static decimal Sum<T>(IEnumerable<T> items, Func<T, decimal> value) => Sum(items.Select(value));

    public static decimal Multiply(decimal a, decimal b)
    {
        try { return a * b; }
        catch (OverflowException) { return (a < 0) == (b < 0) ? decimal.MaxValue : decimal.MinValue; }
    }

    public static decimal Divide(decimal a, decimal b)
    {
        try { return a / b; }
        catch (OverflowException) { return (a < 0) == (b < 0) ? decimal.MaxValue : decimal.MinValue; }
    }

    /// <summary>The change from before to now in percent, rounded to one decimal; before must not be 0.</summary>
    public static decimal ChangePercent(decimal before, decimal now) =>
        Math.Round(Multiply(100m, Divide(Add(now, -before), before)), 1);

    /// <summary>A double (a growth rate from Math.Pow) as a decimal, at decimal's limits when beyond them.</summary>
    public static decimal FromDouble(double value) =>
        double.IsNaN(value) ? 0m
        : value >= (double)decimal.MaxValue ? decimal.MaxValue
        : value <= (double)decimal.MinValue ? decimal.MinValue
        : (decimal)value;
}
