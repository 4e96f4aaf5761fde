using LifelongLearning.Bot.Channels;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels;

public sealed class WebhookSecretTests
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
        Assert.Equal(expected, WebhookSecret.Matches(header, secret));
    }
}
