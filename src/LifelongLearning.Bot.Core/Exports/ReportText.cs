using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Numbers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Core.Exports;

public enum BlockKind
{
    /// <summary>"I. KẾT QUẢ THỰC HIỆN": bold, capitals.</summary>
    Section,

    /// <summary>"1. Mục tiêu đối với hệ thống thư viện": bold.</summary>
    Heading,

    Paragraph,

    /// <summary>"[Cán bộ bổ sung: …]": what only the officer can write, marked so it is not signed as it is.</summary>
    Placeholder,
}

/// <summary>One paragraph of the report's body.</summary>
public sealed record TextBlock(BlockKind Kind, string Text);

/// <summary>
/// The words of the drafted report: the figures written into sentences under the plan's tasks, what
/// reached its target and what did not, and a paragraph per indicator behind target for the officer
/// to edit. The document writer only lays these out.
/// </summary>
public static partial class ReportText
{
    /// <summary>"BÁO CÁO" is followed by this line: "Kết quả thực hiện Kế hoạch số 04/KH-UBND năm 2025".</summary>
    public static string Title(Report r) => r.Scope.IsRange
        ? $"{Cap(r.Scope.Label)} thực hiện Kế hoạch số {r.Plan.Commune.PlanNumber}"
        : $"Kết quả thực hiện Kế hoạch số {r.Plan.Commune.PlanNumber} {r.Scope.Label}";

    /// <summary>The body that signs this report: the one the plan names for the year reported.</summary>
    public static ReportingBody Issuer(Report r) => r.Plan.Commune.BodyFor(r.Scope.Year);

    /// <summary>
    /// The first paragraph: the national programme, the plan (of the commune that adopted it, "(cũ)" once a
    /// reform has replaced it), then who reports on what.
    /// </summary>
    public static string Introduction(Report r)
    {
        var c = r.Plan.Commune;
        var issuer = Issuer(r);
        var adopted = TitleCase(c.IssuingBody) + (issuer.IssuingBody == c.IssuingBody ? "" : " (cũ)");
        var programme = c.Programme is { } p ? $"Thực hiện {p}; " : "";
        var plan = $"Kế hoạch số {c.PlanNumber} ngày {VietnameseFormat.Date(c.PlanDate)} của {adopted} {LowerFirst(c.PlanTitle)}";
        return $"{programme}{(programme.Length > 0 ? plan : Cap(plan))}; " +
               $"căn cứ số liệu các đơn vị báo cáo, {TitleCase(issuer.IssuingBody)} báo cáo {(r.Scope.IsRange ? r.Scope.Label : "kết quả thực hiện " + r.Scope.Label)} như sau:";
    }

    /// <summary>The last sentence before "Nơi nhận".</summary>
    public static string Closing(Report r) => $"Trên đây là báo cáo {LowerFirst(Title(r))} của {TitleCase(Issuer(r).IssuingBody)}./.";

    public static IReadOnlyList<TextBlock> Body(Report r)
    {
        var blocks = new List<TextBlock> { new(BlockKind.Paragraph, DataWindowSentence(r)), new(BlockKind.Section, "I. KẾT QUẢ THỰC HIỆN") };
        blocks.AddRange(Results(r));
        blocks.Add(new(BlockKind.Section, "II. ĐÁNH GIÁ CHUNG"));
        var assessment = Assessment(r).ToList();
        blocks.AddRange(assessment);
        blocks.AddRange(Shortcomings(r, assessment.Count(b => b.Kind == BlockKind.Heading)));
        blocks.Add(new(BlockKind.Section, DirectionsTitle(r)));
        blocks.AddRange(Directions(r));
        blocks.AddRange(NextPeriod(r));
        blocks.Add(new(BlockKind.Section, "IV. ĐỀ XUẤT, KIẾN NGHỊ"));
        blocks.AddRange(Proposals(r));
        return blocks;
    }

    /// <summary>Section I: how the plan was directed and reported, then every numbered task of the plan in its order.</summary>
    private static IEnumerable<TextBlock> Results(Report r)
    {
        yield return new(BlockKind.Heading, "1. Công tác chỉ đạo, triển khai");
        yield return new(BlockKind.Paragraph, string.Join(" ", CompletenessSentences(r)));
        yield return Placeholder("các văn bản chỉ đạo, kế hoạch, hướng dẫn của xã và của các đơn vị ban hành trong kỳ; công tác kiểm tra, giám sát");
        var n = 1;
        foreach (var block in TaskBlocks(r, () => ++n)) yield return block;
    }

