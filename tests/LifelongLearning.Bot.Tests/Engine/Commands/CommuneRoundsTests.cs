using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// A city of two communes on one store (Support/City): each commune's rounds are its own. Its official opens,
/// follows, extends and sums up its round; the calendar opens, reminds and escalates each commune on its own plan
/// and tells only that commune's officials; a unit head is asked and reports in their own commune's round.
/// </summary>
public sealed class CommuneRoundsTests : EngineCommandTestBase
{
    private const string Report = "TV-HTSD có; TV-CDS không; TV-LUOT 1250; HD-SUKIEN 5; HD-NGUOI 300; TV-LUANCHUYEN 40; TV-LUUDONG 2; " +
                                  "TV-THEMOI 10; TV-BOSUNG 20; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua";

    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Bot:CityPath"] = TestCityPath };

    private ReportingCalendar Calendar => Bot.Services.GetRequiredService<ReportingCalendar>();

    private void People()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Chat.Join("hb", "Anh Hải", Role.Reporter, "HB-TV", "hoa-binh");
        Chat.Join("hbcb", "Chị Hà", Role.Official, communeId: "hoa-binh");
    }

    [Fact]
    public void An_official_opens_follows_extends_and_sums_up_the_round_of_their_own_commune_only()
    {
        People();
        Assert.Contains("Đã mở kỳ 6 tháng đầu năm 2026", Chat.Ask("hbcb", "/moky 2026-H1"));
        Assert.NotNull(Store.For("hoa-binh").Rounds.FindById("hoa-binh~2026-H1"));
        Assert.Equal(0, Store.For(Communes.Shipped).Rounds.Count());
        Assert.Contains("Kỳ báo cáo 6 tháng đầu năm 2026 đã mở", string.Join("\n", Chat.Queued("hb").Select(m => m.Text)));
        Assert.Empty(Chat.Queued("lan"));
        Assert.Contains("Hiện không có kỳ báo cáo nào đang mở", Chat.Ask("admin", "/trangthai"));

        // The unit head of Hòa Bình reports in Hòa Bình's round.
        Chat.Ask("hb", Report);
        Assert.Contains("Đã nhận báo cáo", Chat.Ask("hb", "OK"));
        var visits = Store.Answers.FindById("hoa-binh~2026-H1/HB-TV/TV-LUOT");
        Assert.Equal((1250m, "hoa-binh"), (visits!.Value.Number!.Value, visits.CommuneId));

        var status = Chat.Ask("hbcb", "/trangthai");
        Assert.Contains("✅ HB-TV Thư viện xã Hòa Bình: đã gửi", status);
        Assert.Contains("⏳ HB-NVH Nhà văn hóa Thôn Đông: chưa có người báo cáo", status);
        Assert.DoesNotContain("TV-TH", status);

        var digest = Chat.Ask("hbcb", "/tonghop");
        Assert.Contains("6 tháng đầu năm 2026", digest);
        Assert.Contains("Nhà văn hóa Thôn Đông", digest);
        Assert.DoesNotContain("Quảng Nghiệp", digest);

        Assert.Contains("đã báo 1 người báo cáo", Chat.Ask("hbcb", "/giahan 2026-H1 31/07/2026"));
        Assert.Equal(new DateOnly(2026, 7, 31), Store.For("hoa-binh").Rounds.FindById("hoa-binh~2026-H1")!.Deadline);
        Assert.Empty(Chat.Queued("lan"));
        Assert.Contains("Kỳ 6 tháng đầu năm 2026 không đang mở", Chat.Ask("admin", "/giahan 2026-H1 31/07/2026"));

        // The shipped commune opens its own round of the same period, which asks its own units.
        Assert.Contains("Đã mở kỳ 6 tháng đầu năm 2026", Chat.Ask("admin", "/moky 2026-H1"));
        Assert.Contains("Kỳ báo cáo 6 tháng đầu năm 2026 đã mở", string.Join("\n", Chat.Queued("lan").Select(m => m.Text)));
        Assert.DoesNotContain("HB-TV", Chat.Ask("admin", "/trangthai"));
        Assert.NotEqual(new DateOnly(2026, 7, 31), Store.For(Communes.Shipped).Rounds.FindById("2026-H1")!.Deadline);
    }

    [Fact]
    public void The_calendar_opens_reminds_and_escalates_each_commune_on_its_own_and_tells_only_its_officials()
    {
        People();
        Chat.Ask("admin", "/trangthai"); // the admin is a member of the shipped commune from their first message
        Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        Calendar.Run();

        var hoaBinh = Store.For("hoa-binh").Rounds.FindById("hoa-binh~2026-H1");
        Assert.NotNull(hoaBinh);
        Assert.NotNull(Store.For(Communes.Shipped).Rounds.FindById("2026-H1"));
        Assert.Single(Chat.Queued("hb"), m => m.Text.Contains("Kỳ báo cáo 6 tháng đầu năm 2026 đã mở"));
        Assert.Single(Chat.Queued("lan"), m => m.Text.Contains("Kỳ báo cáo 6 tháng đầu năm 2026 đã mở"));

        // Two days past Hòa Bình's deadline, on a working day, after the reminders' hour.
        var day = hoaBinh!.Deadline.AddDays(2);
        while (day.DayOfWeek == DayOfWeek.Sunday) day = day.AddDays(1);
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
        Calendar.Run();

        Assert.Contains(Chat.Queued("hb"), m => m.Text.StartsWith("⏰ Nhắc báo cáo: Thư viện xã Hòa Bình chưa gửi", StringComparison.Ordinal));
        Assert.DoesNotContain(Chat.Queued("lan"), m => m.Text.Contains("Hòa Bình"));
        var toHoaBinh = Chat.Queued("hbcb").Where(m => m.Text.StartsWith("⚠️", StringComparison.Ordinal)).ToList();
        Assert.Contains(toHoaBinh, m => m.Text.Contains("Thư viện xã Hòa Bình"));
        Assert.DoesNotContain(toHoaBinh, m => m.Text.Contains("Quảng Nghiệp"));
        Assert.DoesNotContain(Chat.Queued("admin"), m => m.Text.Contains("Hòa Bình"));
    }
}
