using System.Diagnostics;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>
/// An announcement to 3,000 residents over the fake Bot API with its rate limits enforced, a 429 in the
/// middle, and the bot killed and started again part-way. Both sides run ten times Telegram's overall rate
/// (the bot a little under the server) so the test takes seconds: what it shows is that the bot's pacing
/// never breaks what the server enforces, whatever the number.
/// </summary>
public sealed class TelegramMassBroadcastTests : TelegramBotTestBase
{
    private const long FirstResident = 1_000_000;
    private const int Recipients = 3_000;
    private const string Text = "Ngày hội đọc sách toàn xã";

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Telegram:MessagesPerSecond"] = "250";
        // The fake enforces Telegram's limits here, so the official's own replies keep the real per-chat pace.
        settings["Telegram:PerChatInterval"] = new TelegramOptions().PerChatInterval.ToString();
        return settings;
    }

    [Fact]
    public async Task Three_thousand_residents_get_it_once_within_the_limits_through_a_429_and_a_kill()
    {
        Fake.GlobalPerSecond = 300;
        Fake.EnforceLimits = true;
        Residents.Seed(Bot, "telegram", FirstResident, Recipients);
        await WaitUntilAsync(() => Fake.IsLongPolling);

        Say(Admin, "/thongbao");
        Say(Admin, $"{Text} sáng chủ nhật tại nhà văn hóa.");
        await NextContainingAsync(Admin, "Gửi cho ai");
        Say(Admin, "1");
        await NextContainingAsync(Admin, "Gửi tới 3.000 người (cả xã)");
        Say(Admin, "OK");

        await WaitForAsync(() => Delivered() >= 300, TimeSpan.FromSeconds(60));
        Fake.FailNext("sendMessage", 429, retryAfter: 1);
        await WaitForAsync(() => Delivered() >= 1_200, TimeSpan.FromSeconds(60));
        await Bot.KillAsync();
        var killedAt = Delivered();

        // A new process does not know what the old one sent in its last second; a real restart takes longer
        // than that anyway. This wait keeps the server's one-second window honest, it asserts nothing.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await Bot.StartAsync();

        var report = await Fake.WaitForMessageAsync(Admin, m => m.Body?.StartsWith("Kết quả gửi thông báo") == true, TimeSpan.FromSeconds(90));
        Assert.Contains("3.000 đã gửi, 0 không nhận được", report.Body);
        Assert.True(killedAt < Recipients, "the kill came in the middle");

        var perChat = Fake.Sent.Where(m => m.ChatId >= FirstResident && m.Body?.Contains(Text) == true)
            .GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Recipients, perChat.Count);
        // Several sends are under way at once (never two to one chat): those cut off by the kill may come twice.
        Assert.True(perChat.Values.Sum(n => n - 1) <= new TelegramOptions().MaxInFlight, "only the messages in flight at the kill may come twice");
        Assert.True(perChat.Values.Max() <= 2, "none more than twice");
        Assert.True(Fake.LimitViolations == 0, string.Join("\n", Fake.LimitViolationDetails));

        // retry_after honoured: within the second after the 429, only the sends already under way when it came
        // (at most Telegram:MaxInFlight, 16 by default) reach the server; nothing new starts until it is over.
        var refused = Fake.Requests.First(r => r.Method == "sendMessage" && r.StatusCode == 429);
        var during = Fake.Requests.Count(r => r.Method == "sendMessage" && r.Elapsed > refused.Elapsed && r.Elapsed - refused.Elapsed < TimeSpan.FromSeconds(0.95));
        Assert.True(during <= 16, $"{during} sends reached the server in the second after the 429 at {refused.Elapsed}");
        Assert.Contains(Fake.Requests, r => r.Method == "sendMessage" && r.StatusCode == 200 && r.Elapsed - refused.Elapsed >= TimeSpan.FromSeconds(0.95));
    }

    private int Delivered() => Fake.Sent.Count(m => m.ChatId >= FirstResident);

    private static Task WaitForAsync(Func<bool> condition, TimeSpan timeout) => Waits.UntilAsync(condition, timeout);
}
