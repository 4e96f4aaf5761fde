using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>One host on both fake platforms: one person, one member, one conversation on Zalo and Telegram.</summary>
public sealed class ZaloAndTelegramTests : ZaloBotTestBase
{
    private const long TelegramChat = 7001;

    private FakeTelegramServer Telegram { get; set; } = null!;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Telegram:BotToken"] = FakeTelegramServer.DefaultToken;
        settings["Telegram:ApiBaseUrl"] = Telegram.BaseUrl;
        settings["Telegram:PollTimeoutSeconds"] = "5";
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

    private Task<SentMessage> OnTelegramAsync(string text) =>
        Telegram.WaitForMessageAsync(TelegramChat, m => m.Body?.Contains(text) == true, Wait);

    [Fact]
    public async Task A_unit_starts_its_report_on_Zalo_links_Telegram_and_goes_on_there()
    {
        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        Say(Admin, "/moky 2026");
        var first = await NextContainingAsync(Reporter, "Câu 1/");
        Assert.Contains("1. Có  2. Không", first.Text);
        Say(Reporter, "1");
        var second = await NextContainingAsync(Reporter, "Câu 2/");

        Say(Reporter, "/lienket");
        var codeMessage = await NextContainingAsync(Reporter, "Mã liên kết");
        var code = InviteCode().Match(codeMessage.Text!).Value;
        Assert.Contains($"https://t.me/{FakeTelegramServer.BotUsername}?start=", codeMessage.Text);

        Telegram.EnqueueMessage(TelegramChat, $"/lienket {code}", "Hạnh");
        var linked = await OnTelegramAsync("Đã liên kết");
        Assert.Contains("đang trả lời dở", linked.Body);
        await NextContainingAsync(Reporter, "🔗 Một tài khoản Telegram");

        // The question asked on Zalo is answered on Telegram; the next one comes there.
        Assert.Contains("1. Có  2. Không", second.Text);
        Telegram.EnqueueMessage(TelegramChat, "2", "Hạnh");
        await OnTelegramAsync("Câu 3/");

        var store = Bot.Store;
        var zalo = store.Accounts.FindById($"zalo:{Reporter}")!;
        var telegram = store.Accounts.FindById($"telegram:{TelegramChat}")!;
        Assert.Equal(zalo.MemberId, telegram.MemberId);
        Assert.Single(store.Members.Find(m => m.Role == Role.Reporter));
        var conversation = store.Conversations.FindById(zalo.MemberId);
        Assert.Equal(2, conversation.Draft.Count);
        Assert.Equal(true, conversation.Draft[conversation.Questions[0]].YesNo);
        Assert.Equal(false, conversation.Draft[conversation.Questions[1]].YesNo);

        // The code is single-use.
        Telegram.EnqueueMessage(7002, $"/start {code}", "Người khác");
        await Telegram.WaitForMessageAsync(7002, m => m.Body?.Contains("Mã liên kết này đã được dùng") == true && m.Body.Contains("/lienket"), Wait);
        Assert.Null(store.Accounts.FindById("telegram:7002"));

        // Reminders go to the channel used last, or to both when asked.
        store.Write(() => Bot.Get<Messenger>().ToMember(zalo.MemberId, "Nhắc thử một kênh", OutboxKinds.Reminder));
        await OnTelegramAsync("Nhắc thử một kênh");
        Telegram.EnqueueMessage(TelegramChat, "/lienket ca-hai", "Hạnh");
        await OnTelegramAsync("mọi kênh đã liên kết (2 tài khoản)");
        store.Write(() => Bot.Get<Messenger>().ToMember(zalo.MemberId, "Nhắc thử hai kênh", OutboxKinds.Reminder));
        await OnTelegramAsync("Nhắc thử hai kênh");
        await NextContainingAsync(Reporter, "Nhắc thử hai kênh");
        Assert.DoesNotContain(Zalo.Sent, m => m.Text == "Nhắc thử một kênh");

        // A digest is offered again every minute under its key; the person moving to the other channel in
        // between must not bring a second copy to the first one.
        store.Write(() => Bot.Get<Messenger>().ToMember(zalo.MemberId, "Tổng hợp thử", OutboxKinds.Digest, "digest:thu"));
        Say(Reporter, "/trogiup");
        await NextContainingAsync(Reporter, "/baocao");
        store.Write(() => Bot.Get<Messenger>().ToMember(zalo.MemberId, "Tổng hợp thử", OutboxKinds.Digest, "digest:thu"));
        Assert.Equal(2, store.Outbox.Count(m => m.Text == "Tổng hợp thử"));
    }

    [Fact]
    public async Task A_resident_who_asked_for_both_channels_gets_an_announcement_on_each()
    {
        const string Resident = "zalo-resident-9";
        Say(Resident, "/start", "Bà Tư");
        await NextContainingAsync(Resident, "đồng ý");
        Say(Resident, "Đồng ý", "Bà Tư");
        await NextContainingAsync(Resident, "Cảm ơn anh/chị đã đăng ký");
        Say(Resident, "/lienket", "Bà Tư");
        var code = InviteCode().Match((await NextContainingAsync(Resident, "Mã liên kết")).Text!).Value;
        Telegram.EnqueueMessage(TelegramChat, $"/lienket {code}", "Tư");
        await OnTelegramAsync("Đã liên kết");

        // Last seen on Telegram: without ca-hai, Zalo would get nothing.
        Telegram.EnqueueMessage(TelegramChat, "/lienket ca-hai", "Tư");
        await OnTelegramAsync("mọi kênh đã liên kết (2 tài khoản)");

        Say(Admin, "/thongbao");
        await NextContainingAsync(Admin, "Gửi nội dung thông báo");
        Say(Admin, "Ngày hội đọc sách thiếu nhi 5/12 tại Nhà văn hóa Thôn 1.");
        await NextContainingAsync(Admin, "Gửi cho ai?");
        Say(Admin, "1");
        await NextContainingAsync(Admin, "Xem trước");
        Say(Admin, "OK");

        await OnTelegramAsync("📢 Ngày hội đọc sách thiếu nhi");
        await NextContainingAsync(Resident, "📢 Ngày hội đọc sách thiếu nhi");
        await NextContainingAsync(Admin, "Kết quả gửi thông báo: 2 đã gửi");
    }

    [Fact]
    public async Task A_link_code_from_a_stranger_is_refused_and_a_reporter_account_is_not_taken_over()
    {
        Telegram.EnqueueMessage(TelegramChat, "/lienket", "Lạ");
        await OnTelegramAsync("chưa đăng ký");
        Assert.Empty(Bot.Store.Invites.FindAll());

        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        Say(Admin, "/lienket");
        var code = InviteCode().Match((await NextContainingAsync(Admin, "Mã liên kết")).Text!).Value;
        Say(Reporter, $"/lienket {code}");
        await NextContainingAsync(Reporter, "không liên kết được");
        Assert.NotEqual(Bot.Store.Accounts.FindById($"zalo:{Admin}")!.MemberId, Bot.Store.Accounts.FindById($"zalo:{Reporter}")!.MemberId);
    }
}
