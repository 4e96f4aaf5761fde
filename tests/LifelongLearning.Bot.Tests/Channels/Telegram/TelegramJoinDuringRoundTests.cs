using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>A unit head who opens their invite while a round is open: welcomed first, told the round's real deadline, then asked.</summary>
public sealed class TelegramJoinDuringRoundTests : TelegramBotTestBase
{
    protected override bool StartBot => false;

    [Fact]
    public async Task A_unit_head_joining_an_open_round_is_welcomed_first_with_its_real_deadline_then_asked_the_first_question()
    {
        // Monday 1/6/2026, 09:00 in the commune.
        await using var clock = new FollowingClock(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        Bot.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock.Provider);
        await Bot.StartAsync();

        Say(Admin, "/moky 2026-H1");
        await NextContainingAsync(Admin, "Đã mở kỳ");
        // A deadline moved by hand: the plan's rule («N ngày sau đó») no longer gives it.
        Say(Admin, "/giahan 2026-H1 30/06/2026");
        await NextContainingAsync(Admin, "Đã gia hạn");
        Say(Admin, "/moi TV-TH");
        var invite = await NextContainingAsync(Admin, $"https://t.me/{FakeTelegramServer.BotUsername}?start=");
        var code = LinkCode().Match(invite.Body!).Groups[1].Value;

        Say(Reporter, $"/start {code}", "Cô Hạnh");
        var question = await NextContainingAsync(Reporter, "Câu 1/11");
        var before = Fake.SentTo(Reporter).Where(m => m.Sequence < question.Sequence).ToList();
        var welcome = before[0];
        Assert.StartsWith("Chào Cô Hạnh! Anh/chị đã được đăng ký báo cáo cho Thư viện Trường Tiểu học Quảng Nghiệp.", welcome.Body);
        Assert.Contains("Kỳ báo cáo 6 tháng đầu năm 2026 đang mở, hạn gửi 30/06/2026. Số liệu tính từ ngày 15/12/2025 đến ngày 14/06/2026. Bot hỏi từng câu ngay sau đây.", welcome.Body);
        Assert.DoesNotContain("Bot sẽ nhắn khi đến kỳ", welcome.Body);
        Assert.Contains("Thư viện có cung cấp dịch vụ phục vụ học tập suốt đời", question.Body);

        // The question asked is the conversation's: the answer is taken as the first figure.
        Say(Reporter, "có");
        Assert.Contains("Câu 2/11", (await NextPromptAsync(Reporter)).Body);
    }
}
