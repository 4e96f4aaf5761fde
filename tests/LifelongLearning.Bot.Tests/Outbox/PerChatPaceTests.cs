using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Channels.Telegram;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Outbox;

/// <summary>
/// The real default, one message a second to a chat and no burst (issue 15: bursts of three drew 429s), against
/// the fake Bot API holding the bot to exactly that: a second message to a chat within a second is refused with
/// a 429, as Telegram does once its tolerance is spent. Every other test host sends a chat's messages faster
/// (BotTestHost.TestPerChatInterval); this one keeps the bot's own setting.
/// </summary>
public sealed class PerChatPaceTests : TelegramBotTestBase
{
    private const long Chat = 7_101;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Telegram:PerChatInterval"] = new TelegramOptions().PerChatInterval.ToString();
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Fake.PrivateBurst = 1;
        Fake.EnforceLimits = true;
    }

    [Fact]
    public async Task Four_replies_to_one_chat_go_a_second_apart_and_none_is_refused()
    {
        Queue(Row("Tin 1"), Row("Tin 2"), Row("Tin 3"), Row("Tin 4"));

        var sent = await Fake.WaitForMessagesAsync(Chat, 4, timeout: TimeSpan.FromSeconds(20));

        Assert.Equal(["Tin 1", "Tin 2", "Tin 3", "Tin 4"], sent.Select(m => m.Body));
        AssertASecondApart(sent);
    }

    [Fact]
    public async Task A_photo_whose_text_follows_it_is_two_messages_each_a_second_apart()
    {
        // Longer than a caption: the photo goes first, its text after it, as a message of its own.
        var text = "Bản tổng hợp. " + new string('x', TelegramSender.MaxCaptionLength);
        Bot.Store.Write(() => Bot.Store.Files.Upload("$/charts/pace", "pace.png", new MemoryStream([0x89, 0x50, 0x4E, 0x47])));
        var photo = Row(text);
        photo.PhotoFileId = "$/charts/pace";
        Queue(photo, Row("Tin sau"));

        var sent = await Fake.WaitForMessagesAsync(Chat, 3, timeout: TimeSpan.FromSeconds(20));

        Assert.Equal(["sendPhoto", "sendMessage", "sendMessage"], sent.Select(m => m.Method));
        Assert.Equal([text, "Tin sau"], sent.Skip(1).Select(m => m.Body));
        AssertASecondApart(sent);
    }

    private void AssertASecondApart(IReadOnlyList<SentMessage> sent)
    {
        Assert.True(Fake.LimitViolations == 0, string.Join("\n", Fake.LimitViolationDetails));
        Assert.DoesNotContain(Fake.Requests, r => r.StatusCode == 429);
        var gaps = sent.Zip(sent.Skip(1), (a, b) => b.Elapsed - a.Elapsed).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromSeconds(1), $"two messages {gap.TotalMilliseconds:0} ms apart"));
    }

    private static OutboxMessage Row(string text) => new()
    {
        Channel = "telegram", ChatId = Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = text,
        Kind = OutboxKinds.Reply, CreatedAt = DateTime.UtcNow, NotBefore = DateTime.UtcNow,
    };

    /// <summary>Rows as the messenger writes them, in one transaction, so the loop finds them all at once.</summary>
    private void Queue(params OutboxMessage[] rows) => Bot.Store.Write(() =>
    {
        foreach (var row in rows) Bot.Store.Outbox.Insert(row);
    });
}
