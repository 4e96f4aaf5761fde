using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>Pictures and documents leave through the outbox as real multipart uploads the server accepts.</summary>
public sealed class TelegramFileSendingTests : TelegramBotTestBase
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_digest_chart_goes_as_a_photo_and_an_export_as_a_document()
    {
        Say(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");
        Say(Admin, "/tonghop");

        var digest = await NextContainingAsync(Admin, "📋 Năm 2026");
        Assert.Equal("sendMessage", digest.Method);
        var chart = await NextAsync(Admin, m => m.Method == "sendPhoto");
        Assert.Equal("Biểu đồ chỉ tiêu — Năm 2026", chart.Caption);
        Assert.NotNull(chart.FileBytes);
        Assert.True(chart.FileBytes.Length > 1000);
        Assert.Equal(PngSignature, chart.FileBytes.Take(8));

        // Nothing in the bot makes exports yet: put one in the outbox as the export will.
        byte[] export = [.. "Đơn vị;Chỉ tiêu;Số liệu\nTV-TH;TV-LUOT;1250\n"u8];
        Bot.Store.Write(() =>
        {
            using var content = new MemoryStream(export);
            Bot.Store.Files.Upload("$/exports/test", "bao-cao-nam-2026.csv", content);
            Bot.Get<Messenger>().Enqueue(new OutboxMessage
            {
                Channel = "telegram", ChatId = Admin.ToString(), Text = "Báo cáo năm 2026", DocumentFileId = "$/exports/test",
            });
        });

        var document = await NextAsync(Admin, m => m.Method == "sendDocument");
        Assert.Equal("bao-cao-nam-2026.csv", document.FileName);
        Assert.Equal(export, document.FileBytes);
        Assert.Equal("Báo cáo năm 2026", document.Caption);
        await WaitUntilAsync(() => Bot.Store.Outbox.Find(m => m.DocumentFileId != null || m.PhotoFileId != null).All(m => m.Status == OutboxStatus.Sent));
        Assert.DoesNotContain(Fake.Requests, r => r.StatusCode != 200 && r.Method != "getUpdates");
    }
}