    /// <summary>How many units reported, and which did not: the figures rest only on those that did.</summary>
    private static IEnumerable<string> CompletenessSentences(Report r)
    {
        foreach (var c in r.Completeness)
        {
            var when = Cap(c.Period.Label);
            if (!c.RoundOpened)
            {
                yield return $"{when} chưa mở kỳ báo cáo nên chưa có số liệu.";
                continue;
            }
            var late = c.Late > 0 ? $" ({c.Late} đơn vị gửi sau hạn)" : "";
            var sentence = $"{when} có {c.Answered}/{c.Units.Count} đơn vị gửi báo cáo{late}";
            yield return c.Missing.Count == 0
                ? sentence + "."
                : sentence + $"; còn {c.Missing.Count} đơn vị chưa báo cáo: {string.Join(", ", c.Missing.Select(u => u.UnitName))}. Số liệu tổng hợp chỉ tính các đơn vị đã báo cáo.";
        }
    }

    /// <summary>One indicator as a sentence: its figure in each period, what it rests on, and against its target.</summary>
    public static string Sentence(Report r, IndicatorSeries s)
    {
        var i = s.Indicator;
        var values = s.Figures.Select((f, k) => (Period: r.Scope.Periods[k], Figure: f)).ToList();
        string Value(IndicatorFigure f) => f.Value is null ? "chưa có số liệu" : Amount(f);
        string Basis(IndicatorFigure f) => i.Aggregation.Kind == AggregationKind.ShareYes ? FigureText.ShareBasis(f) : $"{f.UnitsCounted}/{f.UnitsExpected} đơn vị báo cáo";

        var figures = r.Scope.IsRange
            ? string.Join("; ", values.Select(v => $"năm {v.Period.Year}: {Value(v.Figure)}" + (v.Figure.Value is null ? "" : $" ({Basis(v.Figure)})")))
            : $"{Value(s.Latest)} ({Basis(s.Latest)})";
        var sentence = i.Aggregation.Kind == AggregationKind.ShareYes
            ? $"Tỷ lệ đơn vị {LowerFirst(i.Name)}: {figures}"
            : $"{i.Name}: {figures}";

        var latest = s.Latest;
        if (FigureText.GrowthPhrase(latest) is { } g) sentence += $"; {g}";
        if (FigureText.AveragePhrase(latest) is { } a) sentence += $"; {a}";
        if (latest.RequiredNotYes.Count > 0)
            sentence += $"; {string.Join(", ", latest.RequiredNotYes)} chưa đáp ứng (yêu cầu bắt buộc của Kế hoạch)";
        if (latest.RequiredMissing.Count > 0)
            sentence += $"; {string.Join(", ", latest.RequiredMissing)} chưa có số liệu";
        if (i.HasTargets) sentence += $". Chỉ tiêu {TargetsText(i)} — {Verdict(latest)}" + (FigureText.PathMark(latest) is { } mark ? $" ({mark})" : "");
        return sentence + ".";
    }

    private static IEnumerable<TextBlock> Assessment(Report r)
    {
        var targets = r.Targets.ToList();
        var met = targets.Where(s => s.Latest.OnTrack == true).ToList();
        var notMet = targets.Where(s => s.Latest.OnTrack == false).ToList();
        var unknown = targets.Where(s => s.Latest.OnTrack is null).ToList();
        var (reached, behind) = Words(r);
        yield return new(BlockKind.Paragraph,
            $"Đến {LowerFirst(r.Scope.Main.Label)}, {met.Count}/{targets.Count} chỉ tiêu của Kế hoạch {(IsInterim(r) ? "đúng tiến độ để đạt" : "đạt")} mức đề ra cho năm {TargetYear(r)}" +
            (notMet.Count > 0 ? $", {notMet.Count} chỉ tiêu {behind}" : "") + (unknown.Count > 0 ? $", {unknown.Count} chỉ tiêu chưa đủ số liệu để đánh giá" : "") + ".");
        if (PathRule(r) is { } rule) yield return new(BlockKind.Paragraph, rule);
        foreach (var c in r.Incomplete.Where(c => c.Period == r.Scope.Main && c.RoundOpened))
            yield return new(BlockKind.Paragraph,
                $"Lưu ý: còn {c.Missing.Count} đơn vị chưa gửi báo cáo {LowerFirst(c.Period.Label)} ({string.Join(", ", c.Missing.Select(u => u.UnitName))}); các số liệu dưới đây chưa đầy đủ.");
        yield return new(BlockKind.Heading, $"1. Các chỉ tiêu {reached}");
        if (met.Count == 0) yield return new(BlockKind.Paragraph, $"- Chưa có chỉ tiêu nào {reached}.");
        foreach (var s in met) yield return new(BlockKind.Paragraph, $"- {s.Indicator.Name}: {Achieved(s)}, {AgainstWhat(s)}.");
        yield return new(BlockKind.Heading, $"2. Các chỉ tiêu {behind}");
        if (notMet.Count == 0) yield return new(BlockKind.Paragraph, "- Không có.");
        foreach (var s in notMet) yield return new(BlockKind.Paragraph, $"- {s.Indicator.Name}: {Achieved(s)}, {AgainstWhat(s)}{Gap(s)}.");
        // Too few units reported to judge: neither met nor failed, under a heading of its own.
        if (unknown.Count > 0) yield return new(BlockKind.Heading, "3. Các chỉ tiêu chưa đủ số liệu để đánh giá");
        foreach (var s in unknown) yield return new(BlockKind.Paragraph, $"- {s.Indicator.Name}: chưa đủ số liệu để đánh giá ({s.Latest.UnitsCounted}/{s.Latest.UnitsExpected} đơn vị đã báo cáo).");
    }

