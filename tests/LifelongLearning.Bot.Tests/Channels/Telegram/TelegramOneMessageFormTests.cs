using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>"TV-LUOT 1.250; TV-HTSD có": the form in one message, with the same checks and confirmation.</summary>
public sealed class TelegramOneMessageFormTests : TelegramBotTestBase
{
    [Fact]
    public async Task The_one_message_form_gets_the_same_checks_and_the_same_confirmation()
    {
        await RegisterAsync(Reporter, "TV-TH");
        Say(Admin, "/moky 2026");
        await NextPromptAsync(Reporter);
        Say(Reporter, "/huy");
        await NextContainingAsync(Reporter, "Đã dừng");

        // Outside the conversation: two figures in one message; the bot asks for the first one still missing.
        Say(Reporter, "TV-LUOT 1.250; TV-HTSD có");
        var next = await NextPromptAsync(Reporter);
        Assert.Contains("Câu 2/11: Thư viện có ứng dụng công nghệ thông tin", next.Body);

        // The rest, with a figure it cannot read, one that is not the unit's, and an approximate one.
        Say(Reporter, "TV-CDS không; HD-SUKIEN khoảng 5; HD-NGUOI abc; VH-CLB có; TV-LUANCHUYEN 40; TV-LUUDONG bỏ qua; TV-THEMOI bỏ qua; TV-BOSUNG bỏ qua; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua");
        var problems = await NextContainingAsync(Reporter, "Chưa nhận được:");
        Assert.Contains("HD-NGUOI: Vui lòng nhập một số nguyên không âm", problems.Body);
        Assert.Contains("VH-CLB: không thuộc báo cáo này của đơn vị.", problems.Body);
        Assert.Contains("Câu 5/11: Có bao nhiêu lượt người tham gia các hoạt động đó?", (await NextPromptAsync(Reporter)).Body);

        Say(Reporter, "HD-NGUOI 300");
        var summary = await NextPromptAsync(Reporter);
        Assert.Contains("khoảng 5 hoạt động", summary.Body);
        Assert.Contains("1.250", summary.Body);
        Assert.Empty(Bot.Store.Answers.FindAll());

        Say(Reporter, "OK");
        await NextContainingAsync(Reporter, "Đã nhận báo cáo Năm 2026");
        var answers = Bot.Store.Answers.Find(a => a.UnitId == "TV-TH").ToDictionary(a => a.IndicatorCode, a => a.Value);
        Assert.Equal(11, answers.Count); // the year asks a school library eleven figures, four of them skipped here
        Assert.Equal(1250m, answers["TV-LUOT"].Number);
        Assert.True(answers["TV-HTSD"].YesNo);
        Assert.False(answers["TV-CDS"].YesNo);
        Assert.Equal(5m, answers["HD-SUKIEN"].Number);
        Assert.Equal(Approximation.About, answers["HD-SUKIEN"].Approximation); // stored as said: «khoảng 5»
        Assert.Equal(300m, answers["HD-NGUOI"].Number);
        Assert.Equal(40m, answers["TV-LUANCHUYEN"].Number);
        Assert.True(answers["TV-LUUDONG"].IsMissing);
        Assert.False(Bot.Store.Answers.Exists(a => a.IndicatorCode == "VH-CLB"));
    }

}
