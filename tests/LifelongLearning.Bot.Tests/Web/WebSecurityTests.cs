using System.Net;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Web;
using Xunit;

namespace LifelongLearning.Bot.Tests.Web;

/// <summary>The sign-in and session rules of the web page, over plain HTTP to the real host.</summary>
public sealed partial class WebSecurityTests : WebTestBase
{
    private static readonly string[] Pages = ["/web/", "/web/chi-tieu", "/web/xu-huong", "/web/tai-ve", "/web/su-kien", "/web/don-vi", "/web/ky/2026/TV-TH", "/web/tai-ve/2025/bao-cao-2025.docx"];

    [Fact]
    public async Task Without_a_session_every_page_and_download_goes_to_the_sign_in_page_which_shows_no_figure()
    {
        await RegisterAsync(Reporter, "TV-TH");
        using var client = NewClient();
        foreach (var page in Pages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(WebServer.SignInPage, response.Headers.Location?.OriginalString);
        }
        var signIn = await client.GetStringAsync(WebServer.SignInPage);
        Assert.Contains("Gửi lệnh <b>/web</b>", signIn);
        Assert.DoesNotContain("Thư viện", signIn);
        Assert.DoesNotContain("Đăng xuất", signIn);

        // A made-up cookie is no session either.
        using var forged = NewClient(Cookies(WebAccess.CookieName, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal(HttpStatusCode.Redirect, (await forged.GetAsync("/web/")).StatusCode);
    }

    [Fact]
    public async Task An_officials_link_works_once_then_says_to_send_web_again()
    {
        await RegisterAsync(Reporter, "TV-TH");
        var link = await LinkByChatAsync(Admin);
        using var client = NewClient();

        // Opening it only shows the page that signs in (a chat app's link preview must not use it up).
        Assert.Contains("Vào trang theo dõi", await BodyAsync(client, new Uri(link).AbsolutePath));
        var first = await SignInAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await client.GetStringAsync("/web/");
        Assert.Contains("Đăng xuất", page);

        using var other = NewClient();
        var again = await BodyAsync(other, new Uri(link).AbsolutePath);
        Assert.Contains("Liên kết đăng nhập này đã được dùng", again);
        Assert.Contains("gửi /web cho bot", again);
        var reused = await SignInAsync(other, link);
        Assert.Equal(HttpStatusCode.Forbidden, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/web/")).StatusCode);

        var unknown = await BodyAsync(other, "/web/vao/khong-phai-lien-ket-that-abcdefgh");
        Assert.Contains("Liên kết đăng nhập không đúng", unknown);
    }

    [Fact]
    public async Task A_link_lasts_ten_minutes_and_an_expired_one_is_refused()
    {
        await RegisterAsync(Reporter, "TV-TH");
        var link = await LinkByChatAsync(Admin);
        var stored = Bot.Store.WebLinks.FindAll().Single();
        Assert.Equal(TimeSpan.FromMinutes(10), stored.ExpiresAt - stored.CreatedAt);

        // Ten minutes later (the record says when it ends; the clock here is the real one).
        stored.ExpiresAt = DateTime.UtcNow.AddSeconds(-1);
        Bot.Store.Write(() => Bot.Store.WebLinks.Update(stored));

        using var client = NewClient();
        Assert.Contains("Liên kết đăng nhập này đã hết hạn. Vui lòng gửi /web cho bot", await BodyAsync(client, new Uri(link).AbsolutePath));
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(client, link)).StatusCode);
        Assert.Empty(Bot.Store.WebSessions.FindAll());
    }

    [Fact]
    public async Task A_reporter_and_a_resident_get_no_link_and_so_no_session()
    {
        await RegisterAsync(Reporter, "TV-TH");
        const long resident = 8801;
        Say(resident, "/start", "Bà Nga");
        await NextAsync(resident);

        foreach (var chat in new[] { Reporter, resident })
        {
            Say(chat, "/web");
            // The command table's one role refusal; WebCommand's own check stays as a second guard.
            var answer = await NextContainingAsync(chat, "/web");
            Assert.Equal("Lệnh /web chỉ dành cho cán bộ theo dõi của xã.", answer.Body);
        }
        Assert.Empty(Bot.Store.WebLinks.FindAll());
    }

    [Fact]
    public async Task The_cookie_is_HttpOnly_and_SameSite_Strict_and_the_store_keeps_only_hashes()
    {
        await RegisterAsync(Reporter, "TV-TH");
        var link = await LinkByChatAsync(Admin);
        using var client = NewClient();
        var response = await SignInAsync(client, link);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/web", cookie);
        Assert.DoesNotContain("secure", cookie); // plain http on loopback; over HTTPS it is Secure
        Assert.Contains("max-age=43200", cookie); // 12 hours
        var session = CookieValue().Match(cookie).Groups[1].Value;
        var token = link[(link.LastIndexOf('/') + 1)..];

        // The session's id is nowhere in the file; the link's token is not in the links, and the chat message
        // that carried it lost it once it was used.
        var text = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(CopyOfDatabase()));
        Assert.DoesNotContain(session, text);
        Assert.DoesNotContain(Bot.Store.Outbox.FindAll(), m => m.Text.Contains(token));
        Assert.Contains(Bot.Store.Outbox.FindAll(), m => m.Text.Contains("/web/vao/…(đã dùng)"));
        Assert.DoesNotContain(Bot.Store.WebLinks.FindAll(), l => l.Id.Contains(token));
        Assert.Single(Bot.Store.WebSessions.FindAll());
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var client = NewClient();
        foreach (var path in new[] { WebServer.SignInPage, "/web/", "/web/style.css" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                string.Join("", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", string.Join("", response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_changes_nothing_and_with_it_the_change_is_made()
    {
        await RegisterAsync(Reporter, "TV-TH");
        using var client = await SignedInClientAsync(Admin);
        var before = Bot.Store.Units.FindById("TV-TH")!.Name;

        var forged = await client.PostAsync("/web/don-vi/doi-ten", new FormUrlEncodedContent([new("ma", "TV-TH"), new("ten", "Tên giả mạo")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("không có gì thay đổi", await forged.Content.ReadAsStringAsync());
        var wrong = await client.PostAsync("/web/don-vi/ngung", new FormUrlEncodedContent([new("ma", "TV-TH"), new(WebServer.FormTokenField, "sai")]));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(before, Bot.Store.Units.FindById("TV-TH")!.Name);
        Assert.True(Bot.Store.Units.FindById("TV-TH")!.Active);

        var page = await client.GetStringAsync("/web/don-vi");
        var token = FormTokenValue().Match(page).Groups[1].Value;
        var real = await client.PostAsync("/web/don-vi/doi-ten", new FormUrlEncodedContent([new("ma", "TV-TH"), new("ten", "Thư viện Trường Tiểu học xã Tân Kỳ"), new(WebServer.FormTokenField, token)]));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal("Thư viện Trường Tiểu học xã Tân Kỳ", Bot.Store.Units.FindById("TV-TH")!.Name);
    }

    [Fact]
    public async Task A_post_the_browser_marks_as_from_another_site_is_refused_before_the_link_is_used()
    {
        await RegisterAsync(Reporter, "TV-TH");
        var link = await LinkByChatAsync(Admin);
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(link).AbsolutePath) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(request)).StatusCode);
        Assert.Null(Bot.Store.WebLinks.FindAll().Single().UsedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, link)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_a_removed_official_loses_theirs()
    {
        await RegisterAsync(Reporter, "TV-TH");
        using var client = await SignedInClientAsync(Admin);
        var token = FormTokenValue().Match(await client.GetStringAsync("/web/")).Groups[1].Value;
        var signedOut = await client.PostAsync("/web/dang-xuat", new FormUrlEncodedContent([new(WebServer.FormTokenField, token)]));
        Assert.Contains("Anh/chị đã đăng xuất", await signedOut.Content.ReadAsStringAsync());
        Assert.Empty(Bot.Store.WebSessions.FindAll());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/web/")).StatusCode);

        // An official invited by the admin, signed in, then removed with /xoa: the open session stops working.
        const long official = 5002;
        Say(Admin, "/moi canbo");
        var invite = await NextContainingAsync(Admin, "?start=");
        Say(official, $"/start {LinkCode().Match(invite.Body!).Groups[1].Value}", "Chị Lan");
        await NextContainingAsync(official, "Chào");
        using var lan = await SignedInClientAsync(official);
        Assert.Equal(HttpStatusCode.OK, (await lan.GetAsync("/web/")).StatusCode);
        var member = Bot.Store.Members.FindOne(m => m.Role == Role.Official);
        Say(Admin, $"/xoa {member.Id}");
        await NextContainingAsync(Admin, "Đã bỏ");
        Assert.Equal(HttpStatusCode.Redirect, (await lan.GetAsync("/web/")).StatusCode);
    }

    private static async Task<string> BodyAsync(HttpClient client, string path) => await (await client.GetAsync(path)).Content.ReadAsStringAsync();

    private string CopyOfDatabase()
    {
        Bot.Store.Checkpoint();
        var copy = Path.GetTempFileName();
        using (var source = new FileStream(Bot.DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var target = File.Create(copy))
            source.CopyTo(target);
        return copy;
    }

    private CookieContainer Cookies(string name, string value)
    {
        var jar = new CookieContainer();
        jar.Add(new Uri(BaseUrl), new Cookie(name, value, "/web"));
        return jar;
    }

    [GeneratedRegex("llbot_web=([^;]+)")]
    private static partial Regex CookieValue();

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenValue();
}
