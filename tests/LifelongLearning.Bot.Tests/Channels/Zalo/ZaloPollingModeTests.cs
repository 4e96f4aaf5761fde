using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Zalo;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>The host started by each test in polling mode: the token checked, errors outlived, and what goes out without a public address.</summary>
public sealed class ZaloPollingModeTests : ZaloBotTestBase
{
    protected override bool StartBot => false;

    [Fact]
    public async Task A_wrong_token_stops_the_start_with_a_message_that_says_so()
    {
        await using var bot = Support.BotTestHost.Create(new Dictionary<string, string?>
        {
            ["Zalo:BotToken"] = "not-the-right-token",
            ["Zalo:ApiBaseUrl"] = Zalo.BaseUrl,
        });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(bot.StartAsync);
        Assert.Contains("Zalo:BotToken bị từ chối", error.Message);
        Assert.DoesNotContain("not-the-right-token", error.Message);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("not-the-right-token"));
    }

    [Fact]
    public async Task Zalo_out_of_reach_at_start_does_not_hold_up_the_bot_and_is_tried_again()
    {
        Zalo.FailNext("getMe", 503, count: 2);
        await Bot.StartAsync();

        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "Các lệnh của bot");
        Assert.Equal(["getMe", "getMe", "getMe", "deleteWebhook"], Zalo.Calls.Take(4));
        Assert.Equal(2, Bot.Logs.Lines.Count(l => l.Contains("Zalo out of reach at start")));
    }

    [Fact]
    public async Task Polling_clears_a_webhook_and_outlives_server_errors()
    {
        Zalo.FailNext("getUpdates", 503, count: 2);
        await Bot.StartAsync();
        Assert.Equal(["getMe", "deleteWebhook"], Zalo.Calls.Take(2));
        Assert.Null(Zalo.WebhookUrl);

        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "Các lệnh của bot");
        Assert.Equal(2, Bot.Logs.Lines.Count(l => l.Contains("Zalo getUpdates failed")));
    }

    [Fact]
    public async Task Without_a_public_address_a_digest_says_where_the_chart_is_instead_of_sending_it()
    {
        await Bot.StartAsync();
        Say(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");
        Say(Admin, "/tonghop");

        var chart = await NextContainingAsync(Admin, "Biểu đồ chỉ tiêu");
        Assert.Contains("biểu đồ không gửi kèm được", chart.Text);
        Assert.Contains("Zalo:PublicBaseUrl", chart.Text);
        Assert.DoesNotContain(Zalo.Sent, m => m.Method == "sendPhoto");
        Assert.Empty(Bot.Store.FileLinks.FindAll());
    }

    [Fact]
    public async Task Without_a_public_address_an_export_says_how_to_get_the_file_and_a_picture_says_it_is_missing()
    {
        await Bot.StartAsync();
        var store = Bot.Store;
        store.Write(() =>
        {
            store.Files.Upload("$/exports/bao-cao-2026", "bao-cao-2026.xlsx", new MemoryStream("PK"u8.ToArray()));
            store.Files.Upload("$/events/ngay-sach", "ngay-sach.png", new MemoryStream([0x89, 0x50]));
            Bot.Get<Messenger>().Enqueue(new OutboxMessage { Channel = "zalo", ChatId = Admin, Text = "Báo cáo năm 2026", DocumentFileId = "$/exports/bao-cao-2026" });
            Bot.Get<Messenger>().Enqueue(new OutboxMessage { Channel = "zalo", ChatId = Admin, Text = "Ngày Sách 21/4", PhotoFileId = "$/events/ngay-sach" });
        });

        var export = await NextContainingAsync(Admin, "Báo cáo năm 2026");
        Assert.Contains("Tệp «bao-cao-2026.xlsx» đã sẵn sàng", export.Text);
        Assert.Contains("Zalo:PublicBaseUrl", export.Text);
        var picture = await NextContainingAsync(Admin, "Ngày Sách 21/4");
        Assert.Contains("có kèm một hình ảnh", picture.Text);
        Assert.DoesNotContain("/tonghop", picture.Text);
        Assert.DoesNotContain(Zalo.Sent, m => m.Method == "sendPhoto");
    }

    [Fact]
    public async Task A_long_answer_is_preceded_by_typing_and_a_short_one_is_not()
    {
        await Bot.StartAsync();
        var text = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"Đơn vị {i}: đã gửi báo cáo, 1.250 lượt bạn đọc."));
        Assert.True(text.Length is > 1000 and <= 2000);
        Bot.Store.Write(() => Bot.Get<Messenger>().To("zalo", Admin, "Ngắn"));
        Bot.Store.Write(() => Bot.Get<Messenger>().To("zalo", Admin, text));

        await NextContainingAsync(Admin, "Ngắn");
        await NextContainingAsync(Admin, "Đơn vị 30");
        Assert.Equal([(Admin, "typing")], Zalo.ChatActions);
        var calls = Zalo.Calls.Where(c => c.StartsWith("send")).ToList();
        Assert.Equal(["sendMessage", "sendChatAction", "sendMessage"], calls);
    }
}