    /// <summary>The report is of a year before its targets' year: judged on progress, not on reaching them.</summary>
    private static bool IsInterim(Report r) => r.Targets.Any(s => s.Latest.IsInterim);

    /// <summary>«đạt» / «chưa đạt», or in an interim year «đúng tiến độ» / «chậm tiến độ».</summary>
    internal static (string Reached, string Behind) Words(Report r) => IsInterim(r) ? ("đúng tiến độ", "chậm tiến độ") : ("đạt", "chưa đạt");

    /// <summary>In an interim year, the rule progress is judged by, in one sentence.</summary>
    private static string? PathRule(Report r)
    {
        var interim = r.Targets.Select(s => s.Latest).FirstOrDefault(f => f.IsInterim);
        if (interim?.Target is not { } target) return null;
        var earlier = interim.Indicator.Targets.Where(t => t.Year < target.Year).MaxBy(t => t.Year)?.Year;
        return earlier is { } from
            ? $"Tiến độ được đánh giá theo lộ trình đều từ mức của năm {from} đến mức của năm {target.Year}: chỉ tiêu tỷ lệ so với mức cần đạt của năm {r.Scope.Year} trên lộ trình đó; chỉ tiêu tăng trưởng so với mức tăng bình quân tính từ năm {from}."
            : $"Tiến độ được đánh giá so với mức Kế hoạch đề ra cho năm {target.Year}.";
    }

    /// <summary>«chỉ tiêu 70%», or in an interim year for a share «mức cần đạt năm 2027 theo lộ trình đến năm 2030: 78% (chỉ tiêu năm 2030: 90%)».</summary>
    private static string AgainstWhat(IndicatorSeries s) => FigureText.PathMark(s.Latest) is { } mark
        ? $"{mark} (chỉ tiêu năm {s.Latest.Target!.Year}: {TargetText(s.Indicator, s.Latest.Target)})"
        : $"chỉ tiêu {TargetText(s.Indicator, s.Latest.Target)}";

    private static IEnumerable<TextBlock> Directions(Report r)
    {
        var behind = r.Targets.Where(s => s.Latest.OnTrack != true).ToList();
        var nextTarget = r.Targets.SelectMany(s => s.Indicator.Targets).Where(t => t.Year > r.Scope.Year).Select(t => t.Year).DefaultIfEmpty(r.Scope.Year).Min();
        yield return new(BlockKind.Paragraph,
            $"Tiếp tục triển khai các nhiệm vụ, giải pháp của Kế hoạch số {r.Plan.Commune.PlanNumber}, phấn đấu hoàn thành các chỉ tiêu đến năm {nextTarget}; duy trì chế độ báo cáo định kỳ của các đơn vị.");
        if (behind.Count == 0)
        {
            yield return new(BlockKind.Paragraph, "- Duy trì và nâng cao các kết quả đã đạt; nhân rộng các mô hình hoạt động hiệu quả.");
            yield break;
        }
        foreach (var s in behind) yield return new(BlockKind.Paragraph, "- " + Direction(r, s));
    }

