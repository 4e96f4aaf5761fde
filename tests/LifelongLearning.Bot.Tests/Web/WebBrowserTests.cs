using LifelongLearning.Bot.Storage;
using System.Xml.Linq;
using Microsoft.Playwright;
using Xunit;

namespace LifelongLearning.Bot.Tests.Web;

/// <summary>The web page in a real headless Chromium, through the real host and the fake Telegram server.</summary>
public sealed class WebBrowserTests(Chromium chromium) : WebTestBase, IClassFixture<Chromium>
{
    [Fact]
    public async Task An_official_signs_in_from_the_chat_link_and_sees_a_units_answer_arrive_in_the_round_table()
    {
        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        Say(Admin, "/moky 2026");
        await NextPromptAsync(Reporter);

        var (context, page, errors) = await chromium.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(await LinkByChatAsync(Admin));
        // The sign-in page's own script posts the form; the browser lands on the round table.
        await page.WaitForURLAsync($"{BaseUrl}/web/");
        var row = page.Locator("tr", new() { HasText = "Thư viện Trường Tiểu học" });
        Assert.Contains("Chưa gửi", await row.InnerTextAsync());
        Assert.Contains("Đăng xuất", await page.InnerTextAsync("header"));

        Say(Reporter, "TV-HTSD có; TV-CDS không; TV-LUOT 1.250; HD-SUKIEN 5; HD-NGUOI 300; TV-LUANCHUYEN 40; TV-LUUDONG bỏ qua; TV-THEMOI bỏ qua; TV-BOSUNG bỏ qua; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua");
        await NextPromptAsync(Reporter);
        Say(Reporter, "OK");
        await NextContainingAsync(Reporter, "Đã nhận báo cáo Năm 2026");

        await page.ReloadAsync();
        Assert.Contains("Đã gửi đúng hạn", await row.InnerTextAsync());
        await row.Locator("a").ClickAsync();
        var luot = page.Locator("tr", new() { HasText = "TV-LUOT" });
        var revisions = await luot.InnerTextAsync();
        Assert.Contains("1.250", revisions);
        Assert.Contains("Cô Hạnh", revisions);
        Assert.Contains("qua Telegram", revisions);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        await page.ClickAsync("text=Đăng xuất");
        Assert.Contains("Anh/chị đã đăng xuất", await page.InnerTextAsync("main"));
        await page.GotoAsync($"{BaseUrl}/web/");
        Assert.Equal($"{BaseUrl}/web/dang-nhap", page.Url);
        Assert.DoesNotContain("Thư viện", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_used_link_opened_again_in_the_browser_says_to_send_web_again()
    {
        await RegisterAsync(Reporter, "TV-TH");
        var link = await LinkByChatAsync(Admin);
        var (first, page, _) = await chromium.NewPageAsync();
        await using (first)
        {
            await page.GotoAsync(link);
            await page.WaitForURLAsync($"{BaseUrl}/web/");
        }
        var (second, again, _) = await chromium.NewPageAsync();
        await using var __ = second;
        await again.GotoAsync(link);
        Assert.Contains("đã được dùng", await again.InnerTextAsync("main"));
        Assert.Contains("gửi /web cho bot", await again.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_download_from_the_page_is_the_same_file_xuat_sends_in_chat()
    {
        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        Say(Admin, "/moky 2026");
        await NextPromptAsync(Reporter);
        Say(Reporter, "TV-HTSD có; TV-CDS không; TV-LUOT 1.250; HD-SUKIEN 5; HD-NGUOI 300; TV-LUANCHUYEN 40; TV-LUUDONG bỏ qua; TV-THEMOI bỏ qua; TV-BOSUNG bỏ qua; TV-SOHOA bỏ qua; TV-TRUYCAP bỏ qua");
        await NextPromptAsync(Reporter);
        Say(Reporter, "OK");
        await NextContainingAsync(Reporter, "Đã nhận báo cáo");

        Say(Admin, "/xuat 2026");
        var sent = await NextAsync(Admin, m => m.FileName == "so-lieu-2026.csv");

        var (context, page, _) = await chromium.NewPageAsync();
        await using var _c = context;
        await page.GotoAsync(await LinkByChatAsync(Admin));
        await page.WaitForURLAsync($"{BaseUrl}/web/");
        await page.ClickAsync("nav >> text=Tải báo cáo");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/web/tai-ve/2026/so-lieu-2026.csv']"));
        Assert.Equal("so-lieu-2026.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(sent.FileBytes, bytes);

        var word = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/web/tai-ve/2026/bao-cao-2026.docx']"));
        Assert.Equal("bao-cao-2026.docx", word.SuggestedFilename);
        var docx = Fake.SentTo(Admin).Single(m => m.FileName == "bao-cao-2026.docx");
        Assert.Equal(DocumentText(docx.FileBytes!), DocumentText(await File.ReadAllBytesAsync((await word.PathAsync())!)));
    }

    /// <summary>The words of a .docx (the Open XML SDK gives each build new relationship ids and zip times, so the bytes differ).</summary>
    private static string DocumentText(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd());
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return string.Join("\n", xml.Descendants(w + "p").Select(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value))));
    }
}
