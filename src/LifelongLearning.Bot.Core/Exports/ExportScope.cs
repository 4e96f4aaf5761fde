using System.Globalization;
using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Core.Exports;

/// <summary>
/// What an export covers: one round ("2026-H1"), one year ("2025"), or the yearly rounds of a range of
/// years side by side ("2023-2025", the sơ kết; "2023-2030", the tổng kết). The last period is the one
/// the report speaks of; the earlier ones are there to compare.
/// </summary>
public sealed record ExportScope
{
    public IReadOnlyList<ReportingPeriod> Periods { get; }

    private ExportScope(IReadOnlyList<ReportingPeriod> periods) => Periods = periods;

    public static ExportScope Of(ReportingPeriod period) => new([period]);

    public static ExportScope Years(int from, int to)
    {
        if (from > to) throw new ArgumentOutOfRangeException(nameof(from), from, "Năm bắt đầu phải trước năm kết thúc.");
        if (from < 2000 || to > 2100) throw new ArgumentOutOfRangeException(nameof(to), to, "Năm báo cáo phải từ 2000 đến 2100.");
        return new([.. Enumerable.Range(from, to - from + 1).Select(ReportingPeriod.WholeYear)]);
    }

    /// <summary>The period the report is about (the last one).</summary>
    public ReportingPeriod Main => Periods[^1];

    public bool IsRange => Periods.Count > 1;

    public int Year => Main.Year;

    /// <summary>"2025", "2026-H1", "2023-2025": the code people type after /xuat.</summary>
    public string Code => IsRange ? $"{Periods[0].Year}-{Main.Year}" : Main.Code;

    /// <summary>
    /// The report's kind in the plan's words, to go inside a sentence: "sơ kết giai đoạn 2023 - 2025",
    /// "tổng kết giai đoạn 2023 - 2030", "năm 2025", "6 tháng đầu năm 2026".
    /// </summary>
    public string Label => IsRange
        ? $"{Review?.Name ?? "tổng hợp"} giai đoạn {Periods[0].Year} - {Main.Year}"
        : Text.Sentence.LowerFirst(Main.Label);

    /// <summary>The plan's review (sơ kết, tổng kết) a range of years ends in; the years come from the plan, not from code.</summary>
    public Plans.PlanReview? Review { get; private init; }

    /// <summary>This scope as the plan names it: a range ending in a review year is that review.</summary>
    public ExportScope Under(Plans.Plan plan) => IsRange ? new(Periods) { Review = plan.ReviewIn(Main.Year) } : this;

    /// <summary>Parses "2025", "2026-H1" or "2023-2025".</summary>
    public static bool TryParse(string? text, out ExportScope? scope)
    {
        scope = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split(['-', '–'], StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && parts[1].Length == 4
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from is >= 2000 and <= 2100 && to is >= 2000 and <= 2100 && from <= to)
        {
            scope = Years(from, to);
            return true;
        }
        if (!ReportingPeriod.TryParse(text, out var period)) return false;
        scope = Of(period!);
        return true;
    }

    public override string ToString() => Code;
}
