using System.Text.RegularExpressions;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>Long texts are split when queued, one outbox row per part, so a retry never resends earlier parts.</summary>
public sealed class TelegramSplittingTests : TelegramBotTestBase
{
    [Fact]
    public async Task A_long_text_is_queued_as_numbered_parts_under_4096_and_sent_in_order()
    {
        var text = string.Join("\n", Enumerable.Range(1, 150).Select(i => $"Dòng {i}: Nhà văn hóa thôn — câu lạc bộ đọc sách, 35 thành viên, sinh hoạt hằng tháng."));
        Assert.True(text.Length > 8192);
        Fake.AddChat(Admin);
        var chat = Admin.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Bot.Store.Write(() => Bot.Get<Messenger>().To("telegram", chat, text));

        var rows = Bot.Store.Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Id).ToList();
        Assert.True(rows.Count >= 3, $"{rows.Count} rows");
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.True(rows[i].Text.Length <= 4096);
            Assert.EndsWith($"({i + 1}/{rows.Count})", rows[i].Text);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var sent = await NextAsync(Admin);
            Assert.EndsWith($"({i + 1}/{rows.Count})", sent.Body);
        }
        await WaitUntilAsync(() => Bot.Store.Outbox.Find(m => m.ChatId == chat).All(m => m.Status == OutboxStatus.Sent));
        Assert.Equal(rows.Count, Fake.SentTo(Admin).Count(m => Regex.IsMatch(m.Body ?? "", @"\(\d+/\d+\)$")));
    }
}
