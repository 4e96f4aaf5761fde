using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Digests;

/// <summary>
/// The officials' digest as text short enough to read on a phone: who has answered, then each target
/// indicator against its target, then the activity figures.
/// </summary>
public static class DigestWriter
{
    public static string Status(string roundLabel, DateOnly deadline, Completeness c, bool listUnits = true)
    {
        var lines = new List<string>
        {
            $"📋 {roundLabel} — hạn {VietnameseFormat.Date(deadline)}",
            $"Đã báo cáo: {c.Answered}/{c.Expected} đơn vị ({c.OnTime.Count} đúng hạn, {c.Late.Count} muộn).",
        };
        if (!listUnits) return string.Join("\n", lines);
        if (c.Missing.Count > 0) lines.Add($"Chưa báo cáo ({c.Missing.Count}): {string.Join(", ", c.Missing)}.");
        if (c.Unreachable.Count > 0) lines.Add($"Không liên lạc được ({c.Unreachable.Count}): {string.Join(", ", c.Unreachable)}.");
        return string.Join("\n", lines);
    }

    public static string Figures(IReadOnlyList<IndicatorFigure> figures)
    {
        var lines = new List<string>();
        var targets = figures.Where(f => f.Indicator.HasTargets).ToList();
        if (targets.Count > 0)
        {
            lines.Add("🎯 Chỉ tiêu của Kế hoạch:");
            lines.AddRange(targets.Select(TargetLine));
        }
        var activities = figures.Where(f => !f.Indicator.HasTargets && f.Value is not null).ToList();
        if (activities.Count > 0)
        {
            lines.Add("📚 Hoạt động:");
            lines.AddRange(activities.Select(ActivityLine));
        }
        return string.Join("\n", lines);
    }

    private static string TargetLine(IndicatorFigure f)
    {
        var name = $"• {f.Indicator.Name} ({f.Indicator.Code})";
        if (f.Value is null) return $"{name}: chưa có số liệu (0/{f.UnitsExpected} đơn vị).";
        var targets = string.Join(", ", f.Indicator.Targets.Select(t => $"{t.Year}: {Range(t)}"));
        var verdict = f.OnTrack switch { true => "✅ ", false => "⚠️ ", _ => "" } + FigureText.Verdict(f)
            + (FigureText.PathMark(f) is { } mark ? $" ({mark})" : "");
        var basis = $"dựa trên {f.UnitsCounted}/{f.UnitsExpected} đơn vị";
        if (f.Indicator.Aggregation.Kind == AggregationKind.ShareYes)
        {
            var required = (f.RequiredNotYes.Count > 0 ? $"; chưa đạt yêu cầu bắt buộc: {string.Join(", ", f.RequiredNotYes)}" : "")
                + (f.RequiredMissing.Count > 0 ? $"; {string.Join(", ", f.RequiredMissing)} chưa có số liệu" : "");
            return $"{name}: {VietnameseFormat.Percent(f.Value.Value)} ({FigureText.ShareBasis(f)}); chỉ tiêu {targets} — {verdict}{required}.";
        }
        var growth = FigureText.GrowthPhrase(f) is { } g ? $"; {g}" : $"; chưa có số liệu {Sentence.LowerFirst(f.Period.YearBefore().Label)} để so sánh";
        var average = FigureText.AveragePhrase(f) is { } a ? $"; {a}" : "";
        return $"{name}: {Amount(f)} ({basis}){growth}{average}; chỉ tiêu tăng {targets}/năm — {verdict}.";
    }

    private static string ActivityLine(IndicatorFigure f)
    {
        var growth = f.Growth is { } g
            ? $", {FigureText.Change(g.Percent)} {FigureText.ComparedWith(f.Period)}, {FigureText.Compared(g, FigureText.InBoth(f.Period), f.Indicator.UnitOfMeasure)}" : "";
        return $"• {f.Indicator.Name}: {Amount(f)} ({f.UnitsCounted}/{f.UnitsExpected} đơn vị{growth}).";
    }

    private static string Amount(IndicatorFigure f) =>
        ApproximateText.Total(VietnameseFormat.Number(f.Value!.Value) + (f.Indicator.UnitOfMeasure is { } u ? " " + u : ""), f.Approximate);

    private static string Range(Target t) => t.Max is { } max
        ? $"{VietnameseFormat.Number(t.Min)}–{VietnameseFormat.Percent(max)}"
        : VietnameseFormat.Percent(t.Min);
}
