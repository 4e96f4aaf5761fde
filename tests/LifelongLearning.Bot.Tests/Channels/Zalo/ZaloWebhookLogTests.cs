using System.Net;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Hosting;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>The whole log of a run in Zalo webhook mode holds no live file link and no bot token.</summary>
public sealed class ZaloWebhookLogTests : ZaloBotTestBase
{
    private const string Secret = "zalo-webhook-secret-42";
    private const string PublicBase = "https://bot.example.test";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Zalo:PublicBaseUrl"] = PublicBase;
        settings["Zalo:WebhookSecret"] = Secret;
        settings["Zalo:WebhookListenUrl"] = "http://127.0.0.1:0";
        return settings;
    }

    private string Listening => Bot.Get<ZaloWebhook>().ListeningUrl!;

    private async Task DeliverAsync(string chat, string text) =>
        Assert.Equal(HttpStatusCode.OK, await Zalo.DeliverWebhookAsync(new Uri($"{Listening}{ZaloWebhook.Path}"), chat, text, Secret));

    [Fact]
    public async Task No_file_link_token_reaches_the_log()
    {
        await DeliverAsync(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");
        Zalo.RejectNext("sendPhoto", 400, "Cannot fetch photo url");
        await DeliverAsync(Admin, "/tonghop");
        var fallback = await NextAsync(Admin, m => m.Method == "sendMessage" && m.Text!.Contains("Không gửi kèm được hình"));
        await DeliverAsync(Admin, "/tonghop");
        var photo = await NextAsync(Admin, m => m.Method == "sendPhoto");

        // Zalo fetches the chart, as it does; someone tries a token never issued.
        using var chart = await Http.GetAsync(Listening + photo.PhotoUrl![PublicBase.Length..]);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        using var unknown = await Http.GetAsync($"{Listening}/files/{new string('B', 43)}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var texts = Bot.Store.Outbox.FindAll().Select(m => m.Text).ToList();
        await Bot.StopAsync();

        var tokens = texts.Append(fallback.Text!).Append(photo.PhotoUrl!)
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"/files/([A-Za-z0-9_-]+)").Select(x => x.Groups[1].Value))
            .Append(new string('B', 43)).Distinct().ToList();
        Assert.True(tokens.Count >= 2);
        var log = Bot.Logs.Lines;
        Assert.Contains(log, l => l.Contains("/files/" + LogRedaction.Hidden)); // the request lines are there, redacted
        foreach (var token in tokens) Assert.DoesNotContain(log, l => l.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET http://x/files/abcDEF123_-xyz HTTP/1.1", "GET http://x/files/*** HTTP/1.1")]
    [InlineData("POST https://api.telegram.org/bot123456:AAH-abc_def/getUpdates", "POST https://api.telegram.org/bot***/getUpdates")]
    [InlineData("https://bot-api.zaloplatforms.com/botzalo-test-token-0123456789/sendMessage", "https://bot-api.zaloplatforms.com/bot***/sendMessage")]
    [InlineData("Gõ /baocao để gửi", "Gõ /baocao để gửi")]
    public void Redaction_hides_tokens_in_paths(string line, string expected) => Assert.Equal(expected, LogRedaction.Redact(line));
}
