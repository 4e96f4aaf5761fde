namespace LifelongLearning.Bot.Core.Plans;

public enum TargetKind
{
    /// <summary>The share of units with "có" reaches at least the target, in percent.</summary>
    ShareAtLeast,

    /// <summary>The figure grows on average by at least the target, in percent a year, since the base year.</summary>
    AverageGrowthAtLeast,
}

/// <summary>A target for a year: at least <see cref="Min"/> percent, optionally a range up to <see cref="Max"/> ("10–15%").</summary>
public sealed record Target
{
    public int Year { get; }
    public decimal Min { get; }
    public decimal? Max { get; }

    public Target(int year, decimal min, decimal? max = null)
    {
        if (min < 0) throw new ArgumentOutOfRangeException(nameof(min), "Chỉ tiêu không được âm.");
        if (max is { } m && m < min) throw new ArgumentOutOfRangeException(nameof(max), "Cận trên của chỉ tiêu nhỏ hơn cận dưới.");
        Year = year;
        Min = min;
        Max = max;
    }

    public bool IsMetBy(decimal value) => value >= Min;
}
