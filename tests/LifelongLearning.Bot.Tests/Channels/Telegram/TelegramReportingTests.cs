using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

// One class per test: each conversation is paced to one message a second per chat, like Telegram wants,
// so the classes run side by side instead of one after another.

/// <summary>A whole report of a cultural house over the real HTTP path, and a correction with /sua.</summary>
public sealed class TelegramCulturalHouseReportTests : TelegramBotTestBase
{
    private const long House = 6101;

    [Fact]
    public async Task A_cultural_house_reports_with_a_button_numbers_and_a_skip_then_corrects_a_figure_with_sua()
    {
        await RegisterAsync(House, "NVH-1", "Anh Tuấn");
        Say(Admin, "/moky 2026");

        // Its year report: clubs (yes/no), events and participants, clubs and their members.
        var q = await NextPromptAsync(House);
        Assert.Contains("Câu 1/5 (VH-CLB)", q.Body);
        Fake.PressButton(q, "Có");
        Assert.Contains("Câu 2/5 (HD-SUKIEN)", (await NextPromptAsync(House)).Body);
        Say(House, "12");
        Assert.Contains("Câu 3/5 (HD-NGUOI)", (await NextPromptAsync(House)).Body);
        Say(House, "1 250");
        Assert.Contains("Câu 4/5 (VH-SOCLB)", (await NextPromptAsync(House)).Body);
        Say(House, "3");
        Assert.Contains("Câu 5/5 (VH-THANHVIEN)", (await NextPromptAsync(House)).Body);
        Say(House, "bỏ qua");
        var summary = await NextPromptAsync(House);
        Assert.Contains("Báo cáo Năm 2026 — Nhà văn hóa Thôn 1", summary.Body);
        Assert.Contains("1.250", summary.Body);
        Fake.PressButton(summary, "✅ Gửi báo cáo");
        await NextContainingAsync(House, "Đã nhận báo cáo Năm 2026 của Nhà văn hóa Thôn 1");

        var answers = Bot.Store.Answers.Find(a => a.RoundId == "2026" && a.UnitId == "NVH-1").ToDictionary(a => a.IndicatorCode);
        Assert.Equal(5, answers.Count);
        Assert.True(answers["VH-CLB"].Value.YesNo);
        Assert.Equal(12m, answers["HD-SUKIEN"].Value.Number);
        Assert.Equal(1250m, answers["HD-NGUOI"].Value.Number);
        Assert.Equal(3m, answers["VH-SOCLB"].Value.Number);
        Assert.True(answers["VH-THANHVIEN"].Value.IsMissing);
        var first = Assert.Single(answers["HD-NGUOI"].Revisions);

        // The correction: /sua shows the confirmed report; item 3 is asked again; the old value stays as a revision.
        Say(House, "/sua");
        await NextContainingAsync(House, "Sửa báo cáo Năm 2026 của Nhà văn hóa Thôn 1");
        Assert.Contains("3. ", (await NextPromptAsync(House)).Body);
        Say(House, "3");
        var again = await NextPromptAsync(House);
        Assert.Contains("Câu 3/5 (HD-NGUOI)", again.Body);
        Assert.Contains("Đã nhập: 1.250", again.Body);
        Say(House, "1.300");
        Assert.Contains("1.300", (await NextPromptAsync(House)).Body);
        Say(House, "OK");
        await NextContainingAsync(House, "Đã lưu phần sửa báo cáo Năm 2026");

        var corrected = Bot.Store.Answers.FindById(Answer.IdOf("2026", "NVH-1", "HD-NGUOI"));
        Assert.Equal(1300m, corrected.Value.Number);
        Assert.Equal([1250m, 1300m], corrected.Revisions.Select(r => r.Value.Number!.Value));
        Assert.All(corrected.Revisions, r =>
        {
            Assert.Equal("Anh Tuấn", r.MemberName);
            Assert.Equal("telegram", r.Channel);
        });
        Assert.True(corrected.Revisions[1].At >= first.At);
        Assert.Equal(first.At, corrected.FirstConfirmedAt);
        // Only the corrected figure got a second revision.
        Assert.All(Bot.Store.Answers.Find(a => a.UnitId == "NVH-1" && a.IndicatorCode != "HD-NGUOI"), a => Assert.Single(a.Revisions));
    }

}

