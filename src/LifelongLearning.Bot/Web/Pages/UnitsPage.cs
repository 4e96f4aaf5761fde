using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using System.Text;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using QRCoder;
using static LifelongLearning.Bot.Web.Html;

namespace LifelongLearning.Bot.Web.Pages;

/// <summary>
/// The units: list, add, rename, retire (their figures stay), and the invitation sheet for a meeting: one card
/// per unit with a fresh invite code, its Telegram link and the Zalo bot's link (Zalo:BotLink) as QR codes,
/// and the code to type on Zalo. The rules are those of /themdonvi and /moi.
/// </summary>
public sealed partial class UnitsPage(BotStore store, CommuneDirectory communes, CommuneClock clock, BotIdentity identity, IOptions<BotOptions> options, UnitRegistry units)
{
    private const int MaxNameLength = 150;

    /// <summary>What the signed-in official sees and changes: their own commune's units, people and invites.</summary>
    private CommuneStore Of(WebUser user) => store.For(user.Member.CommuneId);

    public WebView Render(WebUser user, string? done, string? error = null)
    {
        var sb = new StringBuilder();
        if (error is not null) sb.Append(Note(error, "error"));
        else if (done is { Length: > 0 }) sb.Append(Note(done switch
        {
            "them" => "Đã thêm đơn vị.",
            "doiten" => "Đã đổi tên đơn vị.",
            "ngung" => "Đã ngừng theo dõi đơn vị; các số liệu đã gửi vẫn được giữ.",
            _ => "Đã lưu.",
        }, "done"));
        var token = FormToken(user);
        var reporters = Of(user).Members.Find(m => m.RemovedAt == null && m.UnitId != null).ToLookup(m => m.UnitId!);
        var kinds = communes.PlanOf(user.Member.CommuneId).UnitKinds.ToDictionary(k => k.Code, k => k.Name);
        sb.Append("<section class=\"noprint\"><h2>In giấy mời</h2><p>Mỗi đơn vị một thẻ: mã mời mới (dùng một lần, hết hạn sau ")
          .Append((int)options.Value.InviteLifetime.TotalDays).Append(" ngày), mã QR mở bot trên Telegram và trên Zalo, và mã để gõ trên Zalo.</p>")
          .Append("<form method=\"post\" action=\"/web/giay-moi\" class=\"inline\">").Append(token)
          .Append("<select name=\"donvi\"><option value=\"thieu\">Các đơn vị chưa có người báo cáo</option><option value=\"tatca\">Tất cả đơn vị</option></select>")
          .Append("<button type=\"submit\">Tạo giấy mời</button></form></section>");
        sb.Append("<h2>Các đơn vị</h2><div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Mã</th><th>Tên đơn vị</th><th>Loại</th><th>Người báo cáo</th><th class=\"noprint\">Thay đổi</th></tr></thead><tbody>");
        foreach (var u in Of(user).Units.Find(u => u.Active).OrderBy(u => u.Id))
        {
            var people = reporters[u.Id].Select(m => m.Name).ToList();
            sb.Append("<tr><td data-h=\"Mã\">").Append(E(u.Id)).Append("</td><td data-h=\"Tên đơn vị\">").Append(E(u.Name))
              .Append(u.Area is { } area ? $" <span class=\"muted\">({E(area)})</span>" : "").Append("</td>")
              .Append("<td data-h=\"Loại\">").Append(E(kinds.GetValueOrDefault(u.Kind, u.Kind))).Append("</td>")
              .Append("<td data-h=\"Người báo cáo\">").Append(people.Count == 0 ? "<span class=\"bad\">chưa có</span>" : E(string.Join(", ", people))).Append("</td>")
              .Append("<td data-h=\"Thay đổi\" class=\"noprint\"><form method=\"post\" action=\"/web/don-vi/doi-ten\" class=\"inline\">").Append(token)
              .Append("<input type=\"hidden\" name=\"ma\" value=\"").Append(E(u.Id)).Append("\"><input name=\"ten\" aria-label=\"Tên mới của ").Append(E(u.Name))
              .Append("\" value=\"").Append(E(u.Name)).Append("\" maxlength=\"").Append(MaxNameLength).Append("\" required><button type=\"submit\" class=\"quiet\">Đổi tên</button></form> ")
              .Append("<a class=\"button quiet\" href=\"/web/don-vi/ngung?ma=").Append(E(Uri.EscapeDataString(u.Id))).Append("\">Ngừng theo dõi…</a></td></tr>");
        }
        sb.Append("</tbody></table></div>");
        sb.Append("<section class=\"noprint\"><h2>Thêm đơn vị</h2><form method=\"post\" action=\"/web/don-vi/them\" class=\"inline\">").Append(token)
          .Append("<input name=\"ma\" placeholder=\"Mã, ví dụ TV-CD\" aria-label=\"Mã đơn vị\" maxlength=\"20\" required>")
          .Append("<select name=\"loai\" aria-label=\"Loại đơn vị\">");
        foreach (var k in communes.PlanOf(user.Member.CommuneId).UnitKinds) sb.Append("<option value=\"").Append(E(k.Code)).Append("\">").Append(E(k.Name)).Append("</option>");
        sb.Append("</select><input name=\"ten\" placeholder=\"Tên đơn vị\" aria-label=\"Tên đơn vị\" maxlength=\"").Append(MaxNameLength).Append("\" required>")
          .Append("<button type=\"submit\">Thêm</button></form></section>");
        var retired = Of(user).Units.Count(u => !u.Active);
        if (retired > 0) sb.Append(Note($"{retired} đơn vị đã ngừng theo dõi (số liệu cũ vẫn có trong báo cáo các năm trước)."));
        return new WebView("Đơn vị và giấy mời", sb.ToString());
    }

