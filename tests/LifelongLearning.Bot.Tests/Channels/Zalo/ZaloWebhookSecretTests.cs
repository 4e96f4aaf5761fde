using LifelongLearning.Bot.Channels.Zalo;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

public sealed class ZaloWebhookSecretTests
{
    [Theory]
    [InlineData("secret-12345678", "secret-12345678", true)]
    [InlineData("secret-12345679", "secret-12345678", false)]
    [InlineData("secret-1234567", "secret-12345678", false)]
    [InlineData("SECRET-12345678", "secret-12345678", false)]
    [InlineData("", "secret-12345678", false)]
    [InlineData(null, "secret-12345678", false)]
    [InlineData("", "", false)]
    public void Only_the_exact_secret_matches(string? header, string secret, bool expected)
    {
        Assert.Equal(expected, ZaloWebhookSecret.Matches(header, secret));
    }
}
