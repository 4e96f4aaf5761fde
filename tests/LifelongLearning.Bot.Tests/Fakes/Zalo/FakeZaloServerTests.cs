using LifelongLearning.Bot.Channels.Zalo;
using Microsoft.Extensions.Options;
using Xunit;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

/// <summary>The fake's own helpers, so a failing bot test points at the bot and not at the fake.</summary>
public sealed class FakeZaloServerTests
{
    private static ZaloClient ClientFor(FakeZaloServer server, HttpClient http) =>
        new(http, Options.Create(new ZaloOptions { BotToken = server.Token, ApiBaseUrl = server.BaseUrl }));

    [Fact]
    public async Task Consecutive_waits_walk_through_the_conversation()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        var client = ClientFor(server, http);

        await client.SendMessageAsync("user-1", "câu 1");
        await client.SendMessageAsync("user-1", "câu 2");

        Assert.Equal("câu 1", (await server.WaitForMessageAsync("user-1")).Text);
        Assert.Equal("câu 2", (await server.WaitForMessageAsync("user-1")).Text);
    }

    [Fact]
    public async Task A_wait_that_times_out_lists_what_was_sent()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        await ClientFor(server, http).SendMessageAsync("user-2", "gửi nhầm người");

        var e = await Assert.ThrowsAsync<TimeoutException>(
            () => server.WaitForMessageAsync("user-1", timeout: TimeSpan.FromMilliseconds(100)));

        Assert.Contains("gửi nhầm người", e.Message);
        Assert.Contains("user-2", e.Message);
    }

    [Fact]
    public async Task A_duplicate_is_handed_out_again_with_the_same_message_id()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        var client = ClientFor(server, http);
        var first = server.EnqueueText("user-1", "1");
        server.EnqueueText("user-1", "2");

        server.EnqueueDuplicate(first);
        var ids = new List<string?>();
        for (var i = 0; i < 3; i++)
            ids.Add((await client.GetUpdatesAsync(1))?.Message.MessageId);

        Assert.Equal(first, ids[0]);
        Assert.Equal(first, ids[2]);
        Assert.Equal(0, server.PendingUpdates);
    }

    [Fact]
    public async Task Disposing_ends_a_hanging_call_quickly()
    {
        var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        server.HangNext();
        var call = ClientFor(server, http).GetMeAsync();
        await Task.Delay(50);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"dispose took {watch.Elapsed}");
        await Assert.ThrowsAsync<ZaloApiException>(() => call);
    }
}
