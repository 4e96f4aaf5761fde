using System.Text.RegularExpressions;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

public sealed class TelegramStartupTests : TelegramBotTestBase
{
    [Fact]
    public async Task Start_checks_the_token_publishes_the_commands_and_polls()
    {
        await Fake.WaitForRequestAsync("getMe");
        await Fake.WaitForRequestAsync("deleteWebhook", r => r.Parameters["drop_pending_updates"]?.GetValue<bool>() != true);
        // Residents' menu for everyone, the group commands for groups, the admin's own in the admin's chat.
        Assert.Contains(Fake.Commands, c => c.Command == "lich" && c.Description.Length > 0);
        Assert.DoesNotContain(Fake.Commands, c => c.Command is "moky" or "baocao");
        var groups = Fake.CommandSets.Last(s => s.Scope?["type"]?.GetValue<string>() == "all_group_chats").Commands;
        Assert.Equal(["trangthai", "tonghop", "lich", "trogiup"], groups.Select(c => c.Command));
        await WaitUntilAsync(() => MenuOf(Admin) is not null);
        var admin = MenuOf(Admin)!;
        Assert.Contains(admin, c => c.Command == "moky");
        Assert.Contains(admin, c => c.Command == "giahan");
        Assert.DoesNotContain(admin, c => c.Command == "baocao");
        await WaitUntilAsync(() => Fake.IsLongPolling);

        Say(Admin, "/trogiup");
        var help = await NextAsync(Admin);
        Assert.Contains("/trangthai", help.Body);
    }

    [Fact]
    public async Task A_unit_head_who_joins_after_the_start_gets_their_menu_at_once_and_loses_it_when_removed()
    {
        await WaitUntilAsync(() => Fake.IsLongPolling);
        Assert.Null(MenuOf(Reporter));

        await RegisterAsync(Reporter, "TV-XA");
        await WaitUntilAsync(() => MenuOf(Reporter) is not null);
        Assert.Contains(MenuOf(Reporter)!, c => c.Command == "baocao");
        Assert.DoesNotContain(MenuOf(Reporter)!, c => c.Command == "moky");

        Say(Admin, "/donvi");
        var list = await NextContainingAsync(Admin, "Gõ /xoa SỐ");
        var id = Regex.Match(list.Body!, @"Cô Hạnh \(số (\d+)\)").Groups[1].Value;
        Say(Admin, $"/xoa {id}");
        await NextContainingAsync(Admin, "Đã bỏ Cô Hạnh");
        await WaitUntilAsync(() => MenuOf(Reporter)?.Any(c => c.Command == "baocao") == false);
        Assert.Contains(MenuOf(Reporter)!, c => c.Command == "lich");
    }

    /// <summary>The last menu published for one chat, or null when none was.</summary>
    private IReadOnlyList<BotCommandInfo>? MenuOf(long chat) =>
        Fake.CommandSets.LastOrDefault(s => s.Scope?["type"]?.GetValue<string>() == "chat" && s.Scope["chat_id"]?.GetValue<long>() == chat)?.Commands;

    [Fact]
    public async Task An_admin_who_never_wrote_to_the_bot_does_not_stop_the_start()
    {
        Fake.RequireKnownChats = true;
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = Fake.BaseUrl,
            ["Bot:AdminChatIds:0"] = "telegram:777000",
        });
        await Bot.StopAsync();
        await host.StartAsync();

        await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains("ready (polling)")));
        Assert.Contains(Fake.Commands, c => c.Command == "lich");
        // Each person's own menu follows once Telegram is ready (TelegramMenus): the refused one is logged, the bot runs on.
        await WaitUntilAsync(() => host.Logs.Lines.Any(l => l.Contains("Telegram refused the command menu of chat 777000")));
    }

    [Fact]
    public async Task A_wrong_token_stops_the_start_with_a_clear_message()
    {
        const string wrong = "654321:WRONG-token-zzzzzzzzzz";
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = wrong,
            ["Telegram:ApiBaseUrl"] = Fake.BaseUrl,
        };
        await using var host = BotTestHost.Create(settings);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);

        Assert.Contains("Telegram:BotToken bị từ chối (401)", error.Message);
        Assert.DoesNotContain("WRONG-token", error.Message);
        Assert.DoesNotContain(Fake.Requests, r => r.Method == "getUpdates");
    }

    [Fact]
    public async Task Webhook_mode_sets_the_webhook_and_checks_the_secret()
    {
        await using var host = BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
            ["Telegram:ApiBaseUrl"] = Fake.BaseUrl,
            ["Telegram:Mode"] = "webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:WebhookSecret"] = "s3cret_ABC-123",
            ["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0",
            ["Bot:AdminChatIds:0"] = $"telegram:{Admin}",
        });
        await Bot.StopAsync();
        await host.StartAsync();
        Assert.Equal("https://bot.example.org/telegram/webhook", Fake.WebhookUrl);
        Assert.Equal("s3cret_ABC-123", Fake.WebhookSecretToken);
        var url = host.Get<LifelongLearning.Bot.Channels.Telegram.TelegramWebhook>().ListeningUrl + "/telegram/webhook";
        const string update = """{"update_id":42,"message":{"message_id":1,"date":1750000000,"chat":{"id":5001,"type":"private","first_name":"Lan"},"from":{"id":5001,"is_bot":false,"first_name":"Lan"},"text":"/trogiup","entities":[{"type":"bot_command","offset":0,"length":8}]}}""";
        using var http = new HttpClient();

        foreach (var secret in new[] { null, "wrong", "s3cret_ABC-12" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json") };
            if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            using var refused = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        Assert.Null(host.Store.Received.FindById("telegram:update:42"));

        using (var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json") })
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret_ABC-123");
            using var accepted = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, accepted.StatusCode);
        }
        Assert.NotNull(host.Store.Received.FindById("telegram:update:42"));
        var help = await NextAsync(Admin);
        Assert.Contains("/trangthai", help.Body);
    }
}
