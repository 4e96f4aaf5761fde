using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Areas;

/// <summary>
/// A commune's digest by area (former commune, thôn): a section per area, then the commune's own units, each
/// with who has reported and its figures in the digest's own words (<see cref="DigestWriter"/>).
/// </summary>
public static class AreaDigest
{
    public const string OwnUnits = "Đơn vị chung của xã";

    public static string Text(TreeNode commune, ReportingPeriod period, AnswerBook book)
    {
        if (commune.Level != NodeLevel.Commune) throw new ArgumentException("Cần một xã.", nameof(commune));
        var whole = RollUp.Of(commune, period, book);
        var lines = new List<string>
        {
            $"📍 {commune.Name} — số liệu theo khu vực",
            DigestWriter.Status(period.Label, commune.Plan!.DeadlineFor(period), whole.Completeness, listUnits: false),
        };
        var areas = commune.Children.Where(c => c.Level == NodeLevel.Area).ToList();
        if (areas.Count == 0)
        {
            lines.Add("Kế hoạch của xã chưa chia khu vực (commune.areas), nên chưa có số liệu theo khu vực.");
            return string.Join("\n", lines);
        }
        foreach (var area in areas) lines.Add(Section(area, period, book));
        var own = commune.Children.Where(c => c.Level == NodeLevel.Unit).ToList();
        // The commune's own units (its library, the schools) belong to no area: one section of their own.
        if (own.Count > 0)
            lines.Add(Section(new TreeNode(NodeLevel.Area, OwnUnits, OwnUnits, commune.Indicators, own)
                { Plan = commune.Plan, CommuneName = commune.Name }, period, book));
        return string.Join("\n", lines);
    }

    private static string Section(TreeNode area, ReportingPeriod period, AnswerBook book)
    {
        if (area.Units.Count == 0) return $"\n▪️ {area.Name}: chưa có đơn vị nào.";
        var node = RollUp.Of(area, period, book);
        var c = node.Completeness;
        var lines = new List<string> { $"\n▪️ {area.Name} — đã báo cáo {c.Answered}/{c.Expected} đơn vị ({c.OnTime.Count} đúng hạn, {c.Late.Count} muộn)." };
        if (c.Missing.Count > 0) lines.Add($"Chưa báo cáo ({c.Missing.Count}): {string.Join(", ", c.Missing)}.");
        // Only what the area's units are asked: a village with one cultural house has no library figures.
        var kinds = area.Units.Select(u => u.Kind!).ToHashSet();
        var figures = node.Figures.Where(f => kinds.Any(f.Indicator.IsReportedBy)).ToList();
        if (DigestWriter.Figures(figures) is { Length: > 0 } text) lines.Add(text);
        return string.Join("\n", lines);
    }
}
