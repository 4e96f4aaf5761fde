using LifelongLearning.Bot.Core.Plans;
using Microsoft.Extensions.DependencyInjection;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>A unit head's report at the engine level, on a temporary database: what is kept between the ways of answering.</summary>
public sealed class ReportCommandsTests : EngineCommandTestBase
{
    [Fact]
    public void Answers_kept_after_huy_stay_when_the_rest_comes_in_the_one_message_form()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Assert.Contains("Đã mở kỳ", Chat.Ask("admin", "/moky 2026-H1"));
        Chat.Say("lan", "/baocao");
        Chat.Say("lan", "có");      // the library offers lifelong-learning services
        Chat.Say("lan", "không");   // no digital transformation yet
        Chat.Say("lan", "1250");    // visits
        Assert.Contains("Những số đã nhập được giữ lại", Chat.Ask("lan", "/huy"));

        var summary = Chat.Ask("lan", "HD-SUKIEN 5; HD-NGUOI 300; TV-LUANCHUYEN 40; TV-LUUDONG 2; TV-THEMOI 10; TV-BOSUNG 20; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua");
        Assert.Contains("Báo cáo 6 tháng đầu năm 2026 — Thư viện Trường Tiểu học Quảng Nghiệp:", summary);
        Assert.DoesNotContain("chưa trả lời", summary);
        Assert.Contains("3. Lượt người sử dụng thư viện", summary);
        Assert.Contains("1.250", summary);

        Assert.Contains("Đã nhận báo cáo", Chat.Ask("lan", "OK"));
        var answers = Store.Answers.Find(a => a.UnitId == "TV-TH").ToDictionary(a => a.IndicatorCode, a => a.Value);
        Assert.True(answers["TV-HTSD"].YesNo);
        Assert.False(answers["TV-CDS"].YesNo);
        Assert.Equal(1250m, answers["TV-LUOT"].Number);
        Assert.Equal(300m, answers["HD-NGUOI"].Number);
        Assert.True(answers["TV-TRUYCAP"].IsMissing);
    }

    [Fact]
    public void Trangthai_names_the_items_left_blank_by_their_question_not_their_code()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Assert.Contains("Đã mở kỳ", Chat.Ask("admin", "/moky 2026-H1"));
        Chat.Ask("lan", "TV-HTSD có; TV-CDS không; TV-LUOT 1250; HD-SUKIEN 5; HD-NGUOI 300; TV-LUANCHUYEN 40; TV-LUUDONG 2; TV-THEMOI 10; TV-BOSUNG 20; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua");
        Assert.Contains("Đã nhận báo cáo", Chat.Ask("lan", "OK"));

        var status = Chat.Ask("lan", "/trangthai");
        Assert.Contains("còn bỏ trống 2 mục:", status);
        Assert.DoesNotContain("TV-SOHOA", status);
        Assert.DoesNotContain("TV-TRUYCAP", status);
        var plan = Bot.Services.GetRequiredService<Plan>();
        foreach (var code in new[] { "TV-SOHOA", "TV-TRUYCAP" })
            Assert.Contains("– " + plan.Indicators.Single(i => i.Code == code).Name, status);
    }
}
