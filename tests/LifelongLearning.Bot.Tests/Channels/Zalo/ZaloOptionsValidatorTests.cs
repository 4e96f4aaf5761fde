using LifelongLearning.Bot.Channels.Zalo;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

public sealed class ZaloOptionsValidatorTests
{
    private static IReadOnlyList<string> Errors(ZaloOptions options) =>
        new ZaloOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(Errors(new ZaloOptions()));
    }

    [Fact]
    public void A_webhook_setup_is_valid()
    {
        Assert.Empty(Errors(new ZaloOptions { BotToken = "123:abc", PublicBaseUrl = "https://bot.example.org", WebhookSecret = "secret-12345678" }));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space 123")]
    public void A_bad_webhook_secret_names_the_key(string secret)
    {
        var error = Assert.Single(Errors(new ZaloOptions { WebhookSecret = secret }));
        Assert.StartsWith("Zalo:WebhookSecret", error);
        Assert.DoesNotContain(secret, error);
    }

    [Theory]
    [InlineData("http://zalo.me/s/botxa")]
    [InlineData("zalo.me/s/botxa")]
    public void The_bots_link_printed_on_the_invitations_must_be_https(string link)
    {
        var error = Assert.Single(Errors(new ZaloOptions { BotLink = link }));
        Assert.StartsWith("Zalo:BotLink", error);
        Assert.Empty(Errors(new ZaloOptions { BotLink = "https://zalo.me/s/botxa" }));
    }

    [Theory]
    [InlineData("http://bot.example.org")]
    [InlineData("bot.example.org")]
    public void A_public_url_must_be_https(string url)
    {
        var error = Assert.Single(Errors(new ZaloOptions { PublicBaseUrl = url, WebhookSecret = "secret-12345678" }));
        Assert.StartsWith("Zalo:PublicBaseUrl", error);
    }

    [Fact]
    public void A_webhook_without_a_secret_is_refused()
    {
        var error = Assert.Single(Errors(new ZaloOptions { PublicBaseUrl = "https://bot.example.org" }));
        Assert.StartsWith("Zalo:WebhookSecret", error);
    }

    [Theory]
    [InlineData(0, 30, "Zalo:MessagesPerSecond")]
    [InlineData(double.NaN, 30, "Zalo:MessagesPerSecond")]
    [InlineData(10, 0, "Zalo:PollTimeoutSeconds")]
    [InlineData(10, 3600, "Zalo:PollTimeoutSeconds")]
    public void Numbers_out_of_range_name_the_key(double perSecond, int pollSeconds, string key)
    {
        var error = Assert.Single(Errors(new ZaloOptions { MessagesPerSecond = perSecond, PollTimeoutSeconds = pollSeconds }));
        Assert.StartsWith(key, error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Sends_under_way_at_once_out_of_range_name_the_key(int maxInFlight)
    {
        var error = Assert.Single(Errors(new ZaloOptions { MaxInFlight = maxInFlight }));
        Assert.StartsWith("Zalo:MaxInFlight", error);
    }
}
