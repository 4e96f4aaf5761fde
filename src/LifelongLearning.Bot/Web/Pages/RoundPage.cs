using LifelongLearning.Bot.Core.Time;
using System.Text;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LiteDB;
using static LifelongLearning.Bot.Web.Html;

namespace LifelongLearning.Bot.Web.Pages;

/// <summary>
/// The open rounds: who answered and when, who is late and by how much, when each was last reminded, who
/// cannot be reached and on which channel. A unit's name opens its answers with every revision.
/// </summary>
public sealed class RoundPage(BotStore store, CommuneClock clock, RoundService rounds, Reports reports)
{
    /// <summary>The open rounds of the official's own commune.</summary>
    public WebView Render(string communeId)
    {
        var open = rounds.OpenRounds(communeId);
        var sb = new StringBuilder();
        if (open.Count == 0)
        {
            sb.Append(Note("Hiện không có kỳ báo cáo nào đang mở."));
            var last = store.For(communeId).Rounds.FindAll().OrderByDescending(r => r.Deadline).FirstOrDefault();
            if (last is not null) sb.Append("<h2>Kỳ gần nhất</h2>").Append(RoundTable(last));
        }
        foreach (var round in open) sb.Append(RoundTable(round));
        return new WebView("Kỳ báo cáo đang mở", sb.ToString());
    }

    private string RoundTable(Round round)
    {
        var sb = new StringBuilder();
        // The same summary lines as /trangthai and the digest, from the same functions.
        var status = DigestWriter.Status(Sentence.Cap(round.Period.Label), round.Deadline, reports.CompletenessOf(round), listUnits: false);
        var deadlineEnd = clock.ToUtc(round.Deadline.AddDays(1), TimeOnly.MinValue);
        // Everything the table needs in a few indexed reads, not several per unit: the page must stay fast on 60 units.
        var first = store.Answers.Find(Query.EQ(nameof(Answer.RoundId), round.Id)).GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Min(a => a.FirstConfirmedAt));
        var reminded = store.Outbox.Find(Query.StartsWith(nameof(OutboxMessage.DedupKey), DedupKeys.ReminderPrefix(round.Id)))
            .GroupBy(m => DedupKeys.ReminderUnit(m.DedupKey!)).ToDictionary(g => g.Key, g => g.Max(m => m.SentAt ?? m.CreatedAt));
        var reporters = store.Members.Find(Query.EQ(nameof(Member.Role), Role.Reporter.ToString())).Where(m => m.RemovedAt == null && m.UnitId != null).ToLookup(m => m.UnitId!);
        var ids = reporters.SelectMany(g => g).Select(m => new BsonValue(m.Id)).ToArray();
        var accounts = (ids.Length == 0 ? [] : store.Accounts.Find(Query.In(nameof(ChatAccount.MemberId), ids))).ToLookup(a => a.MemberId);

