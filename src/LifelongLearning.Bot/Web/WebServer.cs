using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Channels.Console;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Web;

/// <summary>A page's title and body, framed by <see cref="Html.Page"/>; <see cref="Status"/> other than 200 for a not-found.</summary>
public sealed record WebView(string Title, string Body, int Status = StatusCodes.Status200OK);

/// <summary>
/// The officials' web page on Web:ListenUrl, in the bot's process and on its store. Everything under /web/
/// except the sign-in pages and the stylesheet needs an official's session; a form that changes something
/// must carry the session's anti-forgery token, or it changes nothing. If the address cannot be taken the
/// bot keeps running without the page (the chat is the main way in) and says so in the log and to /web.
/// </summary>
public sealed partial class WebServer(
    IServiceProvider services,
    WebAccess access,
    WebSignIn signIn,
    WebAddress address,
    Plan plan,
    IOptions<WebOptions> options,
    IOptions<BotOptions> bot,
    IConfiguration configuration,
    ILoggerFactory loggers,
    ILogger<WebServer> logger) : IHostedService, IAsyncDisposable
{
    public const string FormTokenField = "__form";
    public const string SignInPage = "/web/dang-nhap";
    private const int MaxBodyBytes = 64 * 1024;
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // An https Web:ListenUrl takes its certificate from Kestrel:Certificates:Default (WebCertificate).
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls(options.Value.ListenUrl);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Configure(WebCertificate.KestrelSection(configuration), reloadOnChange: false);
        });
        builder.Services.AddSingleton(loggers);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(SecurityHeaders);
        Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            LogCannotListen(options.Value.ListenUrl, ex.Message);
            await app.DisposeAsync();
            return;
        }
        _app = app;
        address.ListeningUrl = app.Urls.FirstOrDefault()?.TrimEnd('/');
        LogListening(address.ListeningUrl ?? options.Value.ListenUrl);
        ShowDemoLink();
    }

    /// <summary>In the console demo the newcomer gets the official's sign-in link printed, to see the page at once.</summary>
    private void ShowDemoLink()
    {
        if (!bot.Value.SeedDemo || services.GetService<ConsoleTerminal>() is not { } terminal) return;
        var store = services.GetRequiredService<BotStore>();
        var official = store.Members.FindOne(m => m.Role == Role.Official && m.RemovedAt == null);
        if (official is null) return;
        terminal.Note($"Trang theo dõi cho cán bộ (mở trong trình duyệt, dùng một lần trong {(int)options.Value.LinkLifetime.TotalMinutes} phút; gõ /web để lấy liên kết mới):\n" +
                      signIn.UrlOf(signIn.CreateLink(official.Id)));
    }

    private static async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
                                  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        // A sign-in link's token is in the address: never hand it to another site.
        h["Referrer-Policy"] = "no-referrer";
        h.CacheControl = "no-store";
        // A form posted from another site (the browser says so) is refused before anything reads it: besides
        // the anti-forgery token, this keeps another site from signing a browser in with someone else's link.
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/web/style.css", () => Results.Text(WebStyle.Css, "text/css; charset=utf-8"));
        app.MapGet("/web/vao.js", () => Results.Text(WebStyle.SignInScript, "text/javascript; charset=utf-8"));
        app.MapGet("/", () => Results.Redirect("/web/"));
        // Browsers ask for it on every page; there is none, and a redirect to the sign-in page would be noise.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet(SignInPage, () => Page(SignInHelp(null)));
        app.MapGet(WebSignIn.SignInPath + "{token}", (string token) => OpenLink(token));
        app.MapPost(WebSignIn.SignInPath + "{token}", (HttpContext c, string token) => UseLink(c, token));
        app.MapPost("/web/dang-xuat", (Func<HttpContext, Task<IResult>>)SignOutAsync);

        Get(app, "/web/", (u, c) => services.GetRequiredService<RoundPage>().Render(u.Member.CommuneId), "/web/");
        Get(app, "/web/ky/{round}/{unit}", (u, c) => services.GetRequiredService<RoundPage>().Unit(u.Member.CommuneId, (string)c.Request.RouteValues["round"]!, (string)c.Request.RouteValues["unit"]!), "/web/");
        Get(app, "/web/chi-tieu", (u, c) => services.GetRequiredService<TargetsPage>().Render(u.Member.CommuneId, c.Request.Query["ky"]), "/web/chi-tieu");
        Get(app, "/web/xu-huong", (u, c) => services.GetRequiredService<TrendsPage>().Render(u.Member.CommuneId), "/web/xu-huong");
        Get(app, "/web/tai-ve", (u, c) => services.GetRequiredService<DownloadsPage>().Render(u.Member.CommuneId), "/web/tai-ve");
        app.MapGet("/web/tai-ve/{scope}/{file}", (HttpContext c, string scope, string file) =>
            Signed(c) is not { } u ? ToSignIn() : services.GetRequiredService<DownloadsPage>().Download(u.Member.CommuneId, scope, file, c.RequestAborted));
        Get(app, "/web/su-kien", (u, c) => services.GetRequiredService<EventsPage>().Render(u.Member.CommuneId), "/web/su-kien");
        Get(app, "/web/don-vi", (u, c) => services.GetRequiredService<UnitsPage>().Render(u, c.Request.Query["da"]), "/web/don-vi");
        Get(app, "/web/don-vi/ngung", (u, c) => services.GetRequiredService<UnitsPage>().ConfirmRetire(u, c.Request.Query["ma"]), "/web/don-vi");
        Post(app, "/web/don-vi/them", (u, f) => services.GetRequiredService<UnitsPage>().Add(u, f));
        Post(app, "/web/don-vi/doi-ten", (u, f) => services.GetRequiredService<UnitsPage>().Rename(u, f));
        Post(app, "/web/don-vi/ngung", (u, f) => services.GetRequiredService<UnitsPage>().Retire(u, f));
        Post(app, "/web/giay-moi", (u, f) => services.GetRequiredService<UnitsPage>().Invitations(u, f));
        app.MapFallback((HttpContext c) => Signed(c) is { } u
            ? Page(new WebView("Không có trang này", Html.Note("Trang này không có. Chọn một mục ở trên."), StatusCodes.Status404NotFound), u)
            : ToSignIn());
    }

    /// <summary>A page that needs an official: no session, and the browser goes to the sign-in page with nothing of the commune's.</summary>
    private void Get(WebApplication app, string pattern, Func<WebUser, HttpContext, WebView> render, string menu) =>
        app.MapGet(pattern, (HttpContext c) => Signed(c) is { } user ? Page(render(user, c), user, menu) : ToSignIn());

    /// <summary>
    /// A form that changes something: it needs the session and the session's anti-forgery token. The handler
    /// returns where to go next (post, redirect, get), or a page to show as it is (the invitation sheet).
    /// </summary>
    private void Post(WebApplication app, string pattern, Func<WebUser, IFormCollection, FormOutcome> handle) =>
        app.MapPost(pattern, async (HttpContext c) =>
        {
            if (Signed(c) is not { } user) return ToSignIn();
            var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync(c.RequestAborted) : FormCollection.Empty;
            if (!WebAccess.FormTokenMatches(user, form[FormTokenField]))
            {
                LogForgedForm(c.Request.Path);
                return Page(new WebView("Biểu mẫu không hợp lệ",
                    Html.Note("Biểu mẫu này đã cũ hoặc không gửi từ trang theo dõi nên không có gì thay đổi. Vui lòng tải lại trang rồi làm lại.", "error"),
                    StatusCodes.Status400BadRequest), user);
            }
            var outcome = handle(user, form);
            return outcome.View is { } view ? Page(view, user) : Results.Redirect(outcome.RedirectTo!, permanent: false, preserveMethod: false);
        });

    private WebUser? Signed(HttpContext c) => access.Find(c.Request.Cookies[WebAccess.CookieName]);

    private static IResult ToSignIn() => Results.Redirect(SignInPage);

    private IResult Page(WebView view, WebUser? user = null, string? menu = null) =>
        Results.Content(Html.Page(view.Title, view.Body, user, menu, plan.Commune.Name), "text/html; charset=utf-8", null, view.Status);

    private static WebView SignInHelp(string? problem) => new("Đăng nhập trang theo dõi",
        (problem is null ? "" : Html.Note(problem, "error")) +
        "<section><p>Trang này dành cho cán bộ theo dõi Kế hoạch của xã. Để đăng nhập:</p><ol>" +
        "<li>Mở cuộc trò chuyện với bot trên Zalo hoặc Telegram.</li>" +
        "<li>Gửi lệnh <b>/web</b>.</li>" +
        "<li>Bấm vào liên kết bot gửi lại (dùng được một lần, trong 10 phút).</li></ol></section>",
        problem is null ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden);

    private static string Problem(SignInResult result) => result switch
    {
        SignInResult.Used => "Liên kết đăng nhập này đã được dùng. Mỗi liên kết chỉ dùng được một lần: vui lòng gửi /web cho bot để nhận liên kết mới.",
        SignInResult.Expired => "Liên kết đăng nhập này đã hết hạn. Vui lòng gửi /web cho bot để nhận liên kết mới.",
        SignInResult.NotOfficial => "Tài khoản này không còn là cán bộ theo dõi nên không vào được trang. Vui lòng liên hệ người quản trị.",
        _ => "Liên kết đăng nhập không đúng. Vui lòng gửi /web cho bot để nhận liên kết mới.",
    };

    private IResult OpenLink(string token)
    {
        var state = access.Peek(token);
        if (state != SignInResult.SignedIn) return Page(SignInHelp(Problem(state)));
        // The link is used up by the form, not by opening: a chat app's preview robot opens links too.
        return Page(new WebView("Đăng nhập trang theo dõi",
            $"<form id=\"vao\" method=\"post\" action=\"{WebSignIn.SignInPath}{Html.E(token)}\"><p>Bấm nút dưới đây để vào trang theo dõi.</p>" +
            "<button type=\"submit\">Vào trang theo dõi</button></form><script src=\"/web/vao.js\"></script>"));
    }

    private IResult UseLink(HttpContext c, string token)
    {
        var (result, session) = access.Redeem(token);
        if (result != SignInResult.SignedIn) return Page(SignInHelp(Problem(result)));
        c.Response.Cookies.Append(WebAccess.CookieName, session!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = c.Request.IsHttps || options.Value.PublicBaseUrl?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true,
            Path = "/web",
            MaxAge = access.SessionLifetime,
        });
        LogSignedIn();
        return Results.Redirect("/web/");
    }

    private async Task<IResult> SignOutAsync(HttpContext c)
    {
        if (Signed(c) is not { } user) return ToSignIn();
        var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync(c.RequestAborted) : FormCollection.Empty;
        if (!WebAccess.FormTokenMatches(user, form[FormTokenField])) return Page(SignInHelp(null), user);
        access.End(user);
        c.Response.Cookies.Delete(WebAccess.CookieName, new CookieOptions { Path = "/web" });
        return Page(new WebView("Đã đăng xuất", Html.Note("Anh/chị đã đăng xuất. Gửi /web cho bot khi cần vào lại.", "done")));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Officials' web page listening on {Url}/web/")]
    private partial void LogListening(string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Officials' web page cannot listen on {Url} ({Reason}); the bot runs on without it")]
    private partial void LogCannotListen(string url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "An official signed in to the web page")]
    private partial void LogSignedIn();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web form {Path} posted without this session's anti-forgery token: nothing changed")]
    private partial void LogForgedForm(string path);
}

/// <summary>What a form did: a page to show (the invitation sheet), or where the browser goes next.</summary>
public sealed record FormOutcome(string? RedirectTo, WebView? View = null)
{
    public static FormOutcome Redirect(string to) => new(to);
    public static FormOutcome Show(WebView view) => new(null, view);
}
