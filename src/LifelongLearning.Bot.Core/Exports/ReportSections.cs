using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Core.Exports;

// The parts of the drafted report an officer would otherwise write around the figures: the plan's tasks as
// headings, the shortcomings, the lessons of a review, the next period and the proposals. Where only prose
// can say it, the text is a marked placeholder the officer fills in before signing.
public static partial class ReportText
{
    public const string PlaceholderPrefix = "[Cán bộ bổ sung: ";

    /// <summary>«[Cán bộ bổ sung: …]».</summary>
    public static TextBlock Placeholder(string what) => new(BlockKind.Placeholder, $"{PlaceholderPrefix}{what}.]");

    /// <summary>"Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025 (…)": the days the figures cover.</summary>
    public static string DataWindowSentence(Report r) =>
        DataWindow.Sentence(r.Scope.Periods[0].From, r.Scope.Main.To) + " (thời gian chốt số liệu theo Nghị định số 09/2019/NĐ-CP).";

    /// <summary>Every task of the plan without a parent, numbered; its parts as "a)"; figures where the bot has them, a placeholder otherwise.</summary>
    private static IEnumerable<TextBlock> TaskBlocks(Report r, Func<int> next)
    {
        var tasks = r.Plan.Tasks;
        var byTask = r.Indicators.ToLookup(s => s.Indicator.Task ?? "");
        foreach (var task in tasks.Where(t => t.PartOf is null))
        {
            var parts = tasks.Where(t => t.PartOf == task.Code).ToList();
            yield return new(BlockKind.Heading, $"{next()}. {task.Title}");
            foreach (var s in byTask[task.Code]) yield return new(BlockKind.Paragraph, "- " + Sentence(r, s));
            var letter = 0;
            foreach (var part in parts)
            {
                yield return new(BlockKind.Heading, $"{Letter(letter++)}) {part.Title}");
                var figures = byTask[part.Code].ToList();
                foreach (var s in figures) yield return new(BlockKind.Paragraph, "- " + Sentence(r, s));
                if (part.Placeholder is { } p) yield return Placeholder(p);
                else if (figures.Count == 0) yield return Placeholder("kết quả thực hiện nội dung này");
            }
            var hasFigures = byTask[task.Code].Any() || parts.Any(p => byTask[p.Code].Any());
            if (task.Placeholder is { } what) yield return Placeholder(what);
            else if (!hasFigures && parts.Count == 0) yield return Placeholder("kết quả thực hiện nhiệm vụ này");
        }
        // An indicator whose task the plan does not list is still reported, under its own heading.
        var known = tasks.Select(t => t.Code).ToHashSet();
        var others = r.Indicators.Where(s => !known.Contains(s.Indicator.Task ?? "")).ToList();
        if (others.Count == 0) yield break;
        yield return new(BlockKind.Heading, $"{next()}. Các hoạt động khác");
        foreach (var s in others) yield return new(BlockKind.Paragraph, "- " + Sentence(r, s));
    }

    // Vietnamese lists go a, b, c, d, đ, e.
    private static string Letter(int i) => i < 14 ? "abcdđeghiklmno"[i].ToString() : (i + 1).ToString(Text.VietnameseFormat.Culture);

    /// <summary>The review this report is (sơ kết, tổng kết), if the plan orders one in its last year.</summary>
    private static PlanReview? ReviewOf(Report r) => r.Scope.IsRange ? r.Scope.Review : null;

    /// <summary>The plan's next review after this report's year, for the direction of the coming period.</summary>
    private static PlanReview? NextReview(Report r) => r.Plan.Reviews.FirstOrDefault(v => v.Year > r.Scope.Year);

    /// <summary>In section II, after what was and was not reached: what fell short and why; a review adds its lessons.</summary>
    private static IEnumerable<TextBlock> Shortcomings(Report r, int headingsSoFar)
    {
        var n = headingsSoFar;
        yield return new(BlockKind.Heading, $"{++n}. Tồn tại, hạn chế và nguyên nhân");
        var behind = r.Targets.Where(s => s.Latest.OnTrack == false).Select(s => s.Indicator.Name).ToList();
        if (behind.Count > 0)
            yield return new(BlockKind.Paragraph, $"- Còn {behind.Count} chỉ tiêu {Words(r).Behind}: {string.Join("; ", behind.Select(LowerFirst))}.");
        foreach (var c in r.Incomplete.Where(c => c.Period == r.Scope.Main && c.RoundOpened))
            yield return new(BlockKind.Paragraph, $"- Chế độ báo cáo chưa được thực hiện đầy đủ: {c.Missing.Count}/{c.Units.Count} đơn vị chưa gửi báo cáo {LowerFirst(c.Period.Label)}.");
        yield return Placeholder("những tồn tại, hạn chế khác và nguyên nhân (khách quan, chủ quan)");
        if (ReviewOf(r) is not null)
        {
            yield return new(BlockKind.Heading, $"{++n}. Bài học kinh nghiệm");
            yield return Placeholder("những bài học kinh nghiệm rút ra qua " + r.Scope.Label);
        }
    }

    /// <summary>"III. PHƯƠNG HƯỚNG, NHIỆM VỤ", or for a review "… GIAI ĐOẠN 2026 - 2030" up to the plan's next review.</summary>
    private static string DirectionsTitle(Report r) =>
        ReviewOf(r) is not null && NextReview(r) is { } next
            ? $"III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN {r.Scope.Year + 1} - {next.Year}"
            : "III. PHƯƠNG HƯỚNG, NHIỆM VỤ";

    /// <summary>For a review: the plan's targets for the end of the coming period, one line each.</summary>
    private static IEnumerable<TextBlock> NextPeriod(Report r)
    {
        if (ReviewOf(r) is null || NextReview(r) is not { } next) yield break;
        var targets = r.Targets.Select(s => (s.Indicator, Target: s.Indicator.TargetFor(next.Year))).Where(x => x.Target is not null).ToList();
        if (targets.Count == 0) yield break;
        yield return new(BlockKind.Paragraph, $"Giai đoạn {r.Scope.Year + 1} - {next.Year}, phấn đấu đạt các chỉ tiêu của Kế hoạch đến năm {next.Year}:");
        foreach (var (i, t) in targets) yield return new(BlockKind.Paragraph, $"- {i.Name}: {TargetText(i, t)}.");
        yield return Placeholder($"các nhiệm vụ, giải pháp trọng tâm giai đoạn {r.Scope.Year + 1} - {next.Year}");
    }

    /// <summary>The last section: proposals only the officer can make.</summary>
    private static IEnumerable<TextBlock> Proposals(Report r)
    {
        yield return Placeholder("các đề xuất, kiến nghị với cấp trên về cơ chế, kinh phí, nhân lực, cơ sở vật chất, hướng dẫn chuyên môn (nếu có)");
    }
}
