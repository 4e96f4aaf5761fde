using System.Text;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Storage;
using static LifelongLearning.Bot.Web.Html;

namespace LifelongLearning.Bot.Web.Pages;

/// <summary>
/// Each indicator over the years of yearly rounds: a chart drawn on the server, and the table of the same
/// figures under it. The figures are those of the multi-year report (ReportBuilder over the years' span).
/// </summary>
public sealed class TrendsPage(BotStore store, ReportSource source)
{
    /// <summary>The official's own commune, year by year.</summary>
    public WebView Render(string communeId)
    {
        var yearly = store.For(communeId).Rounds.Find(r => r.Kind == PeriodKind.Year).ToList();
        var years = yearly.Select(r => r.Year).Distinct().Order().ToList();
        var open = yearly.Where(r => r.Status == RoundStatus.Open).Select(r => r.Year).ToHashSet();
        if (years.Count == 0) return new WebView("Xu hướng theo năm", Note("Chưa có kỳ báo cáo năm nào nên chưa có số liệu theo năm."));
        var span = Enumerable.Range(years[0], years[^1] - years[0] + 1).ToList();
        var report = source.Build(ExportScope.Years(span[0], span[^1]), communeId);
        var sb = new StringBuilder();
        sb.Append(Note($"Số liệu toàn xã theo các kỳ báo cáo năm, từ {span[0]} đến {span[^1]}, tính như trong báo cáo."));
        foreach (var s in report.Indicators.Where(s => s.Figures.Any(f => f.Value is not null)))
        {
            var i = s.Indicator;
            sb.Append("<section><h2>").Append(E(i.Name)).Append(" <span class=\"muted\">").Append(E(i.Code)).Append("</span></h2>")
              .Append("<div class=\"chart\">").Append(TrendChart.Svg(s, span)).Append("</div>")
              .Append(TrendChart.TargetsCaption(s) is { } caption ? Note(caption) : "")
              .Append("<div class=\"scroll\"><table><thead><tr><th>Năm</th><th>Số liệu</th><th>Số đơn vị báo cáo</th><th>So với năm trước</th></tr></thead><tbody>");
            for (var k = 0; k < span.Count; k++)
            {
                var f = s.Figures[k];
                // An open year is not finished: its figure rests on the units that answered so far.
                sb.Append("<tr><td>").Append(span[k]).Append(open.Contains(span[k]) ? " <span class=\"muted\">(kỳ đang mở)</span>" : "").Append("</td><td class=\"n\">")
                  .Append(f.Value is null ? "<span class=\"muted\">chưa có số liệu</span>" : E(ReportText.Amount(f)))
                  .Append("</td><td class=\"n\">").Append(f.UnitsCounted).Append('/').Append(f.UnitsExpected)
                  .Append("</td><td class=\"n\">").Append(f.Growth is { } g ? E((g.Percent > 0 ? "+" : "") + Core.Text.VietnameseFormat.Percent(g.Percent)) : "—")
                  .Append("</td></tr>");
            }
            sb.Append("</tbody></table></div></section>");
        }
        return new WebView("Xu hướng theo năm", sb.ToString());
    }
}
