using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

public class BotHostExtensionsTests
{
    [Fact]
    public void A_Zalo_token_alone_composes_the_Zalo_channel_and_no_console()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Zalo:BotToken"] = "zalo-token-123" });

        builder.AddBot();

        var senders = builder.Services.Where(d => d.ServiceType == typeof(IChannelSender)).Select(d => d.ImplementationType).ToList();
        Assert.Equal([typeof(ZaloSender)], senders);
        Assert.Contains(builder.Services, d => d.ImplementationType == typeof(ZaloPolling));
    }
}
