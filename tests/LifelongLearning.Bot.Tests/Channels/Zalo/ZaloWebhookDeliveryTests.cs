using LifelongLearning.Bot.Channels;
using System.Net;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Tests.Fakes.Zalo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>The fake's webhook deliveries read by a minimal endpoint built from the secret check and the parser.</summary>
public sealed class ZaloWebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "webhook-secret-123";

    private readonly List<ZaloUpdate> _received = [];
    private FakeZaloServer _zalo = null!;
    private WebApplication _bot = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _zalo = await FakeZaloServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _bot = builder.Build();
        _bot.MapPost("/zalo/webhook", async (HttpContext context) =>
        {
            if (!WebhookSecret.Matches(context.Request.Headers[ZaloWebhook.SecretHeader], Secret))
                return Results.Unauthorized();
            using var reader = new StreamReader(context.Request.Body);
            try
            {
                var update = ZaloUpdate.ParseWebhook(await reader.ReadToEndAsync());
                lock (_received) _received.Add(update);
                return Results.Ok();
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.BadRequest();
            }
        });
        await _bot.StartAsync();
        var address = _bot.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _endpoint = new Uri($"{address}/zalo/webhook");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _zalo.DisposeAsync();
    }

    [Fact]
    public async Task A_delivery_with_the_secret_is_read()
    {
        var status = await _zalo.DeliverWebhookAsync(_endpoint, "user-1", "Báo cáo: 12", Secret, messageId: "m-1");

        Assert.Equal(HttpStatusCode.OK, status);
        var update = Assert.Single(_received);
        Assert.Equal("Báo cáo: 12", update.Message.Text);
        Assert.Equal("m-1", update.Message.MessageId);
        Assert.Equal("user-1", update.Message.Chat.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-456")]
    public async Task A_delivery_without_the_right_secret_is_refused(string? secret)
    {
        var status = await _zalo.DeliverWebhookAsync(_endpoint, "user-1", "giả mạo", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task A_malformed_delivery_is_a_bad_request()
    {
        var status = await _zalo.DeliverRawWebhookAsync(_endpoint, """{"ok":true,"result":{}}""", Secret);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
