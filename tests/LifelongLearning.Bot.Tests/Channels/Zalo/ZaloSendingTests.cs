using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Zalo;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>The real host polling the fake Zalo: residents, duplicates, non-text, refusals, long texts, the token.</summary>
public sealed class ZaloSendingTests : ZaloBotTestBase
{
    private const string Resident = "zalo-resident-9";

    [Fact]
    public async Task A_resident_subscribes_and_receives_an_announcement()
    {
        Say(Resident, "/start", "Bà Tư");
        var welcome = await NextContainingAsync(Resident, "đồng ý");
        Assert.DoesNotContain("Đồng ý nhận thông báo", welcome.Text); // a button label Zalo cannot show
        Say(Resident, "Đồng ý", "Bà Tư");
        await NextContainingAsync(Resident, "Cảm ơn anh/chị đã đăng ký");

        Say(Admin, "/thongbao");
        await NextContainingAsync(Admin, "Gửi nội dung thông báo");
        Say(Admin, "Ngày Sách và Văn hóa đọc Việt Nam 21/4 tại Nhà văn hóa xã, 8 giờ sáng.");
        var whom = await NextContainingAsync(Admin, "Gửi cho ai?");
        Assert.Contains("1. Cả xã  2. ", whom.Text);
        Say(Admin, "1");
        await NextContainingAsync(Admin, "Gửi tới 1 người");
        Say(Admin, "OK");

        var announcement = await NextContainingAsync(Resident, "📢 Ngày Sách và Văn hóa đọc Việt Nam 21/4");
        Assert.Contains("/ngung", announcement.Text);
        await NextContainingAsync(Admin, "Kết quả gửi thông báo: 1 đã gửi");
    }

    [Fact]
    public async Task A_message_Zalo_hands_over_twice_changes_nothing_the_second_time()
    {
        var id = Say(Admin, "/moi TV-TH");
        await NextContainingAsync(Admin, "Mã mời");
        Zalo.RepeatLast();
        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "Các lệnh của bot");

