using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private static Update Text(string text, ChatType type, long chatId = -100) => new()
    {
        Id = 7,
        Message = new Message { Id = 1, Text = text, Chat = new Chat { Id = chatId, Type = type }, From = new User { Id = 9, FirstName = "Lan", LastName = "Nguyễn" } },
    };

    [Theory]
    [InlineData("/trangthai", true)]
    [InlineData("/trangthai@llbot_test_bot", true)]
    [InlineData("/trangthai@LLBot_Test_Bot extra", true)]
    [InlineData("/trangthai@other_bot", false)]
    [InlineData("1.250", false)]
    public void In_a_group_only_commands_for_this_bot_are_addressed_to_it(string text, bool addressed)
    {
        var mapped = TelegramUpdateMapper.Map(Text(text, ChatType.Supergroup), "llbot_test_bot");

        Assert.True(mapped.Message!.IsGroup);
        Assert.Equal(addressed, mapped.Message.AddressedToBot);
        Assert.Equal("telegram:update:7", mapped.Message.Key);
        Assert.Equal("-100", mapped.Message.ChatId);
    }

    [Fact]
    public void A_private_message_is_always_addressed_and_names_the_sender()
    {
        var message = TelegramUpdateMapper.Map(Text("xin chào", ChatType.Private, 42), "llbot_test_bot").Message!;

        Assert.False(message.IsGroup);
        Assert.True(message.AddressedToBot);
        Assert.Equal("Lan Nguyễn", message.SenderName);
        Assert.Equal("telegram:42", message.Address);
    }

    [Fact]
    public void A_button_press_is_its_value_typed_and_a_callback_to_answer()
    {
        var update = new Update
        {
            Id = 8,
            CallbackQuery = new CallbackQuery
            {
                Id = "cq8", Data = "có", ChatInstance = "x", From = new User { Id = 42, FirstName = "Lan" },
                Message = new Message { Id = 3, Chat = new Chat { Id = 42, Type = ChatType.Private } },
            },
        };

        var mapped = TelegramUpdateMapper.Map(update, "llbot_test_bot");

        Assert.Equal("có", mapped.Message!.Text);
        Assert.Equal("42", mapped.Message.ChatId);
        Assert.Equal("cq8", mapped.CallbackQueryId);
    }

    [Fact]
    public void Other_updates_are_ignored()
    {
        var mapped = TelegramUpdateMapper.Map(new Update { Id = 9, EditedMessage = new Message { Id = 1, Text = "x", Chat = new Chat { Id = 1 } } }, null);

        Assert.Null(mapped.Message);
        Assert.Null(mapped.CallbackQueryId);
    }
}

public sealed class TelegramOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Sends_under_way_at_once_out_of_range_stop_the_start_naming_the_key(int maxInFlight)
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { BotToken = FakeTelegramServer.DefaultToken, MaxInFlight = maxInFlight });
        Assert.StartsWith("Telegram:MaxInFlight", Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("webhook", null, "s3cret", "Telegram:WebhookUrl")]
    [InlineData("webhook", "http://bot.example.org/telegram/webhook", "s3cret", "Telegram:WebhookUrl")]
    [InlineData("webhook", "https://bot.example.org/telegram/webhook", null, "Telegram:WebhookSecret")]
    [InlineData("webhook", "https://bot.example.org/telegram/webhook", "có dấu", "Telegram:WebhookSecret")]
    [InlineData("push", null, null, "Telegram:Mode")]
    public void Bad_settings_are_refused_naming_the_key(string mode, string? url, string? secret, string key)
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions
        {
            BotToken = FakeTelegramServer.DefaultToken, Mode = mode, WebhookUrl = url, WebhookSecret = secret,
        });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
        Assert.DoesNotContain(FakeTelegramServer.DefaultToken, result.FailureMessage);
    }

    [Fact]
    public void Polling_with_a_token_is_enough()
    {
        Assert.True(new TelegramOptionsValidator().Validate(null, new TelegramOptions { BotToken = FakeTelegramServer.DefaultToken }).Succeeded);
    }

    [Fact]
    public async Task The_host_does_not_start_in_webhook_mode_without_a_secret()
    {
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Telegram:Mode"] = "webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(host.StartAsync);

        Assert.Contains("Telegram:WebhookSecret", error.Message);
    }
}
