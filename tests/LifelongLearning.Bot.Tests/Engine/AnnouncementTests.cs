using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

/// <summary>Residents subscribe and leave; an official's announcement reaches the right people once, with a report.</summary>
public sealed class AnnouncementTests : IAsyncLifetime
{
    private const string Channel = "test";
    private readonly RecordingSender _sender = new();
    private EngineHost _host = null!;
    private long _sequence;

    private BotEngine Engine => _host.Engine;
    private BotStore Store => _host.Store;

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync(
        new Dictionary<string, string?> { ["Bot:AdminChatIds:0"] = $"{Channel}:official" },
        services => services.AddSingleton<IChannelSender>(_sender).AddHostedService<OutboxService>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Announcement_to_a_village_reaches_its_residents_and_those_who_chose_the_whole_commune_only()
    {
        Subscribe("nga", area: "Thôn 1");
        Subscribe("binh", area: "Thôn 2");
        Subscribe("cuc", area: null);

        Say("official", "/thongbao");
        Say("official", "Thứ bảy này có lớp tin học miễn phí cho người cao tuổi.");
        Say("official", "2"); // Thôn 1
        var preview = await _sender.WaitForAsync("official", m => m.Text.Contains("Xem trước"));
        Assert.Contains("Gửi tới 2 người (Thôn 1)", preview.Text);
        Say("official", "OK");

        var report = await _sender.WaitForAsync("official", m => m.Text.StartsWith("Kết quả gửi thông báo"));
        Assert.Contains("2 đã gửi", report.Text);
        Assert.Single(_sender.To("nga"), m => m.Text.Contains("lớp tin học"));
        Assert.Single(_sender.To("cuc"), m => m.Text.Contains("lớp tin học"));
        Assert.DoesNotContain(_sender.To("binh"), m => m.Text.Contains("lớp tin học"));
    }

    [Fact]
    public async Task A_resident_who_blocked_the_bot_is_unsubscribed_and_counted_in_the_report()
    {
        Subscribe("nga", area: null);
        Subscribe("binh", area: null);
        // Refused only once the welcome has reached him: refusing his welcome would unsubscribe him before the announcement.
        await _sender.WaitForAsync("binh", m => m.Text.StartsWith("Cảm ơn"));
        _sender.Refuse("binh");

        Say("official", "/thongbao");
        Say("official", "Ngày hội đọc sách 21/4 tại nhà văn hóa.");
        Say("official", "1");
        Say("official", "OK");

        var report = await _sender.WaitForAsync("official", m => m.Text.StartsWith("Kết quả gửi thông báo"));
        Assert.Contains("1 đã gửi, 1 không nhận được", report.Text);
        var binh = Store.Accounts.FindById($"{Channel}:binh")!;
        Assert.False(Store.Subscribers.FindById(binh.MemberId)!.Active);
    }

    [Fact]
    public async Task After_ngung_a_resident_gets_no_announcement()
    {
        Subscribe("nga", area: null);
        Say("nga", "/ngung");
        await _sender.WaitForAsync("nga", m => m.Text.StartsWith("Đã ngừng"));

        Say("official", "/thongbao");
        Say("official", "Câu lạc bộ đọc sách họp tối thứ sáu.");
        Say("official", "1");
        var preview = await _sender.WaitForAsync("official", m => m.Text.Contains("Xem trước"));
        Assert.Contains("Gửi tới 0 người", preview.Text);
    }

    [Fact]
    public async Task A_resident_cannot_announce_or_report()
    {
        Subscribe("nga", area: null);
        Say("nga", "/thongbao");
        Say("nga", "/baocao");
        await _sender.WaitForAsync("nga", m => m.Text.Contains("chỉ dành cho cán bộ"));
        await _sender.WaitForAsync("nga", m => m.Text.Contains("chỉ dành cho người báo cáo của đơn vị"));
    }

    private void Subscribe(string chat, string? area)
    {
        Say(chat, "/start");
        Say(chat, "đồng ý");
        if (area is not null) Say(chat, $"/khuvuc {area}");
    }

    private void Say(string chat, string text) =>
        Assert.True(Engine.Handle(new IncomingMessage(Channel, chat, chat, text, $"{Channel}:{++_sequence}")));

    private sealed class RecordingSender : IChannelSender
    {
        private readonly List<OutgoingMessage> _sent = [];
        private readonly HashSet<string> _refused = [];

        public string Channel => AnnouncementTests.Channel;
        public ChannelLimits Limits { get; } = new(1000, TimeSpan.FromMilliseconds(1), 1000);

        public void Refuse(string chatId) { lock (_sent) _refused.Add(chatId); }

        public IReadOnlyList<OutgoingMessage> To(string chatId) { lock (_sent) return [.. _sent.Where(m => m.ChatId == chatId)]; }

        public Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                if (_refused.Contains(message.ChatId)) throw new SendFailedException(SendFailure.Unreachable, "Forbidden: bot was blocked by the user");
                _sent.Add(message);
            }
            return Task.CompletedTask;
        }

        public Task<OutgoingMessage> WaitForAsync(string chatId, Func<OutgoingMessage, bool> match) =>
            Waits.ForAsync(() => To(chatId).FirstOrDefault(match), what: $"No matching message to {chatId}",
                seen: () => string.Join(" | ", To(chatId).Select(m => m.Text)));
    }
}
