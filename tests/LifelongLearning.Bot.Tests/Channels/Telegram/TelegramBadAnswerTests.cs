using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>
/// Bad answers in the report (unreadable, out of range, a wrong number, "khoảng 300") and an unknown command:
/// each gets a clear Vietnamese answer and the conversation stays where it was.
/// </summary>
public sealed class TelegramBadAnswerTests : TelegramBotTestBase
{
    [Fact]
    public async Task Bad_answers_and_an_unknown_command_are_explained_and_the_question_stays()
    {
        await RegisterAsync(Reporter, "TV-TH");
        Say(Admin, "/moky 2026");
        Assert.Contains("Câu 1/11: Thư viện có cung cấp dịch vụ", (await NextPromptAsync(Reporter)).Body);

        // Unparseable yes/no.
        Say(Reporter, "abc");
        Assert.Contains("Vui lòng trả lời «có» hoặc «không»", (await NextAsync(Reporter)).Body);
        Assert.Contains("Câu 1/11: Thư viện có cung cấp dịch vụ", (await NextPromptAsync(Reporter)).Body);
        Say(Reporter, "có");
        Assert.Contains("Câu 2/11: Thư viện có ứng dụng công nghệ thông tin", (await NextPromptAsync(Reporter)).Body);
        Say(Reporter, "2"); // the second numbered choice: Không
        Assert.Contains("Câu 3/11: Trong kỳ, thư viện phục vụ bao nhiêu lượt người", (await NextPromptAsync(Reporter)).Body);

        // Unparseable, out of range, a wrong number: each explained, the same question asked again.
        foreach (var (typed, explained) in new[]
                 {
                     ("nhiều lắm", "Vui lòng nhập một số nguyên không âm, ví dụ 1.250."),
                     ("-5", "Số không được âm."),
                     ("1,5", "Số lượng phải là số nguyên"),
                 })
        {
            Say(Reporter, typed);
            Assert.Contains(explained, (await NextAsync(Reporter)).Body);
            Assert.Contains("Câu 3/11: Trong kỳ, thư viện phục vụ bao nhiêu lượt người", (await NextPromptAsync(Reporter)).Body);
        }

        // "khoảng 300" is kept as said («khoảng 300 lượt» in the summary), not as an exact 300.
        Say(Reporter, "khoảng 300");
        Assert.Contains("Câu 4/11: Trong kỳ, đơn vị tổ chức bao nhiêu hoạt động hưởng ứng", (await NextPromptAsync(Reporter)).Body);

        // An unknown command.
        Say(Reporter, "/abc");
        Assert.Contains("Bot không hiểu lệnh /abc. Gõ /trogiup để xem các lệnh.", (await NextAsync(Reporter)).Body);

        // The conversation is still at question 4, with what was typed before.
        Say(Reporter, "/baocao");
        Assert.Contains("Tiếp tục báo cáo Năm 2026", (await NextAsync(Reporter)).Body);
        Assert.Contains("Câu 4/11: Trong kỳ, đơn vị tổ chức bao nhiêu hoạt động hưởng ứng", (await NextPromptAsync(Reporter)).Body);

        var store = Bot.Store;
        Assert.Empty(store.Answers.FindAll());
        var member = store.Accounts.FindById($"telegram:{Reporter}")!.MemberId;
        var conversation = store.Conversations.FindById(member);
        Assert.Equal(ConversationMode.Reporting, conversation.Mode);
        Assert.Equal(["TV-CDS", "TV-HTSD", "TV-LUOT"], conversation.Draft.Keys.Order());
        Assert.Equal(300m, conversation.Draft["TV-LUOT"].Number);
    }
}
