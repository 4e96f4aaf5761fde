namespace LifelongLearning.Bot.Charts;

/// <summary>What the officials' digest chart shows; plain values so the chart knows nothing of the plan or storage.</summary>
public sealed record ChartInput(string Title, IReadOnlyList<TargetBar> Targets, IReadOnlyList<YearFigure> Visits);

/// <summary>One share indicator. Percentages are 0–100; null means no figure yet (no data, or no target set).</summary>
public sealed record TargetBar(string Code, string Label, decimal? Current, decimal? Target2025, decimal? Target2030);

/// <summary>
/// Library visits (lượt) in one year; null when no library has reported that year. <see cref="Growth"/> is the
/// percent on the year before as the digest text gives it (over the libraries in both years), never worked
/// out here from the totals.
/// </summary>
public sealed record YearFigure(int Year, decimal? Value, decimal? Growth = null);
