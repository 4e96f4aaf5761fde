using LifelongLearning.Bot.Web;
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
}