        sb.Append("<section><h2>").Append(E(status.Split('\n')[0].Replace("📋", "").Trim())).Append("</h2>");
        foreach (var line in status.Split('\n').Skip(1)) sb.Append("<p>").Append(E(line)).Append("</p>");
        if (round.Status == RoundStatus.Closed) sb.Append(Note("Kỳ này đã đóng."));
        sb.Append("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Gửi lúc</th><th>Nhắc gần nhất</th><th>Liên lạc</th></tr></thead><tbody>");
        foreach (var unit in rounds.UnitsOf(round))
        {
            DateTime? at = first.TryGetValue(unit.Id, out var f) ? f : null;
            var (state, css) = at switch
            {
                { } t when Lateness.IsLate(clock.ToLocal(t), round.Deadline) => ($"Gửi muộn {Days(t - deadlineEnd)}", "late"),
                not null => ("Đã gửi đúng hạn", "ok"),
                null when clock.UtcNow >= deadlineEnd => ($"Chưa gửi — quá hạn {Days(clock.UtcNow - deadlineEnd)}", "bad"),
                null => ("Chưa gửi", "muted"),
            };
            sb.Append("<tr><td data-h=\"Đơn vị\"><a href=\"/web/ky/").Append(E(Uri.EscapeDataString(round.Id))).Append('/').Append(E(Uri.EscapeDataString(unit.Id)))
              .Append("\">").Append(E(unit.Name)).Append("</a> <span class=\"muted\">").Append(E(unit.Id)).Append("</span></td>")
              .Append("<td data-h=\"Tình trạng\" class=\"").Append(css).Append("\">").Append(E(state)).Append("</td>")
              .Append("<td data-h=\"Gửi lúc\">").Append(at is { } sent ? E(VietnameseFormat.DateTime(clock.ToLocal(sent))) : "—").Append("</td>")
              .Append("<td data-h=\"Nhắc gần nhất\">").Append(reminded.TryGetValue(unit.Id, out var r) ? E(VietnameseFormat.DateTime(clock.ToLocal(r))) : "—").Append("</td>")
              .Append("<td data-h=\"Liên lạc\">").Append(E(Reach([.. reporters[unit.Id]], accounts))).Append("</td></tr>");
        }
        sb.Append("</tbody></table></div></section>");
        return sb.ToString();
    }

    /// <summary>One unit's answers in a round, each with its revisions: the value, who, when, through which channel.</summary>
    public WebView Unit(string communeId, string roundId, string unitId)
    {
        // Another commune's round or unit is, for this official, not there.
        var round = rounds.Find(roundId) is { } found && found.CommuneId == communeId ? found : null;
        var unit = store.For(communeId).Units.FindById(unitId);
        if (round is null || unit is null)
            return new WebView("Không tìm thấy", Note("Không có kỳ báo cáo hoặc đơn vị này.", "error"), 404);
        var answers = store.Answers.Find(a => a.RoundId == round.Id && a.UnitId == unit.Id).ToDictionary(a => a.IndicatorCode);
        var sb = new StringBuilder();
        sb.Append("<p><a href=\"/web/\">← Kỳ báo cáo đang mở</a></p>");
        if (answers.Count == 0) sb.Append(Note("Đơn vị chưa gửi số liệu nào trong kỳ này."));
        sb.Append("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Chỉ tiêu</th><th>Số liệu</th><th>Các lần gửi, sửa</th></tr></thead><tbody>");
        foreach (var indicator in rounds.IndicatorsFor(unit, round))
        {
            answers.TryGetValue(indicator.Code, out var answer);
            sb.Append("<tr><td data-h=\"Chỉ tiêu\">").Append(E(indicator.Name)).Append(" <span class=\"muted\">").Append(E(indicator.Code)).Append("</span></td>")
              .Append("<td data-h=\"Số liệu\" class=\"n\">").Append(answer is null ? "<span class=\"muted\">chưa có</span>" : E(answer.Value.Display(indicator))).Append("</td><td data-h=\"Các lần gửi, sửa\">");
            if (answer is not null)
            {
                sb.Append("<ol>");
                foreach (var r in answer.Revisions)
                    sb.Append("<li>").Append(E(r.Value.Display(indicator))).Append(" — ").Append(E(r.MemberName)).Append(", ")
                      .Append(E(VietnameseFormat.DateTime(clock.ToLocal(r.At)))).Append(", qua ").Append(E(ChannelName.Display(r.Channel))).Append("</li>");
                sb.Append("</ol>");
            }
            sb.Append("</td></tr>");
        }
        sb.Append("</tbody></table></div>");
        return new WebView($"{unit.Name} — {Sentence.LowerFirst(round.Period.Label)}", sb.ToString());
    }

    /// <summary>Who cannot be reached and on which channel; a unit is reachable while one reporter has an account the platform has not refused.</summary>
    private static string Reach(List<Member> reporters, ILookup<string, ChatAccount> accounts)
    {
        if (reporters.Count == 0) return "Chưa có người báo cáo";
        var refused = reporters.SelectMany(m => accounts[m.Id].Where(a => a.UnreachableReason != null)
            .Select(a => $"{m.Name}: không liên lạc được qua {ChannelName.Display(a.Channel)}")).ToList();
        if (refused.Count == 0) return "Liên lạc được";
        var reachable = reporters.Any(m => accounts[m.Id].Any(a => a.UnreachableReason == null));
        return string.Join("; ", refused) + (reachable ? " (còn kênh khác)" : "");
    }

    private static string Days(TimeSpan span) => span.TotalDays >= 1 ? $"{(int)span.TotalDays} ngày" : $"{Math.Max(1, (int)span.TotalHours)} giờ";
}
