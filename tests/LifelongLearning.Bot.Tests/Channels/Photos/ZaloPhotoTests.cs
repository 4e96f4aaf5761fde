using System.Net;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Channels.Telegram;
using LifelongLearning.Bot.Tests.Channels.Zalo;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Photos;

/// <summary>
/// One host on both fake platforms, Zalo in webhook mode: an official's photo sent on Zalo is copied into the
/// store and reaches residents on Telegram (uploaded) and on Zalo (by the bot's own /files/ link).
/// </summary>
public sealed class ZaloPhotoTests : ZaloBotTestBase
{
    private const string Secret = "zalo-webhook-secret-42";
    private const string PublicBase = "https://bot.example.test";
    private const string ZaloResident = "zalo-resident-7";
    private const long TelegramResident = 7301;
    private const long TelegramAdmin = 7300;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    // Not a real JPEG; nothing in the bot looks inside.
    private static readonly byte[] Poster = [0xFF, 0xD8, 0xFF, 0xE0, .. "áp phích ngày hội đọc sách"u8.ToArray(), 0xFF, 0xD9];

    private FakeTelegramServer Telegram { get; set; } = null!;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Zalo:PublicBaseUrl"] = PublicBase;
        settings["Zalo:WebhookSecret"] = Secret;
        settings["Zalo:WebhookListenUrl"] = "http://127.0.0.1:0";
        settings["Telegram:BotToken"] = FakeTelegramServer.DefaultToken;
        settings["Telegram:ApiBaseUrl"] = Telegram.BaseUrl;
        settings["Telegram:PollTimeoutSeconds"] = "5";
        settings["Bot:AdminChatIds:1"] = $"telegram:{TelegramAdmin}";
        return settings;
    }

    public override async Task InitializeAsync()
    {
        Telegram = await FakeTelegramServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Telegram.DisposeAsync();
    }

    private Uri Endpoint => new($"{Bot.Get<ZaloWebhook>().ListeningUrl}{ZaloWebhook.Path}");

    private async Task DeliverAsync(string chat, string text) =>
        Assert.Equal(HttpStatusCode.OK, await Zalo.DeliverWebhookAsync(Endpoint, chat, text, Secret));

    private async Task DeliverPhotoAsync(string chat, string url, string? caption) =>
        Assert.Equal(HttpStatusCode.OK, await Zalo.DeliverPhotoWebhookAsync(Endpoint, chat, url, caption, Secret));

    private async Task SubscribeBothAsync()
    {
        await DeliverAsync(ZaloResident, "/start");
        await NextContainingAsync(ZaloResident, "đồng ý");
        await DeliverAsync(ZaloResident, "Đồng ý");
        await NextContainingAsync(ZaloResident, "Cảm ơn anh/chị đã đăng ký");
        Telegram.EnqueueMessage(TelegramResident, "/start", "Nga");
        Telegram.EnqueueMessage(TelegramResident, "đồng ý", "Nga");
        await Telegram.WaitForMessageAsync(TelegramResident, m => m.Body?.Contains("Cảm ơn anh/chị đã đăng ký") == true, Wait);
    }

    [Fact]
    public async Task An_officials_photo_on_Zalo_reaches_residents_on_Telegram_and_on_Zalo()
    {
        await SubscribeBothAsync();
        var url = Zalo.StorePhoto(Poster);

        await DeliverAsync(Admin, "/thongbao");
        await NextContainingAsync(Admin, "kèm một ảnh");
        await DeliverPhotoAsync(Admin, url, "Ngày hội đọc sách 21/4 tại thư viện xã.");
        await NextContainingAsync(Admin, "Gửi cho ai");
        await DeliverAsync(Admin, "1");
        var preview = await NextContainingAsync(Admin, "Xem trước");
        Assert.Contains("🖼 Có ảnh kèm\n", preview.Text);
        Assert.DoesNotContain("chưa tải được", preview.Text);
        await DeliverAsync(Admin, "OK");
        await NextContainingAsync(Admin, "Kết quả gửi thông báo");

        var onTelegram = Assert.Single(Telegram.SentTo(TelegramResident), m => m.Body?.Contains("Ngày hội đọc sách 21/4") == true);
        Assert.Equal("sendPhoto", onTelegram.Method);
        Assert.Equal(Poster, onTelegram.FileBytes);

        var onZalo = Assert.Single(Zalo.Sent, m => m.ChatId == ZaloResident && m.Caption?.Contains("Ngày hội đọc sách 21/4") == true);
        Assert.Equal("sendPhoto", onZalo.Method);
        Assert.StartsWith(PublicBase + PublicFiles.PathPrefix, onZalo.PhotoUrl);
        using var served = await Http.GetAsync(Bot.Get<ZaloWebhook>().ListeningUrl + onZalo.PhotoUrl![PublicBase.Length..]);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Poster, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, Zalo.PhotoDownloads);
    }

    [Fact]
    public async Task An_officials_photo_on_Telegram_reaches_Zalo_residents_by_the_bots_own_link()
    {
        await SubscribeBothAsync();
        Telegram.StoreFile("AgACposter", Poster);
        Task<SentMessage> OnTelegramAdmin(string text) =>
            Telegram.WaitForMessageAsync(TelegramAdmin, m => m.Body?.Contains(text) == true, Wait);

        Telegram.EnqueueMessage(TelegramAdmin, "/thongbao", "Cán bộ");
        await OnTelegramAdmin("kèm một ảnh");
        Telegram.EnqueueUpdate(PhotoUpdate.From(TelegramAdmin, "AgACposter", "Thư viện xã mở cửa cả Chủ nhật."));
        await OnTelegramAdmin("Gửi cho ai");
        Telegram.EnqueueMessage(TelegramAdmin, "1", "Cán bộ");
        var preview = await OnTelegramAdmin("Xem trước");
        Assert.DoesNotContain("chưa tải được", preview.Body);
        Telegram.EnqueueMessage(TelegramAdmin, "OK", "Cán bộ");
        await OnTelegramAdmin("Kết quả gửi thông báo");

        // Telegram sends its own photo again by file_id; Zalo gets the store's copy by link.
        var onTelegram = Assert.Single(Telegram.SentTo(TelegramResident), m => m.Body?.Contains("Thư viện xã mở cửa") == true);
        Assert.Equal("AgACposter", onTelegram.FileReference);
        var onZalo = Assert.Single(Zalo.Sent, m => m.ChatId == ZaloResident && m.Caption?.Contains("Thư viện xã mở cửa") == true);
        Assert.Equal("sendPhoto", onZalo.Method);
        using var served = await Http.GetAsync(Bot.Get<ZaloWebhook>().ListeningUrl + onZalo.PhotoUrl![PublicBase.Length..]);
        Assert.Equal(Poster, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, Telegram.FileDownloads);
    }

    [Fact]
    public async Task An_events_photo_step_on_Zalo_takes_a_picture_and_keeps_a_copy_for_every_channel()
    {
        var url = Zalo.StorePhoto(Poster);
        await DeliverAsync(Admin, "/sukien");
        await NextContainingAsync(Admin, "Tên sự kiện");
        await DeliverAsync(Admin, "Ngày hội đọc sách");
        await NextContainingAsync(Admin, "2/7");
        await DeliverAsync(Admin, $"21/4/{DateTime.UtcNow.Year + 1} 8:00");
        await NextContainingAsync(Admin, "3/7");
        await DeliverAsync(Admin, "Thư viện xã");
        await NextContainingAsync(Admin, "4/7");
        await DeliverAsync(Admin, "bỏ qua");
        await NextContainingAsync(Admin, "5/7");
        await DeliverPhotoAsync(Admin, url, null);
        await NextContainingAsync(Admin, "6/7");
        await DeliverAsync(Admin, "1");
        await NextContainingAsync(Admin, "7/7");
        await DeliverAsync(Admin, "bỏ qua");
        var preview = await NextContainingAsync(Admin, "Xem trước");
        Assert.Contains("🖼 Có ảnh kèm\n", preview.Text);
        await DeliverAsync(Admin, "OK");
        await NextContainingAsync(Admin, "Đã lưu sự kiện");

        var saved = Assert.Single(Bot.Store.Events.Find(e => e.Title == "Ngày hội đọc sách"));
        Assert.Equal(ZaloUpdateMapper.PhotoPrefix + url, saved.PhotoFileId);
        Assert.NotNull(Bot.Store.Write(() => PhotoCopies.CopyOf(Bot.Store, saved.PhotoFileId)));
    }

    [Fact]
    public async Task A_photo_the_bot_cannot_fetch_goes_to_Zalo_by_its_own_address_and_the_official_is_told()
    {
        await SubscribeBothAsync();
        var gone = Zalo.BaseUrl.TrimEnd('/') + "/photos/never-stored.jpg";

        await DeliverAsync(Admin, "/thongbao");
        await NextContainingAsync(Admin, "kèm một ảnh");
        await DeliverPhotoAsync(Admin, gone, "Họp thôn tối thứ Sáu.");
        await NextContainingAsync(Admin, "Gửi cho ai");
        await DeliverAsync(Admin, "1");
        var preview = await NextContainingAsync(Admin, "Xem trước");
        Assert.Contains("bot chưa tải được ảnh này về", preview.Text);
        await DeliverAsync(Admin, "OK");
        await NextContainingAsync(Admin, "Kết quả gửi thông báo");

        var onTelegram = Assert.Single(Telegram.SentTo(TelegramResident), m => m.Body?.Contains("Họp thôn tối thứ Sáu.") == true);
        Assert.Equal("sendMessage", onTelegram.Method);
        var onZalo = Assert.Single(Zalo.Sent, m => m.ChatId == ZaloResident && m.Caption?.Contains("Họp thôn tối thứ Sáu.") == true);
        Assert.Equal(gone, onZalo.PhotoUrl);
        Assert.Contains(Bot.Logs.Lines, l => l.Contains("zalo photo could not be copied"));
    }

    [Fact]
    public async Task A_photo_outside_an_announcement_or_event_gets_the_polite_request_for_text_and_is_not_fetched()
    {
        await SubscribeBothAsync();
        var url = Zalo.StorePhoto(Poster);

        await DeliverPhotoAsync(ZaloResident, url, "Ảnh nhà văn hóa thôn em");
        var reply = await NextAsync(ZaloResident);
        Assert.Equal(ZaloInbox.TextPlease, reply.Text);
        await DeliverPhotoAsync(Admin, url, null);
        Assert.Equal(ZaloInbox.TextPlease, (await NextAsync(Admin)).Text);

        Assert.Equal(0, Zalo.PhotoDownloads);
        Assert.DoesNotContain(Bot.Store.Files.FindAll(), f => f.Id.StartsWith("$/photos/", StringComparison.Ordinal));
        Assert.Empty(Bot.Store.Outbox.Find(m => m.Kind == OutboxKinds.Broadcast));
    }
}
