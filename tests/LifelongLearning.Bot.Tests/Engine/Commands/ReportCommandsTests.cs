using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>A unit head's report at the engine level, on a temporary database: what is kept between the ways of answering.</summary>
public sealed class ReportCommandsTests : IAsyncLifetime
{
    // Monday 1/6/2026, 09:00 in the commune.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
    private EngineHost _host = null!;
    private EngineChat _chat = null!;

    private BotStore Store => _host.Store;

    public async Task InitializeAsync()
    {
        _host = await EngineHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:AdminChatIds:0"] = "test:admin" },
            services => services.AddSingleton<TimeProvider>(_clock));
        _chat = new EngineChat(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Answers_kept_after_huy_stay_when_the_rest_comes_in_the_one_message_form()
    {
        _chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Assert.Contains("Đã mở kỳ", _chat.Ask("admin", "/moky 2026-H1"));
        _chat.Say("lan", "/baocao");
        _chat.Say("lan", "có");      // the library offers lifelong-learning services
        _chat.Say("lan", "không");   // no digital transformation yet
        _chat.Say("lan", "1250");    // visits
        Assert.Contains("Những số đã nhập được giữ lại", _chat.Ask("lan", "/huy"));

        var summary = _chat.Ask("lan", "HD-SUKIEN 5; HD-NGUOI 300; TV-LUANCHUYEN 40; TV-LUUDONG 2; TV-THEMOI 10; TV-BOSUNG 20; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua");
        Assert.Contains("Báo cáo 6 tháng đầu năm 2026 — Thư viện Trường Tiểu học Quảng Nghiệp:", summary);
        Assert.DoesNotContain("chưa trả lời", summary);
        Assert.Contains("3. Lượt người sử dụng thư viện", summary);
        Assert.Contains("1.250", summary);

        Assert.Contains("Đã nhận báo cáo", _chat.Ask("lan", "OK"));
        var answers = Store.Answers.Find(a => a.UnitId == "TV-TH").ToDictionary(a => a.IndicatorCode, a => a.Value);
        Assert.True(answers["TV-HTSD"].YesNo);
        Assert.False(answers["TV-CDS"].YesNo);
        Assert.Equal(1250m, answers["TV-LUOT"].Number);
        Assert.Equal(300m, answers["HD-NGUOI"].Number);
        Assert.True(answers["TV-TRUYCAP"].IsMissing);
    }
}
