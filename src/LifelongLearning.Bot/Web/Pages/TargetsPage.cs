using System.Text;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Storage;
using static LifelongLearning.Bot.Web.Html;

namespace LifelongLearning.Bot.Web.Pages;

/// <summary>
/// Each target against its 2025 and 2030 marks, for one period: the figures, the wording and the verdicts are
/// those of the report document (ReportBuilder, ReportText), and for an open round also the digest's lines
/// (DigestWriter), so the page never disagrees with the .docx or the chat.
/// </summary>
public sealed class TargetsPage(BotStore store, ReportSource source, RoundService rounds, Reports reports)
{
    /// <summary>The official's own commune against its plan's targets.</summary>
    public WebView Render(string communeId, string? code)
    {
        var commune = store.For(communeId);
        var periods = commune.Rounds.FindAll().Select(r => r.Period).OrderByDescending(p => p.To).ThenBy(p => p.Kind == PeriodKind.Year ? 0 : 1).ToList();
        if (periods.Count == 0) return new WebView("Chỉ tiêu của Kế hoạch", Note("Chưa có kỳ báo cáo nào nên chưa có số liệu."));
        var chosen = ExportScope.TryParse(code, out var asked) && asked is not null && !asked.IsRange && periods.Contains(asked.Main)
            ? asked.Main
            : periods.FirstOrDefault(p => p.Kind == PeriodKind.Year && rounds.Find(communeId, p)?.Status == RoundStatus.Closed) ?? periods[0];
        var report = source.Build(ExportScope.Of(chosen), communeId);
        var sb = new StringBuilder();
        sb.Append("<p class=\"noprint\">Kỳ: ");
        foreach (var p in periods.Take(12))
            sb.Append(p == chosen ? $"<b>{E(Sentence.Cap(p.Label))}</b> " : $"<a href=\"/web/chi-tieu?ky={E(p.Code)}\">{E(Sentence.Cap(p.Label))}</a> ");
        sb.Append("</p><h2>").Append(E(Sentence.Cap(chosen.Label))).Append("</h2>");
        var targetYears = report.Targets.SelectMany(s => s.Indicator.Targets).Select(t => t.Year).Distinct().Order().ToList();
        sb.Append("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Chỉ tiêu</th><th>Kết quả</th>");
        foreach (var y in targetYears) sb.Append("<th>Chỉ tiêu năm ").Append(y).Append("</th>");
        sb.Append("<th>Đánh giá</th><th>Số đơn vị báo cáo</th></tr></thead><tbody>");
        foreach (var s in report.Targets)
        {
            var f = s.Latest;
            var i = s.Indicator;
            var result = f.Value is null ? "chưa có số liệu" : ReportText.Amount(f);
            // The digest's and the report's words for the growth, with the units it compares.
            if (i.Aggregation.Kind != Core.Plans.AggregationKind.ShareYes && (FigureText.AveragePhrase(f) ?? FigureText.GrowthPhrase(f)) is { } g)
                result += $"; {g}";
            var css = f.OnTrack switch { true => "ok", false => "bad", _ => "muted" };
            sb.Append("<tr><td data-h=\"Chỉ tiêu\">").Append(E(i.Name)).Append(" <span class=\"muted\">").Append(E(i.Code)).Append("</span></td>")
              .Append("<td data-h=\"Kết quả\" class=\"n\">").Append(E(result)).Append("</td>");
            foreach (var y in targetYears)
                sb.Append("<td data-h=\"Chỉ tiêu năm ").Append(y).Append("\">").Append(E(ReportText.TargetText(i, i.Targets.FirstOrDefault(t => t.Year == y)))).Append("</td>");
            sb.Append("<td data-h=\"Đánh giá\" class=\"verdict ").Append(css).Append("\">").Append(E(ReportText.Verdict(f)))
              .Append(f.Target is { } t ? $" <span class=\"muted\">(mốc {t.Year})</span>" : "").Append("</td>")
              .Append("<td data-h=\"Số đơn vị báo cáo\" class=\"n\">").Append(f.UnitsCounted).Append('/').Append(f.UnitsExpected).Append("</td></tr>");
        }
        sb.Append("</tbody></table></div>");
        sb.Append("<h2>Như trong dự thảo báo cáo</h2><section>");
        foreach (var s in report.Targets) sb.Append("<p>").Append(E(ReportText.Sentence(report, s))).Append("</p>");
        sb.Append("</section>");
        var activities = report.Activities.Where(s => s.Latest.Value is not null).ToList();
        if (activities.Count > 0)
        {
            sb.Append("<h2>Hoạt động</h2><section>");
            foreach (var s in activities) sb.Append("<p>").Append(E(ReportText.Sentence(report, s))).Append("</p>");
            sb.Append("</section>");
        }
        if (rounds.Find(communeId, chosen) is { Status: RoundStatus.Open } open)
            sb.Append("<h2>Như trong bản tổng hợp gửi qua tin nhắn</h2><section><pre class=\"digest\">")
              .Append(E(DigestWriter.Figures(reports.FiguresOf(open)))).Append("</pre></section>");
        return new WebView("Chỉ tiêu của Kế hoạch", sb.ToString());
    }
}