    /// <summary>Retiring asks once more: a click by mistake would stop the unit being asked for its figures.</summary>
    public WebView ConfirmRetire(WebUser user, string? code)
    {
        if (Of(user).Units.FindById(code ?? "") is not { Active: true } unit)
            return new WebView("Không tìm thấy", Note("Không có đơn vị này.", "error"), StatusCodes.Status404NotFound);
        return new WebView($"Ngừng theo dõi {unit.Name}?",
            $"<section><p>Từ kỳ báo cáo sau, bot không hỏi số liệu của <b>{E(unit.Name)}</b> nữa và đơn vị không còn trong danh sách. " +
            "Các số liệu đơn vị đã gửi vẫn được giữ trong báo cáo các kỳ trước.</p>" +
            $"<form method=\"post\" action=\"/web/don-vi/ngung\" class=\"inline\">{FormToken(user)}<input type=\"hidden\" name=\"ma\" value=\"{E(unit.Id)}\">" +
            "<button type=\"submit\">Ngừng theo dõi</button> <a href=\"/web/don-vi\">Không, quay lại</a></form></section>");
    }

    public FormOutcome Add(WebUser user, IFormCollection form)
    {
        var code = form["ma"].ToString().Trim().ToUpperInvariant();
        var kind = form["loai"].ToString().Trim();
        var name = form["ten"].ToString().Trim();
        if (!UnitCode().IsMatch(code)) return Error(user, "Mã đơn vị gồm 2–20 chữ cái không dấu, chữ số hoặc dấu gạch ngang, ví dụ TV-CD.");
        if (name.Length is 0 or > MaxNameLength) return Error(user, $"Tên đơn vị không được để trống và dài tối đa {MaxNameLength} ký tự.");
        return store.Write(() => units.Add(Of(user), code, kind, name)) switch
        {
            UnitAdded.Added => FormOutcome.Redirect("/web/don-vi?da=them"),
            UnitAdded.UnknownKind => Error(user, "Loại đơn vị không có trong Kế hoạch."),
            _ => Error(user, $"Mã {code} đã có đơn vị dùng. Chọn mã khác."),
        };
    }

    public FormOutcome Rename(WebUser user, IFormCollection form)
    {
        var code = form["ma"].ToString();
        var name = form["ten"].ToString().Trim();
        if (name.Length is 0 or > MaxNameLength) return Error(user, $"Tên đơn vị không được để trống và dài tối đa {MaxNameLength} ký tự.");
        var done = store.Write(() =>
        {
            if (Of(user).Units.FindById(code) is not { Active: true } unit) return false;
            unit.Name = name;
            Of(user).Units.Update(unit);
            return true;
        });
        return done ? FormOutcome.Redirect("/web/don-vi?da=doiten") : Error(user, "Không có đơn vị này.");
    }

    public FormOutcome Retire(WebUser user, IFormCollection form)
    {
        var code = form["ma"].ToString();
        var done = store.Write(() =>
        {
            if (Of(user).Units.FindById(code) is not { Active: true } unit) return false;
            unit.Active = false;
            Of(user).Units.Update(unit);
            return true;
        });
        return done ? FormOutcome.Redirect("/web/don-vi?da=ngung") : Error(user, "Không có đơn vị này.");
    }

