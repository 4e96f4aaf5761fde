using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Channels.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Outbox;

/// <summary>
/// The sending loop over the real store and the fake Bot API: a chat that cannot take a message now is passed
/// over, not waited on (issue 15: a stranger's 60-message burst held an official's /trangthai for 56 s), and
/// several sends go at once without two to one chat, through a 429.
/// </summary>
public sealed class OutboxFairnessTests : TelegramBotTestBase
{
    private const long Flooded = 7_001;
    private const long Other = 7_002;

    // A little under the fake's 30 a second, as the other limit tests do: the tests run side by side on two
    // cores, and a send held up on its way can land in the next one's second. The bench measures the full rate.
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Telegram:MessagesPerSecond"] = "25";
        return settings;
    }

    [Fact]
    public async Task A_thousand_messages_to_one_chat_do_not_hold_another_chats_reply()
    {
        Queue([.. Enumerable.Range(1, 1_000).Select(i => (Flooded, $"Tin số {i}")), (Other, "Trả lời cho cán bộ")]);

        await Fake.WaitForMessageAsync(Other, timeout: Wait);
        var flooded = await Fake.WaitForMessagesAsync(Flooded, 3, timeout: Wait);

        // Telegram takes one message a second to a chat after a short burst: the other chat's reply, queued
        // last, went out before the flooded chat's third message, not after its thousandth.
        var order = Fake.Sent.Where(m => m.IsNewMessage).ToList();
        Assert.True(order.FindIndex(m => m.ChatId == Other) < order.IndexOf(order.Where(m => m.ChatId == Flooded).ElementAt(2)),
            string.Join("\n", order.Take(5)));
        Assert.Equal(["Tin số 1", "Tin số 2", "Tin số 3"], flooded.Take(3).Select(m => m.Body));
    }

    [Fact]
    public async Task Sends_under_way_when_a_429_comes_go_again_each_chat_in_order_never_two_to_one_chat()
    {
        // A round trip of 150 ms: one send at a time would reach 6 a second of Telegram's 30.
        Fake.SendLatency = TimeSpan.FromMilliseconds(150);
        Fake.EnforceLimits = true;
        var chats = Enumerable.Range(0, 20).Select(i => 8_000L + i).ToList();
        Queue([.. Enumerable.Range(1, 3).SelectMany(part => chats.Select(chat => (chat, $"Phần {part}")))]);

        await WaitUntilAsync(() => Delivered(chats) >= 10);
        Fake.FailNext("sendMessage", 429, count: 3, retryAfter: 1);
        await Waits.UntilAsync(() => Delivered(chats) >= 60, TimeSpan.FromSeconds(30), "every part delivered");

        foreach (var chat in chats)
            Assert.Equal(["Phần 1", "Phần 2", "Phần 3"], Fake.SentTo(chat).Select(m => m.Body));
        Assert.Equal(1, Fake.MostSendsUnderWayToOneChat);
        Assert.True(Fake.MostSendsUnderWay > 1, "several sends went at once");
        Assert.True(Fake.Requests.Count(r => r.StatusCode == 429) >= 1, "the 429 came");
        Assert.True(Fake.LimitViolations == 0, string.Join("\n", Fake.LimitViolationDetails));
    }

    private int Delivered(IEnumerable<long> chats) => chats.Sum(chat => Fake.SentTo(chat).Count);

    /// <summary>Rows as the messenger writes them, in one transaction, so the loop finds them all at once.</summary>
    private void Queue(IReadOnlyList<(long Chat, string Text)> messages)
    {
        var now = DateTime.UtcNow;
        Bot.Store.Write(() =>
        {
            foreach (var (chat, text) in messages)
                Bot.Store.Outbox.Insert(new OutboxMessage
                {
                    Channel = "telegram", ChatId = chat.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = text,
                    Kind = OutboxKinds.Reply, CreatedAt = now, NotBefore = now,
                });
        });
    }
}
