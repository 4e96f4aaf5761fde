using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xunit;

namespace LifelongLearning.Bot.Tests.Web;

public sealed class WebOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_local_and_twelve_hours()
    {
        var options = new WebOptions();
        Assert.True(new WebOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("http://127.0.0.1:8082", options.ListenUrl);
        Assert.Equal(TimeSpan.FromHours(12), options.SessionLifetime);
        Assert.Equal(TimeSpan.FromMinutes(10), options.LinkLifetime);
    }

    [Theory]
    [InlineData("localhost:8082", null, "12:00:00", "Web:ListenUrl")]
    [InlineData("http://127.0.0.1:8082", "baocao.xa.gov.vn", "12:00:00", "Web:PublicBaseUrl")]
    [InlineData("http://127.0.0.1:8082", null, "00:01:00", "Web:SessionLifetime")]
    public void A_wrong_value_stops_the_start_naming_its_key(string listen, string? publicBase, string lifetime, string key)
    {
        var result = new WebOptionsValidator().Validate(null, new WebOptions { ListenUrl = listen, PublicBaseUrl = publicBase, SessionLifetime = TimeSpan.Parse(lifetime) });
        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public void An_https_page_without_a_certificate_or_with_a_wrong_password_stops_the_start_naming_the_key()
    {
        var folder = Directory.CreateTempSubdirectory("llbot-cert-").FullName;
        try
        {
            using var certificate = TestCertificate.SelfSigned();
            var pfx = TestCertificate.WritePfx(certificate, folder, "dung-mat-khau");
            var https = new WebOptions { ListenUrl = "https://0.0.0.0:8443" };

            var none = Check(https, []);
            Assert.True(none.Failed);
            Assert.Contains("Kestrel:Certificates:Default:Path", none.FailureMessage);

            var missing = Check(https, new() { ["Kestrel:Certificates:Default:Path"] = Path.Combine(folder, "khong-co.pfx") });
            Assert.Contains("Kestrel:Certificates:Default:Path: không có tệp", missing.FailureMessage);

            var wrong = Check(https, new() { ["Kestrel:Certificates:Default:Path"] = pfx, ["Kestrel:Certificates:Default:Password"] = "sai-mat-khau" });
            Assert.Contains("Kestrel:Certificates:Default:Password", wrong.FailureMessage);
            Assert.DoesNotContain("sai-mat-khau", wrong.FailureMessage);

            Assert.True(Check(https, new() { ["Kestrel:Certificates:Default:Path"] = pfx, ["Kestrel:Certificates:Default:Password"] = "dung-mat-khau" }).Succeeded);
            Assert.True(Check(new WebOptions(), []).Succeeded); // plain http needs none
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ValidateOptionsResult Check(WebOptions options, Dictionary<string, string?> settings) =>
        new WebCertificateValidator(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Validate(null, options);
}