    /// <summary>New invite codes for the chosen units, shown once on a sheet to print (the codes are stored only as hashes).</summary>
    public FormOutcome Invitations(WebUser user, IFormCollection form)
    {
        var all = form["donvi"] == "tatca";
        var expires = clock.UtcNow + options.Value.InviteLifetime;
        var cards = store.Write(() =>
        {
            var staffed = Of(user).Members.Find(m => m.RemovedAt == null && m.UnitId != null).Select(m => m.UnitId!).ToHashSet();
            var list = new List<(UnitRecord Unit, string Code)>();
            foreach (var unit in Of(user).Units.Find(u => u.Active).OrderBy(u => u.Id).Where(u => all || !staffed.Contains(u.Id)))
            {
                var code = InviteCodes.NewCode();
                Of(user).Invites.Insert(new Invite
                {
                    Id = InviteCodes.Hash(code), Role = Role.Reporter, UnitId = unit.Id, CreatedBy = user.Member.Id,
                    CreatedAt = clock.UtcNow, ExpiresAt = expires,
                });
                list.Add((unit, code));
            }
            return list;
        });
        if (cards.Count == 0) return Error(user, "Đơn vị nào cũng đã có người báo cáo. Chọn «Tất cả đơn vị» để in lại giấy mời cho mọi đơn vị.");
        var sb = new StringBuilder();
        sb.Append("<p class=\"noprint\">Các mã dưới đây chỉ hiện một lần: hãy in trang này ngay (Ctrl+P). <a href=\"/web/don-vi\">← Đơn vị</a></p><div class=\"cards\">");
        var until = VietnameseFormat.Date(DateOnly.FromDateTime(clock.ToLocal(expires).DateTime));
        foreach (var (unit, code) in cards)
        {
            sb.Append("<div class=\"invite\"><h3>").Append(E(unit.Name)).Append("</h3><p class=\"muted\">Mời người báo cáo số liệu của đơn vị cho Kế hoạch học tập suốt đời của xã.</p>");
            var telegram = identity.TelegramUsername;
            var zalo = identity.ZaloBotLink;
            if (telegram is not null || zalo is not null)
            {
                sb.Append("<div class=\"qrs\">");
                if (telegram is not null) sb.Append(QrFigure($"https://t.me/{telegram}?start={code}", "Telegram"));
                if (zalo is not null) sb.Append(QrFigure(zalo, "Zalo"));
                sb.Append("</div>");
            }
            if (telegram is not null) sb.Append("<p>Telegram: quét mã QR Telegram, hoặc mở t.me/").Append(E(telegram)).Append(" và bấm Bắt đầu.</p>");
            sb.Append(ZaloSentence()).Append("<p class=\"code\">").Append(E(InviteCodes.Display(code))).Append("</p>")
              .Append("<p class=\"muted\">Mã dùng một lần, hết hạn ngày ").Append(E(until)).Append(".</p></div>");
        }
        sb.Append("</div>");
        return FormOutcome.Show(new WebView("Giấy mời báo cáo", sb.ToString()));
    }

    private FormOutcome Error(WebUser user, string message) => FormOutcome.Show(Render(user, null, message) with { Status = StatusCodes.Status400BadRequest });

    /// <summary>
    /// A Zalo bot's link cannot carry the invite code as Telegram's does, so the code is always typed: after
    /// scanning the bot's QR, or after finding the bot by its name in Zalo's search when no link is set.
    /// </summary>
    private string ZaloSentence()
    {
        if (identity.ZaloBotLink is not null) return "<p>Zalo: quét mã QR Zalo bằng ứng dụng Zalo để mở bot của xã, rồi nhắn cho bot mã sau:</p>";
        var name = identity.ZaloBotName is { Length: > 0 } n ? $"«{E(n)}»" : "của xã (tên bắt đầu bằng «Bot», cán bộ xã cho biết tên)";
        return $"<p>Zalo: mở Zalo, gõ tên bot {name} vào ô Tìm kiếm, mở bot rồi nhắn cho bot mã sau:</p>";
    }

    private static string QrFigure(string link, string channel) =>
        $"<figure class=\"qr\">{Qr(link)}<figcaption>{channel}</figcaption></figure>";

    private static string Qr(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex UnitCode();
}
