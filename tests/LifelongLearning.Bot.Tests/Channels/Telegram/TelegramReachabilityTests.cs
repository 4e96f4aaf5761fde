using LifelongLearning.Bot.Tests.Fakes.Proxy;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>Reaching Telegram at start: out of reach is waited out, a wrong token is not; Telegram:Proxy is used.</summary>
public sealed class TelegramReachabilityTests : TelegramBotTestBase
{
    protected override bool StartBot => false;

    [Fact]
    public async Task Server_errors_at_start_are_retried_with_backoff_and_the_bot_then_polls()
    {
        Fake.FailNext("getMe", 502);
        Fake.FailNext("setMyCommands", 500);

        await Bot.StartAsync();
        await WaitUntilAsync(() => Bot.Logs.Lines.Any(l => l.Contains("ready (polling)")));

        Assert.Equal([502, 200, 200], Fake.Requests.Where(r => r.Method == "getMe").Select(r => r.StatusCode));
        Assert.Equal(2, Bot.Logs.Lines.Count(l => l.Contains("Telegram is out of reach at start")));
        Say(Admin, "/trogiup");
        Assert.Contains("/trangthai", (await NextAsync(Admin)).Body);
    }

    [Fact]
    public async Task A_wrong_token_stops_the_start_at_once_instead_of_being_retried()
    {
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "654321:WRONG-token-zzzzzzzzzz",
            ["Telegram:ApiBaseUrl"] = Fake.BaseUrl,
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.Contains("Telegram:BotToken bị từ chối (401)", error.Message);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Telegram is out of reach at start"));
        Assert.Single(Fake.Requests, r => r.Method == "getMe");
        Assert.DoesNotContain(Fake.Requests, r => r.Method == "getUpdates");
    }

    [Fact]
    public async Task Through_Telegram_Proxy_the_bot_starts_while_the_network_is_down_then_talks_only_through_the_proxy()
    {
        await using var proxy = await ForwardingProxy.StartAsync(Fake.BaseUrl);
        proxy.Down = true;
        // A name that resolves nowhere: only the proxy can reach it, so every answer proves the proxy was used.
        var port = new Uri(Fake.BaseUrl).Port;
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = $"http://telegram.invalid:{port}",
            ["Telegram:Proxy"] = proxy.Url,
            ["Telegram:PollTimeoutSeconds"] = "10",
            ["Bot:AdminChatIds:0"] = $"telegram:{Admin}",
        });

        // The host starts (the calendar and any other channel work) while Telegram is out of reach; no polling yet.
        await host.StartAsync();
        Assert.Contains(host.Logs.Lines, l => l.Contains("Telegram is out of reach at start (network"));
        await WaitUntilAsync(() => host.Logs.Lines.Count(l => l.Contains("Telegram is out of reach at start (network")) >= 2);
        Assert.Empty(Fake.Requests);

        proxy.Down = false;
        await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains("ready (polling)")));
        Say(Admin, "/trogiup");
        Assert.Contains("/trangthai", (await NextAsync(Admin)).Body);
        Assert.True(proxy.Dropped >= 1);
        Assert.NotEmpty(proxy.RequestedHosts);
        Assert.All(proxy.RequestedHosts, h => Assert.Equal("telegram.invalid", h));
    }

    [Fact]
    public async Task A_token_refused_once_Telegram_is_reached_stops_the_bot()
    {
        await using var proxy = await ForwardingProxy.StartAsync(Fake.BaseUrl);
        proxy.Down = true;
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "654321:WRONG-token-zzzzzzzzzz",
            ["Telegram:ApiBaseUrl"] = $"http://telegram.invalid:{new Uri(Fake.BaseUrl).Port}",
            ["Telegram:Proxy"] = proxy.Url,
        });
        await host.StartAsync();
        var stopping = host.Get<IHostApplicationLifetime>().ApplicationStopping;
        Assert.False(stopping.IsCancellationRequested);

        proxy.Down = false;

        await WaitUntilAsync(() => stopping.IsCancellationRequested);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Telegram answered at last but refused to work with the bot: Telegram:BotToken bị từ chối (401)"));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("WRONG-token"));
        Assert.DoesNotContain(Fake.Requests, r => r.Method == "getUpdates");
    }

    [Fact]
    public async Task A_proxy_login_in_Telegram_Proxy_is_sent_to_the_proxy_and_never_logged()
    {
        await using var proxy = await ForwardingProxy.StartAsync(Fake.BaseUrl);
        proxy.RequiredCredentials = "xa-qn:p@ss word";
        var port = new Uri(Fake.BaseUrl).Port;
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = $"http://telegram.invalid:{port}",
            ["Telegram:Proxy"] = proxy.Url.Replace("http://", "http://xa-qn:p%40ss%20word@"),
            ["Telegram:PollTimeoutSeconds"] = "10",
            ["Bot:AdminChatIds:0"] = $"telegram:{Admin}",
        });

        await host.StartAsync();
        Say(Admin, "/trogiup");

        Assert.Contains("/trangthai", (await NextAsync(Admin)).Body);
        Assert.True(proxy.Challenged >= 1);
        Assert.All(proxy.RequestedHosts, h => Assert.Equal("telegram.invalid", h));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("p%40ss") || l.Contains("p@ss"));
    }

    [Theory]
    [InlineData("ftp://proxy.example:21")]
    [InlineData("proxy.example:1080")]
    public async Task A_proxy_that_is_not_http_or_socks5_stops_the_start_naming_the_key(string proxy)
    {
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = Fake.BaseUrl,
            ["Telegram:Proxy"] = proxy,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains("Telegram:Proxy phải là địa chỉ http:// hoặc socks5://", error.Message);
        Assert.Empty(Fake.Requests);
    }
}
