using System.Net;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>The real host in webhook mode: Zalo posts to /zalo/webhook, and fetches charts from /files/{token}.</summary>
public sealed class ZaloWebhookModeTests : ZaloBotTestBase
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

    private Uri Endpoint => new($"{Listening}{ZaloWebhook.Path}");

    private async Task DeliverAsync(string chat, string text)
    {
        Assert.Equal(HttpStatusCode.OK, await Zalo.DeliverWebhookAsync(Endpoint, chat, text, Secret));
    }

    /// <summary>The local address of a link the bot gave Zalo (a reverse proxy maps the public one here).</summary>
    private string Local(string publicUrl)
    {
        Assert.StartsWith(PublicBase + PublicFiles.PathPrefix, publicUrl);
        return Listening + publicUrl[PublicBase.Length..];
    }

    [Fact]
    public void The_start_sets_the_webhook_with_the_secret()
    {
        Assert.Equal(PublicBase + ZaloWebhook.Path, Zalo.WebhookUrl);
        Assert.Equal(Secret, Zalo.WebhookSecret);
        Assert.DoesNotContain("getUpdates", Zalo.Calls);
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_gets_401_and_changes_nothing()
    {
        var received = Bot.Store.Received.Count();
        var queued = Bot.Store.Outbox.Count();

        Assert.Equal(HttpStatusCode.Unauthorized, await Zalo.DeliverWebhookAsync(Endpoint, Admin, "/moi TV-TH", "wrong-secret-000"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Zalo.DeliverWebhookAsync(Endpoint, Admin, "/moi TV-TH", null));

        Assert.Equal(received, Bot.Store.Received.Count());
        Assert.Equal(queued, Bot.Store.Outbox.Count());
        Assert.Empty(Bot.Store.Invites.FindAll());
        Assert.Contains(Bot.Logs.Lines, l => l.Contains("without the right secret"));
    }

    [Fact]
    public async Task A_delivery_is_answered_200_only_once_its_effects_are_stored()
    {
        var status = await Zalo.DeliverWebhookAsync(Endpoint, Admin, "/moi TV-TH", Secret, messageId: "m-1");

        // No wait: by the time Zalo hears 200 the invite and the reply are in the store.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(Bot.Store.Received.FindById($"zalo:msg:{Admin}:m-1"));
        Assert.Single(Bot.Store.Invites.FindAll());
        Assert.Contains(Bot.Store.Outbox.FindAll(), m => m.ChatId == Admin && m.Text.Contains("Mã mời"));

        // Another person's message that happens to carry the same id is a message of its own.
        Assert.Equal(HttpStatusCode.OK, await Zalo.DeliverWebhookAsync(Endpoint, Reporter, "/trogiup", Secret, messageId: "m-1"));
        Assert.NotNull(Bot.Store.Received.FindById($"zalo:msg:{Reporter}:m-1"));

        // Zalo retries the same message: nothing changes.
        Assert.Equal(HttpStatusCode.OK, await Zalo.DeliverWebhookAsync(Endpoint, Admin, "/moi TV-TH", Secret, messageId: "m-1"));
        Assert.Single(Bot.Store.Invites.FindAll());
    }

    [Fact]
    public async Task An_officials_digest_is_split_under_2000_characters_and_its_chart_is_served_by_a_link()
    {
        // A commune with many cultural houses: the digest's list of units outgrows one Zalo message.
        Bot.Store.Write(() =>
        {
            for (var i = 1; i <= 40; i++)
                Bot.Store.Units.Insert(new UnitRecord { Id = $"NVH-X{i}", Name = $"Nhà văn hóa khu dân cư Đông Xuân số {i}", Kind = "nha-van-hoa" });
        });
        await DeliverAsync(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");
        await DeliverAsync(Admin, "/tonghop");

        var photo = await NextAsync(Admin, m => m.Method == "sendPhoto");
        Assert.Contains("Biểu đồ", photo.Caption);
        var texts = Zalo.Sent.Where(m => m.ChatId == Admin && m.Method == "sendMessage").ToList();
        Assert.All(texts, m => Assert.True(m.Text!.Length <= 2000, $"{m.Text!.Length} characters"));
        var digest = texts.Where(m => System.Text.RegularExpressions.Regex.IsMatch(m.Text!, @"\(\d/\d\)$")).ToList();
        Assert.True(digest.Count >= 2, string.Join(" | ", texts.Select(t => t.Text!.Length)));
        Assert.EndsWith($"(1/{digest.Count})", digest[0].Text);
        Assert.EndsWith($"({digest.Count}/{digest.Count})", digest[^1].Text);

        using var chart = await Http.GetAsync(Local(photo.PhotoUrl!));
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        var bytes = await chart.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

        // A token never issued, and one whose time is up, open nothing.
        using var unknown = await Http.GetAsync($"{Listening}/files/{new string('A', 43)}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var fileId = Bot.Store.FileLinks.FindAll().First().FileId;
        var shortLived = Bot.Get<PublicFiles>().Publish(fileId, TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        using var expired = await Http.GetAsync($"{Listening}/files/{shortLived}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);

        // The store keeps only the hash of a token.
        var token = photo.PhotoUrl![(PublicBase + PublicFiles.PathPrefix).Length..];
        Assert.True(token.Length >= 22);
        Assert.DoesNotContain(Bot.Store.FileLinks.FindAll(), l => l.Id == token);
    }

    [Fact]
    public async Task A_chart_Zalo_refuses_arrives_as_text_with_its_link_and_the_official_stays_reachable()
    {
        await DeliverAsync(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");
        Zalo.RejectNext("sendPhoto", 400, "Cannot fetch photo url");
        await DeliverAsync(Admin, "/tonghop");

        var fallback = await NextAsync(Admin, m => m.Method == "sendMessage" && m.Text!.Contains("Không gửi kèm được hình"));
        Assert.Contains(PublicBase + PublicFiles.PathPrefix, fallback.Text);
        Assert.Null(Bot.Store.Accounts.FindById($"zalo:{Admin}")!.UnreachableReason);
    }

    [Fact]
    public async Task An_officials_xuat_on_Zalo_brings_the_report_files_as_download_links()
    {
        await DeliverAsync(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");
        await DeliverAsync(Admin, "/xuat 2026");

        var xlsx = await NextContainingAsync(Admin, ".xlsx»");
        var url = xlsx.Text!.Split(["\n", " "], StringSplitOptions.None).First(w => w.StartsWith(PublicBase));
        using var file = await Http.GetAsync(Local(url));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_export_in_the_outbox_arrives_on_Zalo_as_a_download_link()
    {
        await DeliverAsync(Admin, "/trogiup");
        await NextAsync(Admin);
        var store = Bot.Store;
        var content = "PK fake xlsx"u8.ToArray();
        store.Write(() =>
        {
            store.Files.Upload("$/exports/bao-cao-2026", "bao-cao-2026.xlsx", new MemoryStream(content));
            Bot.Get<Messenger>().Enqueue(new OutboxMessage
            {
                Channel = "zalo", ChatId = Admin, Text = "Báo cáo năm 2026", DocumentFileId = "$/exports/bao-cao-2026",
            });
        });

        var message = await NextContainingAsync(Admin, "Tải tệp «bao-cao-2026.xlsx»");
        var url = message.Text!.Split(["\n", " "], StringSplitOptions.None).First(w => w.StartsWith(PublicBase));
        using var file = await Http.GetAsync(Local(url));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(content, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("bao-cao-2026.xlsx", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
    }
}
