using LifelongLearning.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

public class BotHostExtensionsTests
{
    [Fact]
    public void A_Zalo_token_alone_stops_the_start_with_a_message_instead_of_a_bot_that_hears_nobody()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Zalo:BotToken"] = "zalo-token-123" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddBot());

        Assert.Contains("Zalo:BotToken", error.Message);
        Assert.Contains("kênh Zalo chưa có", error.Message);
        Assert.DoesNotContain("zalo-token-123", error.Message);
    }
}
