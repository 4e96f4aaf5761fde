using System.Net;
using System.Security.Cryptography.X509Certificates;
using Xunit;

namespace LifelongLearning.Bot.Tests.Web;

/// <summary>
/// The page served over HTTPS by the bot itself, from a certificate given in Kestrel:Certificates:Default: the
/// session cookie is then Secure as well as HttpOnly and SameSite=Strict.
/// </summary>
public sealed class WebHttpsTests : WebTestBase
{
    private const string Password = "mat-khau-chung-chi";
    private readonly string _folder = Directory.CreateTempSubdirectory("llbot-https-").FullName;
    private X509Certificate2 _certificate = null!;
    private string _pfx = null!;
    private int _handshakes;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Web:ListenUrl"] = "https://127.0.0.1:0";
        settings["Kestrel:Certificates:Default:Path"] = _pfx;
        settings["Kestrel:Certificates:Default:Password"] = Password;
        return settings;
    }

    public override async Task InitializeAsync()
    {
        _certificate = TestCertificate.SelfSigned();
        _pfx = TestCertificate.WritePfx(_certificate, _folder, Password);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Trusts exactly the certificate the test gave the bot, and counts the times the page showed it.</summary>
    protected override HttpClientHandler Handler(CookieContainer cookies)
    {
        var handler = base.Handler(cookies);
        handler.ServerCertificateCustomValidationCallback = (_, served, _, _) =>
        {
            var ours = served?.Thumbprint == _certificate.Thumbprint;
            if (ours) Interlocked.Increment(ref _handshakes);
            return ours;
        };
        return handler;
    }

    [Fact]
    public async Task Over_https_the_sign_in_link_is_https_and_the_session_cookie_is_Secure_HttpOnly_and_SameSite_Strict()
    {
        var link = await LinkByChatAsync(Admin);
        Assert.StartsWith("https://127.0.0.1:", link);

        using var client = NewClient();
        var response = await SignInAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=strict", cookie);

        // The browser sends it back over https and sees the round.
        var page = await client.GetAsync("/web/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>", await page.Content.ReadAsStringAsync());
        Assert.True(_handshakes > 0, "the page did not present the configured certificate");
    }
}
