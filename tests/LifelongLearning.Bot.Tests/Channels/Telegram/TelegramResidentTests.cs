using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>Residents subscribe with one tap of consent, pick a village, and get announcements for it or for everyone, photo included.</summary>
public sealed class TelegramResidentTests : TelegramBotTestBase
{
    private const long Nga = 7101, Binh = 7102, Cuc = 7103;

    [Fact]
    public async Task A_stranger_subscribes_only_after_consenting_and_keeps_only_chat_name_and_area()
    {
        Say(Nga, "/start", "Nga");
        var welcome = await NextAsync(Nga);
        Assert.Contains("Bot chỉ lưu tên hiển thị và mã trò chuyện", welcome.Body);
        Assert.Null(Bot.Store.Accounts.FindById($"telegram:{Nga}"));

        Fake.PressButton(welcome, "Đồng ý nhận thông báo");
        await NextContainingAsync(Nga, "Cảm ơn anh/chị đã đăng ký");
        Say(Nga, "/khuvuc", "Nga");
        await NextContainingAsync(Nga, "thôn, khu dân cư nào");
        Say(Nga, "3", "Nga"); // 1 Thôn 1, 2 Thôn 2, 3 Thôn 3
        await NextContainingAsync(Nga, "Đã chọn: Thôn 3");

        var account = Bot.Store.Accounts.FindById($"telegram:{Nga}")!;
        var subscriber = Bot.Store.Subscribers.FindById(account.MemberId)!;
        Assert.True(subscriber.Active);
        Assert.Equal("Thôn 3", subscriber.Area);
        Assert.Equal(Role.Resident, Bot.Store.Members.FindById(account.MemberId)!.Role);
    }

    [Fact]
    public async Task An_announcement_to_a_village_reaches_it_and_one_to_all_with_a_photo_reaches_everyone()
    {
        await SubscribeAsync(Nga, "Thôn 1");
        await SubscribeAsync(Binh, "Thôn 2");
        await SubscribeAsync(Cuc, null);

        Say(Admin, "/thongbao");
        Say(Admin, "Thôn 1 họp bàn mở lớp tin học.");
        await NextContainingAsync(Admin, "Gửi cho ai");
        Say(Admin, "2"); // 1 Cả xã, 2 Thôn 1
        await NextContainingAsync(Admin, "Gửi tới 2 người (Thôn 1)");
        Say(Admin, "OK");
        var first = await NextContainingAsync(Admin, "Kết quả gửi thông báo");
        Assert.Contains("2 đã gửi", first.Body);

        Say(Admin, "/thongbao");
        await NextContainingAsync(Admin, "kèm một ảnh");
        Fake.EnqueueUpdate(PhotoUpdate.From(Admin, "AgACposter", "Ngày hội đọc sách 21/4 tại thư viện xã."));
        await NextContainingAsync(Admin, "Gửi cho ai");
        Say(Admin, "1");
        var preview = await NextContainingAsync(Admin, "Xem trước");
        Assert.Contains("Có ảnh kèm", preview.Body);
        Assert.Contains("Gửi tới 3 người (cả xã)", preview.Body);
        Say(Admin, "OK");
        await NextContainingAsync(Admin, "Kết quả gửi thông báo");

        foreach (var chat in new[] { Nga, Binh, Cuc })
        {
            var photo = Assert.Single(Fake.SentTo(chat), m => m.Body?.Contains("Ngày hội đọc sách 21/4") == true);
            Assert.Equal("sendPhoto", photo.Method);
            Assert.Equal("AgACposter", photo.FileReference);
        }
        Assert.Single(Fake.SentTo(Nga), m => m.Body?.Contains("lớp tin học") == true);
        Assert.Single(Fake.SentTo(Cuc), m => m.Body?.Contains("lớp tin học") == true);
        Assert.DoesNotContain(Fake.SentTo(Binh), m => m.Body?.Contains("lớp tin học") == true);
    }

    private async Task SubscribeAsync(long chat, string? area)
    {
        Say(chat, "/start");
        Say(chat, "đồng ý");
        await NextContainingAsync(chat, "Cảm ơn anh/chị đã đăng ký");
        if (area is null) return;
        Say(chat, $"/khuvuc {area}");
        await NextContainingAsync(chat, $"Đã chọn: {area}");
    }
}

/// <summary>
/// /ngung stops at once: an announcement still waiting for a resident who leaves is not sent, and the
/// delivery report counts them, beside one who blocked the bot and one message Telegram refused. The bot
/// sends slowly here (5 a second) so the announcement is still under way.
/// </summary>
public sealed class TelegramLeavingTests : TelegramBotTestBase
{
    private const long FirstResident = 2_000_000;
    private const long Leaver = 7201;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Telegram:MessagesPerSecond"] = "5";
        return settings;
    }

    [Fact]
    public async Task A_resident_who_leaves_while_an_announcement_is_sending_does_not_get_it_and_the_report_says_so()
    {
        Residents.Seed(Bot, "telegram", FirstResident, 20);
        Fake.BlockUser(FirstResident + 15);
        Say(Leaver, "/start");
        Say(Leaver, "đồng ý");
        await NextContainingAsync(Leaver, "Cảm ơn anh/chị đã đăng ký");

        Say(Admin, "/thongbao");
        Say(Admin, "Lớp học tiếng Anh miễn phí cho thiếu nhi.");
        await NextContainingAsync(Admin, "Gửi cho ai");
        Say(Admin, "1");
        await NextContainingAsync(Admin, "Gửi tới 21 người");
        Say(Admin, "OK");
        // Sent in the order people subscribed: the leaver, last, is about four seconds away.
        await WaitUntilAsync(() => Fake.Sent.Any(m => m.Body?.StartsWith("📢 Lớp học tiếng Anh") == true));

        Say(Leaver, "/ngung");
        // A reply goes before the rest of the announcement, so the fault waits for it: it is meant for a resident's copy.
        await NextContainingAsync(Leaver, "Đã ngừng gửi thông báo");
        Fake.FailNext("sendMessage", 400); // the next resident's copy is refused for good

        var report = await Fake.WaitForMessageAsync(Admin, m => m.Body?.StartsWith("Kết quả gửi thông báo") == true, TimeSpan.FromSeconds(30));
        Assert.Contains("18 đã gửi, 1 không nhận được (chặn bot hoặc bị nền tảng từ chối) nên được hủy đăng ký, 1 đã ngừng nhận trước khi tới lượt, 1 không gửi được", report.Body);
        Assert.DoesNotContain(Fake.SentTo(Leaver), m => m.Body?.Contains("tiếng Anh") == true);
    }
}
