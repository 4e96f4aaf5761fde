using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>
/// The events calendar through the real host on a clock that can jump days: an official adds an event for
/// one village with a photo, residents hear of it three days before and on its morning, the plan's days are
/// announced to everyone without anybody adding them, nothing comes twice across a kill and restart, and
/// the organiser is asked for the number of participants the day after.
/// </summary>
public sealed class TelegramEventCalendarTests : TelegramBotTestBase
{
    private const long Nga = 7301, Binh = 7302, Cuc = 7303;
    private FollowingClock _clock = null!;

    protected override bool StartBot => false;

    [Fact]
    public async Task Residents_hear_of_events_on_the_right_days_once_and_the_organiser_is_asked_for_figures()
    {
        // Wednesday 15/4/2026, 10:00 in the commune.
        await using var clock = _clock = new FollowingClock(new DateTimeOffset(2026, 4, 15, 10, 0, 0, TimeSpan.FromHours(7)));
        Bot.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock.Provider);
        await Bot.StartAsync();

        await SubscribeAsync(Nga, "Thôn 1");
        await SubscribeAsync(Binh, "Thôn 2");
        await SubscribeAsync(Cuc, null);
        await RegisterAsync(Reporter, "NVH-1", "Anh Tùng");

        var eventId = await AddEventAsync();

        Say(Cuc, "/lich");
        var calendar = await NextContainingAsync(Cuc, "Sự kiện sắp tới");
        Assert.Contains("08:00 19/04/2026 — Ngày hội đọc sách Thôn 1, tại Nhà văn hóa Thôn 1 (Thôn 1)", calendar.Body);
        Assert.Contains("21/04/2026 — Ngày Sách và Văn hóa đọc Việt Nam", calendar.Body);

        // 16/4 07:35, three days before the village's event: its residents and those who chose no village.
        _clock.JumpToLocal(new DateTime(2026, 4, 16, 7, 35, 0));
        var ahead = await Fake.WaitForMessageAsync(Nga, m => m.Body?.StartsWith("📅 Còn 3 ngày nữa: Ngày hội đọc sách Thôn 1") == true, Wait);
        Assert.Equal("sendPhoto", ahead.Method);
        Assert.Equal("AgACevent", ahead.FileReference);
        await Fake.WaitForMessageAsync(Cuc, m => m.Body?.StartsWith("📅 Còn 3 ngày nữa: Ngày hội đọc sách Thôn 1") == true, Wait);

        // Killed and started again the same morning: the calendar runs again at once and must queue nothing twice.
        // (Killed once nothing is in flight: a message cut off in flight may come twice, as the broadcast test shows.)
        await WaitUntilAsync(() => !Bot.Store.Outbox.Exists(m => m.Status == OutboxStatus.Pending));
        await Bot.KillAsync();
        await Bot.StartAsync();

        // 18/4: three days before Ngày Sách 21/4, a day the plan names, to everyone.
        _clock.JumpToLocal(new DateTime(2026, 4, 18, 7, 35, 0));
        foreach (var chat in new[] { Nga, Binh, Cuc })
            await Fake.WaitForMessageAsync(chat, m => m.Body?.StartsWith("📅 Còn 3 ngày nữa: Ngày Sách và Văn hóa đọc Việt Nam") == true, Wait);

        // 19/4, the morning of the village's event.
        _clock.JumpToLocal(new DateTime(2026, 4, 19, 7, 35, 0));
        foreach (var chat in new[] { Nga, Cuc })
            await Fake.WaitForMessageAsync(chat, m => m.Body?.StartsWith("📅 Hôm nay: Ngày hội đọc sách Thôn 1") == true, Wait);

        // Monday 20/4: the organiser is asked how many came; the answer is stored, then corrected.
        _clock.JumpToLocal(new DateTime(2026, 4, 20, 7, 35, 0));
        var ask = await NextContainingAsync(Reporter, $"/thamgia {eventId}");
        Assert.Contains("Nhà văn hóa Thôn 1 có bao nhiêu người tham gia", ask.Body);
        Say(Reporter, $"/thamgia {eventId} 120");
        await NextContainingAsync(Reporter, "Đã ghi: 120 người tham gia");
        Say(Reporter, $"/thamgia {eventId} 1.350");
        await NextContainingAsync(Reporter, "Đã ghi (đã sửa): 1.350 người tham gia");
        var figure = Bot.Store.EventFigures.FindById(EventFigure.IdOf(eventId, "NVH-1"))!;
        Assert.Equal(1350, figure.Participants);
        Assert.Equal([120, 1350], figure.Revisions.Select(r => r.Participants));
        Assert.All(figure.Revisions, r => Assert.Equal("Anh Tùng", r.MemberName));

        // Everyone heard each announcement meant for them exactly once; Bình, of another village, none of the village's.
        foreach (var chat in new[] { Nga, Cuc })
            Assert.Equal(
                ["📅 Còn 3 ngày nữa: Ngày hội đọc sách Thôn 1", "📅 Còn 3 ngày nữa: Ngày Sách và Văn hóa đọc Việt Nam", "📅 Hôm nay: Ngày hội đọc sách Thôn 1"],
                AnnouncementsTo(chat).Take(3));
        Assert.Equal(["📅 Còn 3 ngày nữa: Ngày Sách và Văn hóa đọc Việt Nam"], AnnouncementsTo(Binh).Take(1));
        Assert.DoesNotContain(AnnouncementsTo(Binh), a => a.Contains("Thôn 1"));
        Assert.All(new[] { Nga, Binh, Cuc }, chat => Assert.Equal(AnnouncementsTo(chat).Distinct().Count(), AnnouncementsTo(chat).Count));

        // Stopped while its clock still runs: a host left on a frozen fake clock waits on timers that never fire.
        await Bot.StopAsync();
    }

    private List<string> AnnouncementsTo(long chat) =>
        [.. Fake.SentTo(chat).Where(m => m.Body?.StartsWith("📅") == true).Select(m => m.Body![..m.Body!.IndexOf('\n')])];

    /// <summary>The whole /sukien conversation, typed as on Zalo; returns the new event's number.</summary>
    private async Task<int> AddEventAsync()
    {
        Say(Admin, "/sukien");
        await NextContainingAsync(Admin, "Tên sự kiện");
        Say(Admin, "Ngày hội đọc sách Thôn 1");
        await NextContainingAsync(Admin, "diễn ra lúc nào");
        Say(Admin, "19/4/2026 8h");
        await NextContainingAsync(Admin, "Địa điểm");
        Say(Admin, "Nhà văn hóa Thôn 1");
        await NextContainingAsync(Admin, "Giới thiệu ngắn");
        Say(Admin, "bỏ qua");
        await NextContainingAsync(Admin, "Gửi một ảnh");
        Fake.EnqueueUpdate(PhotoUpdate.From(Admin, "AgACevent"));
        await NextContainingAsync(Admin, "dành cho bà con ở đâu");
        Say(Admin, "2"); // 1 Cả xã, 2 Thôn 1
        await NextContainingAsync(Admin, "Đơn vị nào tổ chức");
        Say(Admin, "NVH-1");
        var preview = await NextContainingAsync(Admin, "Xem trước");
        Assert.Contains("Bot sẽ báo cho 2 người", preview.Body);
        Assert.Contains("Đơn vị tổ chức: Nhà văn hóa Thôn 1", preview.Body);
        Say(Admin, "OK");
        var saved = await NextContainingAsync(Admin, "Đã lưu sự kiện số");
        return int.Parse(System.Text.RegularExpressions.Regex.Match(saved.Body!, @"số (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
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
