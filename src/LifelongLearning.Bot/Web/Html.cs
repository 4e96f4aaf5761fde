using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace LifelongLearning.Bot.Web;

/// <summary>
/// The page frame and small helpers for server-rendered HTML. Every text that came from a person or the
/// store goes through <see cref="E"/>; nothing is loaded from outside the bot (a commune server may be offline).
/// </summary>
public static class Html
{
    // Vietnamese letters stay letters (readable source, smaller pages); only what HTML needs is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>The navigation, in the order an official looks: the round, the targets, then the rest.</summary>
    private static readonly (string Path, string Label)[] Menu =
    [
        ("/web/", "Kỳ báo cáo"),
        ("/web/chi-tieu", "Chỉ tiêu"),
        ("/web/xu-huong", "Xu hướng"),
        ("/web/tai-ve", "Tải báo cáo"),
        ("/web/su-kien", "Sự kiện, thông báo"),
        ("/web/don-vi", "Đơn vị, mời"),
    ];

    /// <summary>A whole page; <paramref name="user"/> null for the sign-in pages (no menu, nothing of the commune's).</summary>
    public static string Page(string title, string body, WebUser? user = null, string? active = null, string? commune = null)
    {
        var sb = new StringBuilder(body.Length + 2048);
        sb.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(title)).Append(" — Theo dõi Kế hoạch</title>")
          .Append("<link rel=\"stylesheet\" href=\"/web/style.css\"></head><body>");
        if (user is not null)
        {
            sb.Append("<header class=\"top\"><div class=\"brand\">").Append(E(commune ?? "Theo dõi Kế hoạch")).Append("</div><nav>");
            foreach (var (path, label) in Menu)
                sb.Append("<a href=\"").Append(path).Append('"').Append(path == active ? " class=\"on\" aria-current=\"page\"" : "").Append('>').Append(E(label)).Append("</a>");
            sb.Append("</nav><form method=\"post\" action=\"/web/dang-xuat\" class=\"out\">").Append(FormToken(user))
              .Append("<span>").Append(E(user.Member.Name)).Append("</span> <button type=\"submit\">Đăng xuất</button></form></header>");
        }
        sb.Append("<main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return sb.ToString();
    }

    /// <summary>The hidden anti-forgery field every form that changes something carries.</summary>
    public static string FormToken(WebUser user) => $"<input type=\"hidden\" name=\"{WebServer.FormTokenField}\" value=\"{E(user.FormToken)}\">";

    public static string Note(string text, string kind = "note") => $"<p class=\"{kind}\">{E(text)}</p>";
}
