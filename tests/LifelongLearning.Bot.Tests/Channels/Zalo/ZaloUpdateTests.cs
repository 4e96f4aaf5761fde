using System.Text.Json;
using LifelongLearning.Bot.Channels.Zalo;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

public sealed class ZaloUpdateTests
{
    // The body as Zalo documents it.
    private const string Documented = """
        {"ok":true,"result":{"event_name":"message.text.received","message":{"from":{"id":"6ede9afa66b88fe6d6a9","display_name":"Ted","is_bot":false},"chat":{"id":"6ede9afa66b88fe6d6a9","chat_type":"PRIVATE"},"text":"Xin chào","message_id":"2d758cb5e222177a4e35","date":1750316131602}}}
        """;

    [Fact]
    public void The_documented_webhook_body_is_read()
    {
        var update = ZaloUpdate.ParseWebhook(Documented);

        Assert.Equal(ZaloEvents.Text, update.EventName);
        Assert.Equal("6ede9afa66b88fe6d6a9", update.Message.From.Id);
        Assert.Equal("Ted", update.Message.From.DisplayName);
        Assert.False(update.Message.From.IsBot);
        Assert.Equal("6ede9afa66b88fe6d6a9", update.Message.Chat.Id);
        Assert.Equal("PRIVATE", update.Message.Chat.ChatType);
        Assert.Equal("Xin chào", update.Message.Text);
        Assert.Equal("2d758cb5e222177a4e35", update.Message.MessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1750316131602), update.Message.SentAt);
    }

    [Fact]
    public void A_message_without_text_is_read_with_null_text()
    {
        var json = Documented.Replace("message.text.received", ZaloEvents.Sticker).Replace("\"text\":\"Xin chào\",", "");

        var update = ZaloUpdate.ParseWebhook(json);

        Assert.Equal(ZaloEvents.Sticker, update.EventName);
        Assert.Null(update.Message.Text);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"ok":true,"result":{"event_name":"message.text.received"}}""")]
    [InlineData("""{"ok":true,"result":{"event_name":"message.text.received","message":{"chat":{"id":"1"},"message_id":"m","date":1}}}""")]
    [InlineData("""{"ok":true,"result":{"event_name":"message.text.received","message":{"from":{"id":"1"},"chat":{"id":"1"},"date":1}}}""")]
    [InlineData("""{"ok":false,"result":{}}""")]
    public void A_malformed_body_is_a_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ZaloUpdate.ParseWebhook(json));
    }
}
