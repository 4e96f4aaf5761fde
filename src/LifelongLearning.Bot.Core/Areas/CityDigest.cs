using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Areas;

/// <summary>
/// The city's digest: how complete each commune is, the communes past their deadline with units missing, the
/// city's figures against its targets, and each target commune by commune (met, not met, too few answers).
/// </summary>
public static class CityDigest
{
    /// <param name="city">The city's figures with its communes' (<see cref="RollUp.Tree"/> down to the communes at least).</param>
    public static string Text(NodeFigures city, DateOnly today)
    {
        if (city.Node.Level != NodeLevel.City) throw new ArgumentException("Cần số liệu của thành phố.", nameof(city));
        var communes = city.Children;
        var c = city.Completeness;
        var lines = new List<string>
        {
            $"🏙️ {city.Node.Name} — {Sentence.LowerFirst(city.Period.Label)}: tổng hợp {communes.Count} xã",
            $"Đã báo cáo: {c.Answered}/{c.Expected} đơn vị ({c.OnTime.Count} đúng hạn, {c.Late.Count} muộn); {communes.Count(x => x.IsComplete)}/{communes.Count} xã đã đủ.",
        };

        // Communes keep their own calendars within the city's: one line per deadline that has passed.
        foreach (var late in communes.Where(x => !x.IsComplete && today > DeadlineOf(x)).GroupBy(DeadlineOf).OrderBy(g => g.Key))
            lines.Add($"⏰ Quá hạn {VietnameseFormat.Date(late.Key)}, còn thiếu báo cáo ({late.Count()} xã): " + string.Join(", ", late.Select(x =>
                $"{x.Node.Name} ({x.Completeness.Missing.Count}/{x.Completeness.Expected} đơn vị chưa báo cáo)")) + ".");

        lines.Add("📋 Từng xã:");
        lines.AddRange(communes.Select(x =>
            $"• {x.Node.Name}: {x.Completeness.Answered}/{x.Completeness.Expected} đơn vị" +
            (x.Completeness.Late.Count > 0 ? $" ({x.Completeness.Late.Count} muộn)" : "") + (x.IsComplete ? " ✅" : "")));

        lines.Add("");
        lines.Add($"Toàn {Sentence.LowerFirst(city.Node.Name)}:");
        lines.Add(DigestWriter.Figures(city.Figures));

        var targets = city.Figures.Where(f => f.Indicator.HasTargets).Select(f => f.Indicator.Code).ToList();
        if (targets.Count > 0)
        {
            lines.Add("");
            lines.Add("🏘️ Chỉ tiêu theo từng xã (mỗi xã so với chỉ tiêu của mình):");
            lines.AddRange(targets.Select(code => AcrossCommunes(code, communes)));
        }
        return string.Join("\n", lines);
    }

    private static DateOnly DeadlineOf(NodeFigures commune) => commune.Node.Plan!.DeadlineFor(commune.Period);

    // What the verdict was made on: the growth for a growth target, the share or the figure otherwise.
    private static string? Shown(IndicatorFigure f) =>
        f.Indicator.TargetKind == Plans.TargetKind.AverageGrowthAtLeast
            ? (f.AverageGrowth ?? f.Growth?.Percent) is { } g ? (g > 0 ? "+" : "") + VietnameseFormat.Percent(g) : null
            : f.Value is { } v ? ReportText.Amount(f.Indicator, v) : null;

    private static string AcrossCommunes(string code, IReadOnlyList<NodeFigures> communes)
    {
        var figures = communes.Select(x => (x.Node.Name, Figure: x.FigureOf(code))).Where(x => x.Figure is not null).ToList();
        var indicator = figures.Count > 0 ? figures[0].Figure!.Indicator : null;
        var met = figures.Count(x => x.Figure!.OnTrack == true);
        var notMet = figures.Where(x => x.Figure!.OnTrack == false).ToList();
        var unknown = figures.Where(x => x.Figure!.OnTrack is null).ToList();
        var line = $"• {indicator?.Name ?? code} ({code}): đạt {met}/{figures.Count} xã";
        if (notMet.Count > 0)
            line += $"; chưa đạt ({notMet.Count}): {string.Join(", ", notMet.Select(x => Shown(x.Figure!) is { } v ? $"{x.Name} ({v})" : x.Name))}";
        if (unknown.Count > 0)
            line += $"; chưa đủ số liệu để đánh giá ({unknown.Count}): {string.Join(", ", unknown.Select(x => $"{x.Name} ({x.Figure!.UnitsCounted}/{x.Figure.UnitsExpected} đơn vị)"))}";
        return line + ".";
    }
}
