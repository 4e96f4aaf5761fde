using LifelongLearning.Bot.Core.Time;
using System.Text;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using static LifelongLearning.Bot.Web.Html;

namespace LifelongLearning.Bot.Web.Pages;

/// <summary>Events coming and past (with the participants units reported), and announcements with their delivery reports.</summary>
public sealed class EventsPage(BotStore store, CommuneClock clock)
{
    private const int PastShown = 30;
    private const int BroadcastsShown = 30;

    /// <summary>The events and announcements of the official's own commune.</summary>
    public WebView Render(string communeId)
    {
        var now = clock.UtcNow;
        var commune = store.For(communeId);
        var events = commune.Events.Find(e => e.CancelledAt == null).ToList();
        var coming = events.Where(e => End(e) >= now).OrderBy(e => e.StartsAt).ToList();
        var past = events.Where(e => End(e) < now).OrderByDescending(e => e.StartsAt).Take(PastShown).ToList();
        var sb = new StringBuilder();
        sb.Append("<h2>Sự kiện sắp tới</h2>");
        sb.Append(coming.Count == 0 ? Note("Chưa có sự kiện nào sắp tới.") : EventTable(commune, coming, withFigures: false));
        sb.Append("<h2>Sự kiện đã qua</h2>");
        sb.Append(past.Count == 0 ? Note("Chưa có sự kiện nào đã qua.") : EventTable(commune, past, withFigures: true));
        sb.Append("<h2>Thông báo đã gửi</h2>").Append(Broadcasts(commune));
        return new WebView("Sự kiện và thông báo", sb.ToString());
    }

    private DateTime End(EventRecord e) => e.LastDay is { } last ? clock.ToUtc(last.AddDays(1), TimeOnly.MinValue)
        : e.AllDay ? e.StartsAt.AddDays(1) : e.StartsAt;

    private string EventTable(CommuneStore commune, List<EventRecord> events, bool withFigures)
    {
        var units = commune.Units.FindAll().ToDictionary(u => u.Id, u => u.Name);
        var sb = new StringBuilder("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Số</th><th>Sự kiện</th><th>Thời gian</th><th>Địa điểm</th><th>Đơn vị tổ chức</th>");
        if (withFigures) sb.Append("<th>Người tham gia</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var e in events)
        {
            var local = clock.ToLocal(e.StartsAt);
            var when = e.AllDay ? VietnameseFormat.Date(DateOnly.FromDateTime(local.DateTime)) : VietnameseFormat.DateTime(local);
            if (e.LastDay is { } last) when += " – " + VietnameseFormat.Date(last);
            sb.Append("<tr><td data-h=\"Số\">").Append(e.Id).Append("</td><td data-h=\"Sự kiện\">").Append(E(e.Title))
              .Append(e.Area is { } area ? $" <span class=\"muted\">({E(area)})</span>" : "").Append("</td>")
              .Append("<td data-h=\"Thời gian\">").Append(E(when)).Append("</td><td data-h=\"Địa điểm\">").Append(E(e.Place ?? "—")).Append("</td>")
              .Append("<td data-h=\"Đơn vị tổ chức\">").Append(E(e.OrganiserUnitId is { } o ? units.GetValueOrDefault(o, o) : "—")).Append("</td>");
            if (withFigures)
            {
                var figures = commune.EventFigures.Find(f => f.EventId == e.Id).ToList();
                sb.Append("<td data-h=\"Người tham gia\" class=\"n\">").Append(figures.Count == 0 ? "<span class=\"muted\">chưa có số</span>"
                    : E($"{VietnameseFormat.Number(figures.Sum(f => f.Participants))} người ({figures.Count} đơn vị báo số)")).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table></div>").ToString();
    }

    private string Broadcasts(CommuneStore commune)
    {
        var broadcasts = commune.Broadcasts.FindAll().OrderByDescending(b => b.CreatedAt).Take(BroadcastsShown).ToList();
        if (broadcasts.Count == 0) return Note("Chưa gửi thông báo nào.");
        var sb = new StringBuilder("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Gửi lúc</th><th>Nội dung</th><th>Người nhận</th><th>Đã gửi</th><th>Không gửi được</th><th>Đang chờ</th><th>Người gửi</th></tr></thead><tbody>");
        foreach (var b in broadcasts)
        {
            var rows = commune.Outbox.Find(m => m.BroadcastId == b.Id).ToList();
            var sent = rows.Count(m => m.Status == OutboxStatus.Sent);
            var refused = rows.Count(m => m.Status is OutboxStatus.Failed or OutboxStatus.Unreachable);
            var pending = rows.Count(m => m.Status == OutboxStatus.Pending);
            var text = (rows.FirstOrDefault()?.Text ?? "").Replace(Broadcaster.Footer, "").Trim();
            if (text.Length > 160) text = text[..160] + "…";
            var by = b.OfficialId.Length == 0 ? "Lịch sự kiện (tự động)" : store.Members.FindById(b.OfficialId)?.Name ?? "—";
            // Old rows are pruned by housekeeping; then only the settled count the broadcast keeps is known.
            var settledOnly = rows.Count == 0 && b.Recipients > 0;
            sb.Append("<tr><td data-h=\"Gửi lúc\">").Append(E(VietnameseFormat.DateTime(clock.ToLocal(b.CreatedAt)))).Append("</td>")
              .Append("<td data-h=\"Nội dung\">").Append(text.Length == 0 ? "<span class=\"muted\">—</span>" : E(text)).Append("</td>")
              .Append("<td data-h=\"Người nhận\" class=\"n\">").Append(b.Recipients).Append("</td>")
              .Append("<td data-h=\"Đã gửi\" class=\"n ok\">").Append(settledOnly ? "—" : sent.ToString()).Append("</td>")
              .Append("<td data-h=\"Không gửi được\" class=\"n").Append(refused > 0 ? " bad" : "").Append("\">").Append(settledOnly ? "—" : refused.ToString()).Append("</td>")
              .Append("<td data-h=\"Đang chờ\" class=\"n\">").Append(settledOnly ? (b.Recipients - b.Settled).ToString() : pending.ToString()).Append("</td>")
              .Append("<td data-h=\"Người gửi\">").Append(E(by)).Append("</td></tr>");
        }
        return sb.Append("</tbody></table></div>").ToString();
    }
}
