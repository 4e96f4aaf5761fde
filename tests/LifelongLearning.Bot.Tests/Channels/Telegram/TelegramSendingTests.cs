using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

public sealed class TelegramSendingTests : TelegramBotTestBase
{
    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_message_still_arrives()
    {
        await WaitUntilAsync(() => Fake.IsLongPolling);
        Fake.FailNext("sendMessage", 429, retryAfter: 2);
        Say(Admin, "/trogiup");

        var help = await NextContainingAsync(Admin, "/trangthai");

        // The fake records a request once its answer is written, a moment after the bot has the message.
        var refused = await Fake.WaitForRequestAsync("sendMessage", r => r.StatusCode == 429);
        var accepted = await Fake.WaitForRequestAsync("sendMessage", r => r.StatusCode == 200);
        Assert.True(accepted.Elapsed - refused.Elapsed >= TimeSpan.FromSeconds(1.9), $"{refused.Elapsed} → {accepted.Elapsed}");
        Assert.NotNull(help);
    }

    [Fact]
    public async Task A_500_on_sendMessage_is_retried()
    {
        await WaitUntilAsync(() => Fake.IsLongPolling);
        Fake.FailNext("sendMessage", 500);
        Say(Admin, "/trogiup");

        await NextContainingAsync(Admin, "/trangthai");

        await Fake.WaitForRequestAsync("sendMessage", r => r.StatusCode == 500);
    }

    [Fact]
    public async Task A_reporter_who_blocked_the_bot_is_reported_to_the_officials()
    {
        await RegisterAsync(Reporter, "TV-TH", "Hạnh");
        Fake.BlockUser(Reporter);

        Say(Admin, "/moky 2026");

        var alert = await NextContainingAsync(Admin, "Không gửi được");
        Assert.Contains("Telegram: người này đã chặn bot", alert.Body);
        Assert.NotNull(Bot.Store.Accounts.FindById($"telegram:{Reporter}")!.UnreachableReason);
    }
}

public sealed class TelegramTokenSecrecyTests : TelegramBotTestBase
{
    [Fact]
    public async Task The_token_never_appears_in_the_logs_even_when_calls_fail()
    {
        await WaitUntilAsync(() => Fake.IsLongPolling);
        Fake.FailNext("sendMessage", 500);
        Fake.FailNext("getUpdates", 502);
        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "/trangthai");
        await WaitUntilAsync(() => Fake.Requests.Any(r => r.Method == "getUpdates" && r.StatusCode == 502));

        Assert.Contains(Bot.Logs.Lines, l => l.Contains("ready (polling)"));
        Assert.Contains(Bot.Logs.Lines, l => l.Contains("500"));
        var secretPart = FakeTelegramServer.DefaultToken[(FakeTelegramServer.DefaultToken.IndexOf(':') + 1)..];
        Assert.DoesNotContain(Bot.Logs.Lines, l => l.Contains(secretPart));
    }
}
