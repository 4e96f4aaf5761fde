using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>
/// Only Zalo's answers that mean a person blocked the bot or left make the account unreachable; a refusal of the
/// bot's own request is a failure of that row. Requests carry a Content-Length, as Zalo's examples do.
/// </summary>
public sealed class ZaloRefusalTests : ZaloBotTestBase
{
    [Fact]
    public async Task A_bad_request_of_the_bot_is_retried_and_the_person_stays_reachable()
    {
        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        // Only this row: the welcome's follow-ups may still be on their way to the chat (one per interval, no burst).
        Zalo.RejectNext("sendMessage", 400, "Bad Request: chat_id is required", textContains: "Tin thử sau lỗi 400");
        Bot.Store.Write(() => Bot.Get<Messenger>().To("zalo", Reporter, "Tin thử sau lỗi 400"));

        await NextContainingAsync(Reporter, "Tin thử sau lỗi 400");
        var account = Bot.Store.Accounts.FindById($"zalo:{Reporter}")!;
        Assert.Null(account.UnreachableReason);
        await WaitUntilAsync(() => Bot.Store.Outbox.Exists(m => m.Text == "Tin thử sau lỗi 400" && m.Status == OutboxStatus.Sent && m.Attempts == 2));
        Assert.DoesNotContain(Bot.Store.Outbox.FindAll(), m => m.Text.Contains("Không gửi được tin cho Cô Hạnh"));
    }

    [Fact]
    public async Task A_row_given_up_after_its_attempts_is_logged_as_an_error_and_the_officials_are_told_once()
    {
        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        Zalo.RejectNext("sendMessage", 400, "Bad Request: chat_id is required", count: 2, textContains: "Tin cuối");
        // Two rows on their last attempt, as after hours of retries.
        Bot.Store.Write(() =>
        {
            foreach (var text in new[] { "Tin cuối 1", "Tin cuối 2" })
                Bot.Store.Outbox.Insert(new OutboxMessage
                {
                    Channel = "zalo", ChatId = Reporter, Text = text, Kind = OutboxKinds.Broadcast, Status = OutboxStatus.Pending,
                    Attempts = OutboxService.MaxAttempts - 1, CreatedAt = DateTime.UtcNow, NotBefore = DateTime.UtcNow,
                });
        });

        var alert = await NextContainingAsync(Admin, "Bot đã thôi gửi một tin trên Zalo");
        Assert.Contains("chat_id is required", alert.Text);
        await WaitUntilAsync(() => Bot.Store.Outbox.Count(m => m.Text.StartsWith("Tin cuối") && m.Status == OutboxStatus.Failed) == 2);
        Assert.Single(Bot.Store.Outbox.FindAll(), m => m.Text.Contains("Bot đã thôi gửi"));
        Assert.Null(Bot.Store.Accounts.FindById($"zalo:{Reporter}")!.UnreachableReason);
        Assert.Contains(Bot.Logs.Lines, l => l.Contains("given up after 12 attempts") && l.Contains("chat_id is required"));
    }

    [Theory]
    [InlineData(403, "Forbidden")]
    [InlineData(400, "User has blocked the bot")]
    [InlineData(400, "User has unfollowed the OA")]
    public async Task A_real_refusal_marks_the_account_unreachable(int code, string description)
    {
        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        Zalo.RejectNext("sendMessage", code, description, textContains: "Tin cho người đã chặn");
        Bot.Store.Write(() => Bot.Get<Messenger>().To("zalo", Reporter, "Tin cho người đã chặn"));
        await NextContainingAsync(Admin, "Không gửi được tin cho Cô Hạnh");
        Assert.Contains(description, Bot.Store.Accounts.FindById($"zalo:{Reporter}")!.UnreachableReason);
    }

    [Fact]
    public async Task Every_request_carries_a_content_length()
    {
        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "Các lệnh");
        Assert.Contains("sendMessage", Zalo.Calls);
        Assert.Empty(Zalo.CallsWithoutContentLength);
    }
}