        Assert.NotNull(Bot.Store.Received.FindById($"zalo:msg:{Admin}:{id}"));
        Assert.Single(Bot.Store.Invites.FindAll());
        Assert.Single(Zalo.Sent, m => m.ChatId == Admin && m.Text!.Contains("Mã mời"));
        Assert.Contains(Bot.Logs.Lines, l => l.Contains($"zalo:msg:{Admin}:{id} was handled before"));
    }

    [Theory]
    [InlineData("message.sticker.received")]
    [InlineData("message.image.received")]
    [InlineData("message.voice.received")]
    [InlineData("message.unsupported.received")]
    public async Task A_sticker_picture_voice_or_hidden_message_gets_a_polite_request_for_text_and_nothing_else(string eventName)
    {
        var id = Zalo.EnqueueEvent(Resident, eventName, "Anh Ba");
        var reply = await NextAsync(Resident);
        Assert.Equal(ZaloInbox.TextPlease, reply.Text);
        Zalo.EnqueueDuplicate(id);
        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "Các lệnh của bot");

        Assert.Single(Zalo.Sent, m => m.ChatId == Resident);
        Assert.Null(Bot.Store.Accounts.FindById($"zalo:{Resident}"));
        Assert.Empty(Bot.Store.Members.Find(m => m.Role == Role.Resident));
    }

    [Fact]
    public async Task A_refused_send_marks_the_account_unreachable_and_the_officials_hear_of_it()
    {
        await RegisterAsync(Reporter, "TV-TH", "Cô Hạnh");
        Zalo.RefuseChat(Reporter, "User has blocked the bot");
        Say(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");

        var alert = await NextContainingAsync(Admin, "Không gửi được tin cho Cô Hạnh");
        Assert.Contains("Zalo", alert.Text);
        Assert.Contains("người này đã chặn bot", alert.Text);
        Assert.Contains("User has blocked the bot", alert.Text); // Zalo's own words, all there is to go on
        var account = Bot.Store.Accounts.FindById($"zalo:{Reporter}")!;
        Assert.Contains("User has blocked the bot", account.UnreachableReason);
        Assert.Contains(Bot.Store.Outbox.FindAll(), m => m.ChatId == Reporter && m.Status == OutboxStatus.Unreachable);
    }

    [Fact]
    public async Task A_long_text_goes_out_in_numbered_parts_and_a_failed_part_is_retried_alone()
    {
        var lines = Enumerable.Range(1, 120).Select(i => $"Dòng {i}: Thư viện Trường Tiểu học — 1.250 lượt bạn đọc, tăng 12,5% so với cùng kỳ.");
        var text = string.Join("\n", lines);
        Assert.True(text.Length > 4000);
        Zalo.FailNextContaining("sendMessage", "(2/", httpStatus: 503);
        var store = Bot.Store;
        store.Write(() => Bot.Get<Messenger>().To("zalo", Admin, text));

        var parts = new List<SentZaloMessage> { await NextContainingAsync(Admin, "Dòng") };
        var n = int.Parse(System.Text.RegularExpressions.Regex.Match(parts[0].Text!, @"\(1/(\d+)\)$").Groups[1].Value);
        Assert.True(n >= 3, $"{n} parts");
        while (parts.Count < n) parts.Add(await NextContainingAsync(Admin, "Dòng"));
        Assert.All(parts, p => Assert.True(p.Text!.Length <= 2000));
        for (var i = 0; i < n; i++) Assert.EndsWith($"({i + 1}/{n})", parts[i].Text);
        // Part 2 failed once and was sent again; part 1 was not.
        Assert.Single(Zalo.Sent, m => m.Text!.EndsWith($"(1/{n})"));
        Assert.Single(Zalo.Sent, m => m.Text!.EndsWith($"(2/{n})"));
        var calls = Zalo.Calls.Count(c => c == "sendMessage");
        Assert.Equal(n + 1, calls);
        // Together the parts hold the whole text, every line whole.
        var joined = string.Join("\n", parts.Select(p => p.Text![..p.Text!.LastIndexOf('\n')]));
        Assert.Equal(text, joined);
        // The fake answers before the outbox marks the row sent: wait for the last mark.
        await WaitUntilAsync(() => store.Outbox.Count(m => m.ChatId == Admin && m.Status == OutboxStatus.Sent && m.Text.Contains("Dòng")) == n);
    }

    [Fact]
    public async Task A_long_question_keeps_its_numbered_choices_on_its_last_part_within_2000_characters()
    {
        var text = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"Mục {i}: thư viện có phục vụ học tập suốt đời, có ứng dụng công nghệ thông tin."));
        var reply = new Reply(text, [new("Có", "có"), new("Không", "không"), new("Bỏ qua", "bỏ qua")], Numbered: true);
        Bot.Store.Write(() => Bot.Get<Messenger>().To("zalo", Admin, reply, dedupKey: "question-1"));
        Bot.Store.Write(() => Bot.Get<Messenger>().To("zalo", Admin, reply, dedupKey: "question-1"));

        var first = await NextContainingAsync(Admin, "Mục 1:");
        var last = await NextContainingAsync(Admin, "Mục 40:");
        Assert.DoesNotContain("1. Có", first.Text);
        Assert.EndsWith("(2/2)\n1. Có  2. Không  3. Bỏ qua", last.Text);
        Assert.True(last.Text!.Length <= 2000);
        // Queued once: the dedup key of the first part stands for the whole text.
        Assert.Equal(2, Bot.Store.Outbox.Count(m => m.ChatId == Admin));
    }

    [Fact]
    public async Task The_token_is_in_no_log_line()
    {
        Zalo.FailNext("getUpdates", 502);
        Zalo.RejectNext("sendMessage", 400, $"Bad request for /bot{FakeZaloServer.DefaultToken}/sendMessage");
        Say(Admin, "/trogiup");
        await WaitUntilAsync(() => Bot.Store.Outbox.Exists(m => m.ChatId == Admin && m.Status != OutboxStatus.Pending));
        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "Các lệnh");
        var outbox = Bot.Store.Outbox.FindAll().ToList();
        await Bot.StopAsync();

        Assert.NotEmpty(Bot.Logs.Lines);
        Assert.Contains(Bot.Logs.Lines, l => l.Contains("getUpdates failed"));
        Assert.DoesNotContain(Bot.Logs.Lines, l => l.Contains(FakeZaloServer.DefaultToken));
        Assert.DoesNotContain(outbox, m => (m.Error ?? "").Contains(FakeZaloServer.DefaultToken));
    }
}
