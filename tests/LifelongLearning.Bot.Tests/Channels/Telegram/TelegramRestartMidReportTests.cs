using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>The host stopped in the middle of a report and started again on the same database file.</summary>
public sealed class TelegramRestartMidReportTests : TelegramBotTestBase
{
    [Fact]
    public async Task A_restart_after_question_three_continues_at_question_four()
    {
        await RegisterAsync(Reporter, "TV-TH");
        Say(Admin, "/moky 2026");
        Fake.PressButton(await NextPromptAsync(Reporter), "Có");
        Fake.PressButton(await NextPromptAsync(Reporter), "Không");
        Assert.Contains("Câu 3/11: Trong kỳ, thư viện phục vụ bao nhiêu lượt người", (await NextPromptAsync(Reporter)).Body);
        Say(Reporter, "900");
        Assert.Contains("Câu 4/11: Trong kỳ, đơn vị tổ chức bao nhiêu hoạt động hưởng ứng", (await NextPromptAsync(Reporter)).Body);

        // Stopped as soon as question 4 reached the chat, maybe before the bot heard Telegram's answer.
        await Bot.RestartAsync();

        Say(Reporter, "4");
        Assert.Contains("Câu 5/11: Có bao nhiêu lượt người tham gia các hoạt động đó?", (await NextPromptAsync(Reporter)).Body);
        var member = Bot.Store.Accounts.FindById($"telegram:{Reporter}")!.MemberId;
        var draft = Bot.Store.Conversations.FindById(member).Draft;
        Assert.True(draft["TV-HTSD"].YesNo);
        Assert.False(draft["TV-CDS"].YesNo);
        Assert.Equal(900m, draft["TV-LUOT"].Number);
        Assert.Equal(4m, draft["HD-SUKIEN"].Number);
        Assert.Equal(ConversationMode.Reporting, Bot.Store.Conversations.FindById(member).Mode);
        // Question 4 was not sent again after the restart.
        Assert.Single(Fake.SentTo(Reporter), m => m.Body!.Contains("Câu 4/11"));
    }
}
