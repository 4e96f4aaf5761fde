using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Tests.Fakes.Zalo;
using Microsoft.Extensions.Options;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

public sealed class ZaloClientTests : IAsyncLifetime
{
    private readonly List<HttpClient> _httpClients = [];
    private FakeZaloServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeZaloServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var http in _httpClients)
            http.Dispose();
        await _server.DisposeAsync();
    }

    private ZaloClient Client(string? token = null, TimeSpan? timeout = null, string? baseUrl = null)
    {
        var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        _httpClients.Add(http);
        var options = new ZaloOptions { BotToken = token ?? _server.Token, ApiBaseUrl = baseUrl ?? _server.BaseUrl };
        return new ZaloClient(http, Options.Create(options));
    }

    /// <summary>Bypasses the client, to see what the server itself refuses.</summary>
    private async Task<JsonObject> PostRawAsync(string method, string json)
    {
        var http = new HttpClient();
        _httpClients.Add(http);
        using var response = await http.PostAsync($"{_server.BaseUrl}/bot{_server.Token}/{method}", new StringContent(json, Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task GetMe_returns_the_bot()
    {
        var me = await Client().GetMeAsync();

        Assert.Equal(_server.BotId, me.Id);
        Assert.Equal(_server.BotName, me.AccountName);
        Assert.False(me.CanJoinGroups);
    }

    [Fact]
    public async Task Wrong_token_is_refused_and_not_retried()
    {
        var e = await Assert.ThrowsAsync<ZaloApiException>(() => Client(token: "wrong-token-987654321").GetMeAsync());

        Assert.Equal(401, e.ErrorCode);
        Assert.False(e.IsTransient);
        Assert.DoesNotContain("wrong-token-987654321", e.ToString());
    }

    [Fact]
    public async Task GetUpdates_hands_out_one_update_then_null_when_nothing_is_left()
    {
        _server.EnqueueText("user-1", "Xin chào", "Nguyễn Văn A");
        var client = Client();

        var update = await client.GetUpdatesAsync(1);
        var none = await client.GetUpdatesAsync(0);

        Assert.NotNull(update);
        Assert.Equal(ZaloEvents.Text, update.EventName);
        Assert.Equal("Xin chào", update.Message.Text);
        Assert.Equal("user-1", update.Message.From.Id);
        Assert.Equal("Nguyễn Văn A", update.Message.From.DisplayName);
        Assert.Equal("user-1", update.Message.Chat.Id);
        Assert.True(update.Message.Chat.IsPrivate);
        Assert.InRange(update.Message.SentAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null(none);
    }

    [Fact]
    public async Task GetUpdates_waits_for_an_update_that_arrives_during_the_poll()
    {
        var poll = Client().GetUpdatesAsync(5);
        await Task.Delay(100);
        _server.EnqueueText("user-1", "muộn một chút");

        var update = await poll.WaitAsync(TimeSpan.FromSeconds(3));

        Assert.Equal("muộn một chút", update?.Message.Text);
    }

    [Fact]
    public async Task A_repeated_update_keeps_its_message_id()
    {
        var client = Client();
        var id = _server.EnqueueText("user-1", "1");
        var first = await client.GetUpdatesAsync(1);

        _server.RepeatLast();
        var again = await client.GetUpdatesAsync(1);

        Assert.Equal(id, first?.Message.MessageId);
        Assert.Equal(id, again?.Message.MessageId);
    }

    [Fact]
    public async Task A_hidden_message_arrives_as_an_event_without_text()
    {
        _server.EnqueueEvent("user-1", ZaloEvents.Unsupported);

        var update = await Client().GetUpdatesAsync(1);

        Assert.Equal(ZaloEvents.Unsupported, update?.EventName);
        Assert.Null(update?.Message.Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public async Task Text_outside_1_to_2000_characters_is_refused_before_sending(int length)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client().SendMessageAsync("user-1", new string('a', length)));

        Assert.Equal("text", e.ParamName);
        Assert.DoesNotContain("sendMessage", _server.Calls);
    }

    [Fact]
    public async Task Text_of_exactly_2000_characters_is_sent()
    {
        await Client().SendMessageAsync("user-1", new string('ă', 2000));

        var sent = await _server.WaitForMessageAsync("user-1");
        Assert.Equal(2000, sent.Text?.Length);
    }

    [Theory]
    [InlineData("""{"chat_id":"user-1","text":""}""")]
    [InlineData("""{"chat_id":"user-1"}""")]
    [InlineData("""{"text":"xin chào"}""")]
    public async Task Server_refuses_a_send_with_a_missing_or_empty_field(string json)
    {
        var answer = await PostRawAsync("sendMessage", json);

        Assert.False((bool)answer["ok"]!);
        Assert.Equal(400, (int)answer["error_code"]!);
    }

    [Fact]
    public async Task Server_refuses_text_over_2000_characters()
    {
        var json = new JsonObject { ["chat_id"] = "user-1", ["text"] = new string('a', 2001) }.ToJsonString();

        var answer = await PostRawAsync("sendMessage", json);

        Assert.False((bool)answer["ok"]!);
        Assert.Equal(400, (int)answer["error_code"]!);
        Assert.Empty(_server.Sent);
    }

    [Fact]
    public async Task Server_refuses_an_unknown_method()
    {
        var answer = await PostRawAsync("sendPoll", "{}");

        Assert.False((bool)answer["ok"]!);
        Assert.Equal(404, (int)answer["error_code"]!);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_gateway_failure_is_transient_and_the_next_call_succeeds(int status)
    {
        _server.FailNext("sendMessage", status);
        var client = Client();

        var e = await Assert.ThrowsAsync<ZaloApiException>(() => client.SendMessageAsync("user-1", "lần 1"));
        await client.SendMessageAsync("user-1", "lần 2");

        Assert.Equal(status, e.ErrorCode);
        Assert.True(e.IsTransient);
        Assert.Equal("lần 2", Assert.Single(_server.Sent).Text);
    }

    [Fact]
    public async Task Too_many_requests_is_transient()
    {
        _server.RejectNext("sendMessage", 429, "Too Many Requests");

        var e = await Assert.ThrowsAsync<ZaloApiException>(() => Client().SendMessageAsync("user-1", "x"));

        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task An_unreachable_person_is_a_permanent_refusal_with_its_reason()
    {
        _server.RefuseChat("user-9", "Người dùng đã chặn bot");

        var e = await Assert.ThrowsAsync<ZaloApiException>(() => Client().SendMessageAsync("user-9", "Nhắc báo cáo"));

        Assert.Equal(403, e.ErrorCode);
        Assert.False(e.IsTransient);
        Assert.Contains("Người dùng đã chặn bot", e.Description);
    }

    [Fact]
    public async Task A_hanging_call_times_out_as_transient_without_the_token()
    {
        _server.HangNext("sendMessage");
        var watch = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<ZaloApiException>(
            () => Client(timeout: TimeSpan.FromMilliseconds(300)).SendMessageAsync("user-1", "x"));

        Assert.True(e.IsTransient);
        Assert.Equal(ZaloApiException.NoAnswer, e.ErrorCode);
        Assert.DoesNotContain(_server.Token, e.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Cancelling_a_poll_is_a_cancellation_not_a_failure()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetUpdatesAsync(10, cts.Token));
    }

    [Fact]
    public async Task No_exception_message_contains_the_token()
    {
        var token = _server.Token;
        var client = Client();
        var exceptions = new List<Exception>();

        async Task Collect(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (Exception e)
            {
                exceptions.Add(e);
            }
        }

        _server.FailNext("sendMessage", 502);
        await Collect(() => client.SendMessageAsync("user-1", "x"));
        // A server that echoes the URL in its description must not leak it either.
        _server.RejectNext("sendMessage", 400, $"Bad Request on /bot{token}/sendMessage");
        await Collect(() => client.SendMessageAsync("user-1", "x"));
        _server.HangNext("getMe");
        await Collect(() => Client(timeout: TimeSpan.FromMilliseconds(200)).GetMeAsync());
        await Collect(() => Client(baseUrl: $"http://127.0.0.1:{ClosedPort()}").GetMeAsync());
        await Collect(() => Client(baseUrl: "http://zalo.invalid").GetMeAsync());
        _server.RefuseChat("user-9", "blocked");
        await Collect(() => client.SendMessageAsync("user-9", "x"));
        await Collect(() => client.SendMessageAsync("user-1", new string('a', 2001)));
        await Collect(() => client.SendPhotoAsync("user-1", "not a url"));

        Assert.Equal(8, exceptions.Count);
        Assert.All(exceptions, e => Assert.DoesNotContain(token, e.ToString()));
        Assert.All(exceptions.OfType<ZaloApiException>().Where(e => e.ErrorCode == ZaloApiException.NoAnswer), e => Assert.True(e.IsTransient));
    }

    [Fact]
    public async Task Photo_and_typing_reach_the_chat()
    {
        var client = Client();

        await client.SendChatActionAsync("user-1", "typing");
        await client.SendPhotoAsync("user-1", "https://example.org/chart.png", "Biểu đồ tháng 5");

        var photo = await _server.WaitForMessageAsync("user-1", m => m.Method == "sendPhoto");
        Assert.Equal("https://example.org/chart.png", photo.PhotoUrl);
        Assert.Equal("Biểu đồ tháng 5", photo.Caption);
        Assert.Equal(("user-1", "typing"), Assert.Single(_server.ChatActions));
    }

    [Fact]
    public async Task Webhook_can_be_set_read_and_deleted_and_blocks_polling_meanwhile()
    {
        var client = Client();

        await client.SetWebhookAsync("https://bot.example.org/zalo/webhook", "secret-12345678");
        var info = await client.GetWebhookInfoAsync();
        var secret = _server.WebhookSecret;
        var polling = await Assert.ThrowsAsync<ZaloApiException>(() => client.GetUpdatesAsync(0));
        await client.DeleteWebhookAsync();
        var after = await client.GetWebhookInfoAsync();

        Assert.Equal("https://bot.example.org/zalo/webhook", info.Url);
        Assert.Equal("secret-12345678", secret);
        Assert.Equal(409, polling.ErrorCode);
        Assert.True(string.IsNullOrEmpty(after.Url));
    }

    [Fact]
    public async Task A_loopback_webhook_is_refused_when_the_fake_acts_like_Zalo()
    {
        _server.AcceptLoopbackWebhook = false;

        var e = await Assert.ThrowsAsync<ZaloApiException>(() => Client().SetWebhookAsync("http://127.0.0.1:5000/zalo", "secret-12345678"));

        Assert.Equal(400, e.ErrorCode);
        Assert.Null(_server.WebhookUrl);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