    /// <summary>A short paragraph the officer edits: where the indicator stands, and who or how much would close the gap.</summary>
    private static string Direction(Report r, IndicatorSeries s)
    {
        var i = s.Indicator;
        var f = s.Latest;
        var target = f.Target is null ? "" : $" (chỉ tiêu năm {f.Target.Year}: {TargetText(i, f.Target)})";
        if (f.Value is null)
            return $"{i.Name}{target}: đôn đốc các đơn vị báo cáo đầy đủ để có số liệu đánh giá.";
        if (i.Aggregation.Kind == AggregationKind.ShareYes)
        {
            var no = r.UnitTables.Where(t => t.Indicators.Contains(i))
                .SelectMany(t => t.Rows.Where(row => row.Period == r.Scope.Main && row.Values[t.Indicators.ToList().IndexOf(i)]?.YesNo == false))
                .Select(row => row.UnitName).ToList();
            var who = no.Count > 0 ? $" Tập trung hướng dẫn, hỗ trợ {no.Count} đơn vị chưa đáp ứng: {string.Join(", ", no)}." : "";
            var required = f.RequiredNotYes.Count > 0 ? $" Bảo đảm {string.Join(", ", f.RequiredNotYes)} đáp ứng yêu cầu." : "";
            var path = FigureText.PathMark(f) is { } mark ? $"; {mark}" : "";
            return $"{i.Name}: hiện đạt {VietnameseFormat.Percent(f.Value.Value)}{target}{path}.{who}{required}";
        }
        // The same period a year later, never a half year projected onto a whole year.
        var main = r.Scope.Main;
        var next = new Periods.ReportingPeriod(main.Kind, main.Year + 1, main.Number);
        var need = f.Target is null ? "" : $" Để đạt mức tăng {VietnameseFormat.Percent(f.Target.Min)}/năm, {LowerFirst(next.Label)} cần đạt khoảng {Amount(i, Math.Round(Saturating.Multiply(f.Value.Value, 1 + f.Target.Min / 100m)))}.";
        return $"{i.Name}: {LowerFirst(main.Label)} đạt {Amount(f)}{target}. Đẩy mạnh tuyên truyền, đa dạng hóa hình thức phục vụ để thu hút người dân.{need}";
    }

    private static string Achieved(IndicatorSeries s) => s.Indicator.Aggregation.Kind == AggregationKind.ShareYes
        ? $"đạt {VietnameseFormat.Percent(s.Latest.Value ?? 0)} ({FigureText.ShareBasis(s.Latest)})"
        : s.Latest.AverageGrowth is { } average ? FigureText.AverageChange(average)
        : s.Latest.Growth is { } g ? $"{FigureText.Change(g.Percent)} {FigureText.ComparedWith(s.Latest.Period)}"
        : "chưa đủ số liệu";

    private static string Gap(IndicatorSeries s) =>
        s.Latest.RequiredNotYes.Count > 0 ? $"; {string.Join(", ", s.Latest.RequiredNotYes)} chưa đáp ứng yêu cầu bắt buộc" : "";

    private static int TargetYear(Report r) =>
        r.Targets.Select(s => s.Latest.Target?.Year).FirstOrDefault(y => y is not null) ?? r.Scope.Year;

    public static string Verdict(IndicatorFigure f) => FigureText.Verdict(f);

    public static string TargetsText(Indicator i) => string.Join(", ", i.Targets.Select(t => $"năm {t.Year}: {TargetText(i, t)}"));

    /// <summary>"70%" for a share; "tăng bình quân 10%/năm" or "10 - 15%/năm" for a growth target.</summary>
    public static string TargetText(Indicator i, Target? t) => t is null ? "—" : i.TargetKind == TargetKind.AverageGrowthAtLeast
        ? "tăng bình quân " + (t.Max is { } max ? $"{VietnameseFormat.Number(t.Min)} - {VietnameseFormat.Percent(max)}" : VietnameseFormat.Percent(t.Min)) + "/năm"
        : VietnameseFormat.Percent(t.Min);

    /// <summary>A period's commune figure, «khoảng …» or «ít nhất …» when it holds approximate answers.</summary>
    public static string Amount(IndicatorFigure f) => ApproximateText.Total(Amount(f.Indicator, f.Value!.Value), f.Approximate);

    public static string Amount(Indicator i, decimal value) => i.Aggregation.Kind == AggregationKind.ShareYes || i.Kind == IndicatorKind.Percentage
        ? VietnameseFormat.Percent(value)
        : VietnameseFormat.Number(value) + (i.UnitOfMeasure is { } u ? " " + u : "");

    /// <summary>"ỦY BAN NHÂN DÂN XÃ QUẢNG NGHIỆP" as it reads inside a sentence: "Ủy ban nhân dân xã Quảng Nghiệp".</summary>
    public static string TitleCase(string upper)
    {
        var words = upper.ToLowerInvariant().Split(' ');
        // The name after "xã", "phường", "thị trấn" is a proper name: capital initials.
        var at = Array.FindLastIndex(words, w => w is "xã" or "phường" or "trấn");
        for (var k = 0; k < words.Length; k++)
            if (k == 0 || (at >= 0 && k > at)) words[k] = Cap(words[k]);
        return string.Join(' ', words);
    }

}
