using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>
/// A whole report of a cultural house over the real HTTP path, and a correction with /sua. Each conversation
/// test is a class of its own: replies are paced to one a second per chat, so the classes run side by side.
/// </summary>
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
        Assert.Contains("Câu 1/5: Đơn vị có lớp năng khiếu", q.Body);
        Fake.PressButton(q, "Có");
        Assert.Contains("Câu 2/5: Trong kỳ, đơn vị tổ chức bao nhiêu hoạt động hưởng ứng", (await NextPromptAsync(House)).Body);
        Say(House, "12");
        Assert.Contains("Câu 3/5: Có bao nhiêu lượt người tham gia các hoạt động đó?", (await NextPromptAsync(House)).Body);
        Say(House, "1 250");
        Assert.Contains("Câu 4/5: Đơn vị hiện có bao nhiêu lớp năng khiếu", (await NextPromptAsync(House)).Body);
        Say(House, "3");
        Assert.Contains("Câu 5/5: Các lớp, câu lạc bộ, nhóm sở thích đó có tổng cộng", (await NextPromptAsync(House)).Body);
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
        Assert.Contains("Câu 3/5: Có bao nhiêu lượt người tham gia các hoạt động đó?", again.Body);
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
