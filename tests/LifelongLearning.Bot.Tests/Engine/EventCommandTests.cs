using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

/// <summary>
/// Events at the engine level on a fake clock, with the calendar run by hand: what officials may and may not
/// do with events, what residents hear when, and cancellation.
/// </summary>
public sealed class EventCommandTests : IAsyncLifetime
{
    private const string Channel = "test";
    // Monday 1/6/2026, 09:00 in the commune.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
    private EngineHost _host = null!;
    private long _sequence;

    private BotEngine Engine => _host.Engine;
    private BotStore Store => _host.Store;

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Bot:AdminChatIds:0"] = $"{Channel}:admin",
            ["Events:DaysBefore"] = "3",
            ["Events:SendAt"] = "07:30",
        },
        services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<EventAnnouncer>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void The_plans_days_are_in_the_calendar_from_the_start_and_cannot_be_cancelled()
    {
        Say("admin", "/dssukien");
        var list = Last("admin");
        Assert.Contains("Tuần lễ hưởng ứng học tập suốt đời [theo Kế hoạch]", list);
        Assert.Contains("23/11/2026 — Ngày Di sản văn hóa Việt Nam [theo Kế hoạch]", list);
        var planDay = Store.Events.FindOne(e => e.PlanKey != null && e.Title == "Ngày Di sản văn hóa Việt Nam");

        Say("admin", $"/huysukien {planDay.Id}");
        Assert.Contains("không hủy được", Last("admin"));
    }

    [Fact]
    public void Every_step_explains_what_it_wants_and_a_past_time_is_refused()
    {
        Say("admin", "/sukien");
        Say("admin", "CL");
        Assert.Contains("từ 3 đến 200 ký tự", Last("admin"));
        Say("admin", "Câu lạc bộ đọc sách");
        Say("admin", "tuần sau");
        Assert.Contains("Bot chưa hiểu ngày giờ này", Last("admin"));
        Say("admin", "1/6/2026 8:00");
        Assert.Contains("đã qua", Last("admin"));
        Say("admin", "3/6/2026 19:30");
        Say("admin", "Thư viện xã");
        Say("admin", "Đọc và bàn về một cuốn sách mỗi tháng.");
        Say("admin", "ảnh đây");
        Assert.Contains("gửi một ảnh, hoặc gõ «bỏ qua»", Last("admin"));
        Say("admin", "bỏ qua");
        Say("admin", "9");
        Assert.Contains("Vui lòng chọn số trong danh sách", Last("admin"));
        Say("admin", "cả xã");
        Say("admin", "bỏ qua");
        Assert.Contains("Đơn vị tổ chức: không có", Last("admin"));
        Say("admin", "/huy");
        Assert.Contains("chưa lưu gì", Last("admin"));
        Assert.Null(Store.Events.FindOne(e => e.Title == "Câu lạc bộ đọc sách"));
    }

    [Fact]
    public void Residents_are_told_days_before_and_on_the_morning_but_not_at_night_and_a_cancellation_reaches_those_told()
    {
        Subscribe("nga");
        Subscribe("binh");
        var id = AddEvent("Giao lưu sách hay", "3/6/2026 19:30");

        // Added two days ahead, after the slot three days before: announced at once with the days that remain.
        Assert.Equal(1, Announce());
        var ahead = Queued("nga", EventAnnouncer.BeforeId(id));
        Assert.StartsWith("📅 Còn 2 ngày nữa: Giao lưu sách hay", ahead.Text);
        Assert.Contains("(Gõ /ngung để thôi nhận thông báo.)", ahead.Text);
        Assert.Equal(0, Announce()); // once

        // Quiet hours on the night before the day: nothing; the morning at 07:30: the day's message.
        At(new DateTime(2026, 6, 3, 6, 0, 0));
        Assert.Equal(0, Announce());
        At(new DateTime(2026, 6, 3, 7, 30, 0));
        Assert.Equal(1, Announce());
        Assert.StartsWith("📅 Hôm nay: Giao lưu sách hay", Queued("binh", EventAnnouncer.DayId(id)).Text);

        // Bình leaves before the message goes: it is not sent to him.
        Say("binh", "/ngung");
        Assert.Equal(OutboxStatus.Cancelled, Queued("binh", EventAnnouncer.DayId(id)).Status);

        // Nga was told ahead (marked sent as the outbox would); the event is cancelled: she hears it is off.
        Store.Write(() =>
        {
            var row = Queued("nga", EventAnnouncer.BeforeId(id));
            row.Status = OutboxStatus.Sent;
            Store.Outbox.Update(row);
            _host.Services.GetRequiredService<Broadcaster>().Settled(row);
        });
        Say("official2", "/huysukien " + id);
        Assert.Contains("Chỉ người đã thêm sự kiện", Last("official2"));
        Say("admin", "/huysukien " + id);
        Assert.Contains("Bot sẽ báo hủy cho 1 người", Last("admin"));
        Assert.Equal(OutboxStatus.Cancelled, Queued("nga", EventAnnouncer.DayId(id)).Status);
        var cancelled = $"event:{id}:cancelled";
        Assert.Contains("đã được hủy", Queued("nga", cancelled).Text);
        Assert.Null(Store.Outbox.FindOne(m => m.ChatId == "binh" && m.BroadcastId == cancelled));
        Assert.Equal(0, Announce());
    }

    [Fact]
    public void Participation_is_reported_only_by_a_units_reporter_and_only_after_the_event()
    {
        var id = AddEvent("Thi kể chuyện theo sách", "5/6/2026 8:00");
        Subscribe("nga");
        Say("nga", $"/thamgia {id} 50");
        Assert.Contains("dành cho người báo cáo của đơn vị", Last("nga"));

        Store.Write(() => _host.Services.GetRequiredService<Members>().Create(Channel, "tuan", "Anh Tuấn", Role.Reporter, "NVH-2", Communes.Shipped));
        Say("tuan", $"/thamgia {id} 50");
        Assert.Contains("chưa diễn ra", Last("tuan"));
        At(new DateTime(2026, 6, 5, 11, 0, 0));
        Say("tuan", $"/thamgia {id} khoảng năm mươi");
        Assert.Contains("ví dụ /thamgia 12 150", Last("tuan"));
        Say("tuan", $"/thamgia {id} 50");
        Assert.Contains("Đã ghi: 50 người tham gia «Thi kể chuyện theo sách» của Nhà văn hóa Thôn 2", Last("tuan"));
    }

    private int AddEvent(string title, string when)
    {
        foreach (var step in new[] { "/sukien", title, when, "Thư viện xã", "bỏ qua", "bỏ qua", "1", "bỏ qua", "OK" }) Say("admin", step);
        Assert.Contains("Đã lưu sự kiện số", Last("admin"));
        return Store.Events.FindOne(e => e.Title == title).Id;
    }

    private int Announce() => Store.Write(_host.Services.GetRequiredService<EventAnnouncer>().Run);

    private void At(DateTime local) => _clock.SetUtcNow(new DateTimeOffset(local, TimeSpan.FromHours(7)));

    private OutboxMessage Queued(string chat, string broadcastId) =>
        Store.Outbox.FindOne(m => m.ChatId == chat && m.BroadcastId == broadcastId) ?? throw new Xunit.Sdk.XunitException($"nothing queued for {chat} in {broadcastId}");

    /// <summary>The last thing the bot said to the chat (the outbox, before any sender).</summary>
    private string Last(string chat) => Store.Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Id).Last().Text;

    private void Subscribe(string chat)
    {
        Say(chat, "/start");
        Say(chat, "đồng ý");
    }

    private void Say(string chat, string text)
    {
        if (chat == "official2" && Store.Accounts.FindById($"{Channel}:official2") is null)
            Store.Write(() => _host.Services.GetRequiredService<Members>().Create(Channel, "official2", "Chị Lan", Role.Official, null, Communes.Shipped));
        Assert.True(Engine.Handle(new IncomingMessage(Channel, chat, chat, text, $"{Channel}:{++_sequence}")));
    }
}