/// <summary>"TV-LUOT 1.250; TV-HTSD có": the form in one message, over the real HTTP path.</summary>
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
        Assert.Contains("Câu 2/7 (TV-CDS)", next.Body);

        // The rest, with a figure it cannot read, one that is not the unit's, and an approximate one.
        Say(Reporter, "TV-CDS không; HD-SUKIEN khoảng 5; HD-NGUOI abc; VH-CLB có; TV-LUANCHUYEN 40; TV-LUUDONG bỏ qua");
        var problems = await NextContainingAsync(Reporter, "Chưa nhận được:");
        Assert.Contains("HD-NGUOI: Vui lòng nhập một số nguyên không âm", problems.Body);
        Assert.Contains("VH-CLB: không thuộc báo cáo này của đơn vị.", problems.Body);
        Assert.Contains("Câu 5/7 (HD-NGUOI)", (await NextPromptAsync(Reporter)).Body);

        Say(Reporter, "HD-NGUOI 300");
        var summary = await NextPromptAsync(Reporter);
        Assert.Contains("ghi «khoảng 5», xin kiểm tra lại", summary.Body);
        Assert.Contains("1.250", summary.Body);
        Assert.Empty(Bot.Store.Answers.FindAll());

        Say(Reporter, "OK");
        await NextContainingAsync(Reporter, "Đã nhận báo cáo Năm 2026");
        var answers = Bot.Store.Answers.Find(a => a.UnitId == "TV-TH").ToDictionary(a => a.IndicatorCode, a => a.Value);
        Assert.Equal(7, answers.Count);
        Assert.Equal(1250m, answers["TV-LUOT"].Number);
        Assert.True(answers["TV-HTSD"].YesNo);
        Assert.False(answers["TV-CDS"].YesNo);
        Assert.Equal(5m, answers["HD-SUKIEN"].Number);
        Assert.Equal(300m, answers["HD-NGUOI"].Number);
        Assert.Equal(40m, answers["TV-LUANCHUYEN"].Number);
        Assert.True(answers["TV-LUUDONG"].IsMissing);
        Assert.False(Bot.Store.Answers.Exists(a => a.IndicatorCode == "VH-CLB"));
    }

}

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
        Assert.Contains("Câu 3/7 (TV-LUOT)", (await NextPromptAsync(Reporter)).Body);
        Say(Reporter, "900");
        Assert.Contains("Câu 4/7 (HD-SUKIEN)", (await NextPromptAsync(Reporter)).Body);

        // Stopped as soon as question 4 reached the chat, maybe before the bot heard Telegram's answer.
        await Bot.RestartAsync();

        Say(Reporter, "4");
        Assert.Contains("Câu 5/7 (HD-NGUOI)", (await NextPromptAsync(Reporter)).Body);
        var member = Bot.Store.Accounts.FindById($"telegram:{Reporter}")!.MemberId;
        var draft = Bot.Store.Conversations.FindById(member).Draft;
        Assert.True(draft["TV-HTSD"].YesNo);
        Assert.False(draft["TV-CDS"].YesNo);
        Assert.Equal(900m, draft["TV-LUOT"].Number);
        Assert.Equal(4m, draft["HD-SUKIEN"].Number);
        Assert.Equal(ConversationMode.Reporting, Bot.Store.Conversations.FindById(member).Mode);
        // Question 4 was not sent again after the restart.
        Assert.Single(Fake.SentTo(Reporter), m => m.Body!.Contains("Câu 4/7"));
    }
}
