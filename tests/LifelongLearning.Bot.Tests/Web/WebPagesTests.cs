using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;
using Microsoft.Playwright;
using Xunit;

namespace LifelongLearning.Bot.Tests.Web;

/// <summary>
/// Every page on the demo commune's store (three years of figures, an open round), in Chromium on a desktop
/// and on a phone: each shows its title, and the browser reports no error (a script or a style the
/// Content-Security-Policy blocked would be one). With LLBOT_WEB_SCREENSHOTS set to a folder, each page is
/// also saved there as a picture (docs/web/ holds them).
/// </summary>
public sealed class WebPagesTests(Chromium chromium) : WebTestBase, IClassFixture<Chromium>
{
    private static readonly (string Path, string Title, string File)[] Pages =
    [
        ("/web/", "Kỳ báo cáo đang mở", "ky-bao-cao"),
        ("/web/ky/2025/TV-TH", "Thư viện Trường Tiểu học Quảng Nghiệp — năm 2025", "ky-bao-cao-don-vi"),
        ("/web/chi-tieu?ky=2025", "Chỉ tiêu của Kế hoạch", "chi-tieu"),
        ("/web/xu-huong", "Xu hướng theo năm", "xu-huong"),
        ("/web/tai-ve", "Tải báo cáo", "tai-ve"),
        ("/web/su-kien", "Sự kiện và thông báo", "su-kien"),
        ("/web/don-vi", "Đơn vị và giấy mời", "don-vi"),
    ];

    private static readonly string? Shots = Environment.GetEnvironmentVariable("LLBOT_WEB_SCREENSHOTS");

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Bot:SeedDemo"] = "true";
        return settings;
    }

    [Theory]
    [InlineData(1200, "")]
    [InlineData(390, "-dien-thoai")]
    public async Task Every_page_shows_its_title_with_nothing_blocked_on_a_desktop_and_a_phone(int width, string suffix)
    {
        SeedActivity();
        var link = await LinkByChatAsync(Admin);
        var (context, page, errors) = await chromium.NewPageAsync(width, 900);
        await using var _ = context;
        await page.GotoAsync(link);
        await page.WaitForURLAsync($"{BaseUrl}/web/");
        foreach (var (path, title, file) in Pages)
        {
            var response = await page.GotoAsync(BaseUrl + path);
            Assert.Equal(200, response!.Status);
            Assert.Equal(title, await page.InnerTextAsync("h1"));
            // On a phone nothing is wider than the screen but the tables that scroll in their own box.
            if (width < 600) Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{path} is wider than the phone");
            await ShotAsync(page, file + suffix);
        }

        await page.GotoAsync($"{BaseUrl}/web/don-vi");
        await page.SelectOptionAsync("select[name=donvi]", "tatca");
        await page.ClickAsync("text=Tạo giấy mời");
        Assert.Equal("Giấy mời báo cáo", await page.InnerTextAsync("h1"));
        var cards = page.Locator(".invite");
        Assert.True(await cards.CountAsync() >= 10);
        Assert.Equal(1, await cards.First.Locator(".qr svg").CountAsync());
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", await cards.First.Locator(".code").InnerTextAsync());
        await ShotAsync(page, "giay-moi" + suffix);
        if (width > 600)
        {
            // What the printer gets: the A4 layout, without the menu and the forms.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            Assert.False(await page.IsVisibleAsync("header.top"));
            await ShotAsync(page, "giay-moi-ban-in");
        }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>What the demo lacks for these pages: an announcement sent (with its delivery report) and the people two units counted at an event.</summary>
    private void SeedActivity() => Bot.Store.Write(() =>
    {
        var store = Bot.Store;
        var nga = store.Members.FindOne(m => m.Role == Role.Resident);
        var hoa = store.Members.FindOne(m => m.UnitId == "TV-TH");
        Bot.Get<Broadcaster>().Queue("web-test-1", hoa.Id, [.. store.Accounts.Find(a => a.MemberId == nga.Id)],
            "Thư viện xã mở lớp kể chuyện cho thiếu nhi lúc 8 giờ sáng Chủ nhật tại Nhà văn hóa Thôn 1.", null);
        var bookDay = store.Events.FindAll().Where(e => e.StartsAt < DateTime.UtcNow).OrderBy(e => e.StartsAt).First();
        var figures = Bot.Get<EventFigures>();
        figures.Record(bookDay, "TV-TH", 120, hoa, "telegram");
        figures.Record(bookDay, "NVH-1", 85, store.Members.FindOne(m => m.UnitId == "NVH-1"), "zalo");
    });

    private static async Task ShotAsync(IPage page, string name)
    {
        if (string.IsNullOrEmpty(Shots)) return;
        Directory.CreateDirectory(Shots);
        // A very long page (the trends: one chart per indicator) is shown by its first screens.
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        var width = page.ViewportSize!.Width;
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(Shots, name + ".png"), FullPage = true,
            Clip = height > 2400 ? new Clip { X = 0, Y = 0, Width = width, Height = 2400 } : null,
        });
    }
}
