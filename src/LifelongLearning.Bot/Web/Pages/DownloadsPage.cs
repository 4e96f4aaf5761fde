using LifelongLearning.Bot.Core.Plans;
using System.Text;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Storage;
using Microsoft.AspNetCore.Http;
using static LifelongLearning.Bot.Web.Html;

namespace LifelongLearning.Bot.Web.Pages;

/// <summary>
/// The report files of each year, each round and the sơ kết / tổng kết span: built by the same
/// <see cref="ExportFiles"/> /xuat uses, when asked, so a download is the file the chat would send.
/// </summary>
public sealed class DownloadsPage(BotStore store, CommuneDirectory communes, ExportFiles files)
{
    private static readonly (string Prefix, string Ext, string Label)[] Kinds =
    [
        ("bao-cao", "docx", "Dự thảo báo cáo (Word)"),
        ("tong-hop", "xlsx", "Bảng tổng hợp (Excel)"),
        ("so-lieu", "csv", "Số liệu gốc (CSV)"),
    ];

    /// <summary>The files of the official's own commune.</summary>
    public WebView Render(string communeId)
    {
        var scopes = Scopes(communeId);
        if (scopes.Count == 0) return new WebView("Tải báo cáo", Note("Chưa có kỳ báo cáo nào nên chưa có số liệu để xuất."));
        var sb = new StringBuilder();
        sb.Append(Note("Các tệp giống hệt tệp bot gửi khi dùng lệnh /xuat. Dự thảo báo cáo cần được kiểm tra, bổ sung trước khi trình ký."));
        sb.Append("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Kỳ</th>");
        foreach (var k in Kinds) sb.Append("<th>").Append(E(k.Label)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var scope in scopes)
        {
            sb.Append("<tr><td data-h=\"Kỳ\">").Append(E(Sentence.Cap(scope.Label))).Append("</td>");
            foreach (var k in Kinds)
            {
                var name = $"{k.Prefix}-{scope.Code}.{k.Ext}";
                sb.Append("<td data-h=\"").Append(E(k.Label)).Append("\"><a href=\"/web/tai-ve/").Append(E(scope.Code)).Append('/').Append(E(name))
                  .Append("\" download>").Append(E(name)).Append("</a></td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table></div>");
        return new WebView("Tải báo cáo", sb.ToString());
    }

    public IResult Download(string communeId, string code, string fileName, CancellationToken ct)
    {
        if (!ExportScope.TryParse(code, out var scope) || scope is null || scope.Code != code)
            return Results.NotFound();
        var rounds = store.For(communeId).Rounds.FindAll().Select(r => r.Period.Code).ToHashSet();
        if (!scope.Periods.Any(p => rounds.Contains(p.Code))) return Results.NotFound();
        var file = files.Build(scope, communeId, ct).FirstOrDefault(f => f.Name == fileName);
        return file is null ? Results.NotFound() : Results.File(file.Content, PublicFiles.ContentTypeOf(file.Name), file.Name);
    }

    /// <summary>The periods /xuat offers: every round, newest first, and the spans from the plan's base year to 2025, 2030 and the last year.</summary>
    private List<ExportScope> Scopes(string communeId)
    {
        var plan = communes.PlanOf(communeId);
        var periods = store.For(communeId).Rounds.FindAll().Select(r => r.Period).OrderByDescending(p => p.To).ThenBy(p => p.Kind == PeriodKind.Year ? 0 : 1).ToList();
        var scopes = periods.Select(ExportScope.Of).ToList();
        var years = periods.Where(p => p.Kind == PeriodKind.Year).Select(p => p.Year).Order().ToList();
        if (years.Count == 0) return scopes;
        var baseYear = plan.Indicators.Select(i => i.GrowthBaseYear).FirstOrDefault(y => y is not null) ?? years[0];
        var from = Math.Max(baseYear, years[0]);
        foreach (var last in new[] { 2025, 2030, years[^1] }.Distinct().Where(y => years.Contains(y) && y > from))
            scopes.Insert(0, ExportScope.Years(from, last));
        return scopes;
    }
}
