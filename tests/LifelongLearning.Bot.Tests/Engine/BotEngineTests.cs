using System.Text.RegularExpressions;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

public sealed class BotEngineTests : IDisposable
{
    private const string Channel = "test";
    private const string AdminChat = "admin";
    private readonly string _folder = Directory.CreateTempSubdirectory("botengine-tests-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 16, 2, 0, 0, TimeSpan.Zero));
    private int _key;

    private string DbPath => Path.Combine(_folder, "bot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<IHost> StartHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DbPath,
            ["Bot:PlanPath"] = Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json"),
            ["Bot:AdminChatIds:0"] = $"{Channel}:{AdminChat}",
        });
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.AddBotCore();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task StopHost(IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }

    private IncomingMessage From(string chat, string text, string name = "Người dùng") =>
        new(Channel, chat, name, text, $"{Channel}:msg:{Interlocked.Increment(ref _key)}");

    private static List<OutboxMessage> RepliesTo(IHost host, string chat) =>
        [.. host.Services.GetRequiredService<BotStore>().Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Id)];

    private static string Said(IHost host, string chat, Func<BotEngine, bool>? act = null)
    {
        var before = RepliesTo(host, chat).Count;
        act?.Invoke(host.Services.GetRequiredService<BotEngine>());
        return string.Join("\n", RepliesTo(host, chat).Skip(before).Select(m => m.Text));
    }

    /// <summary>The admin invites a reporter for the unit, who joins from a new chat; the round of 2026 opens.</summary>
    private void SeedReporter(IHost host, string unit, string chat, string name)
    {
        var invite = Said(host, AdminChat, e => e.Handle(From(AdminChat, $"/moi {unit}", "Chị Hoa (VHTT)")));
        var code = Regex.Match(invite, @"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b").Value;
        Assert.False(string.IsNullOrEmpty(code), invite);
        var welcome = Said(host, chat, e => e.Handle(From(chat, $"/start {code}", name)));
        Assert.Contains("đã được đăng ký báo cáo cho", welcome);
        Assert.Contains("Đã mở kỳ Năm 2026", Said(host, AdminChat, e => e.Handle(From(AdminChat, "/moky 2026", "Chị Hoa (VHTT)"))));
    }

    [Fact]
    public async Task A_reporters_conversation_survives_a_restart()
    {
        var host = await StartHost();
        SeedReporter(host, "TV-TH", "r1", "Cô Lan");
        var first = RepliesTo(host, "r1").Last().Text;
        Assert.StartsWith("Câu 1/", first);
        Assert.Contains("Thư viện có cung cấp dịch vụ", first);

        Assert.StartsWith("Câu 2/", Said(host, "r1", e => e.Handle(From("r1", "có", "Cô Lan"))));
        Assert.StartsWith("Câu 3/", Said(host, "r1", e => e.Handle(From("r1", "không", "Cô Lan"))));
        await StopHost(host);

        var again = await StartHost();
        try
        {
            var resumed = Said(again, "r1", e => e.Handle(From("r1", "/baocao", "Cô Lan")));
            Assert.Contains("Tiếp tục báo cáo Năm 2026", resumed);
            Assert.Contains("Câu 3/", resumed);
            Assert.Contains("Trong kỳ, thư viện phục vụ bao nhiêu lượt người", resumed);

            var next = Said(again, "r1", e => e.Handle(From("r1", "1.250", "Cô Lan")));
            Assert.DoesNotContain("Câu 3/", next);
            var store = again.Services.GetRequiredService<BotStore>();
            var member = store.Accounts.FindById($"{Channel}:r1").MemberId;
            var draft = store.Conversations.FindById(member).Draft;
            Assert.Equal(true, draft["TV-HTSD"].YesNo);
            Assert.Equal(false, draft["TV-CDS"].YesNo);
            Assert.Equal(1250, draft["TV-LUOT"].Number);
        }
        finally
        {
            await StopHost(again);
        }
    }

    [Fact]
    public async Task The_next_plain_message_after_a_restart_answers_question_3()
    {
        var host = await StartHost();
        SeedReporter(host, "TV-TH", "r1", "Cô Lan");
        host.Services.GetRequiredService<BotEngine>().Handle(From("r1", "có", "Cô Lan"));
        host.Services.GetRequiredService<BotEngine>().Handle(From("r1", "có", "Cô Lan"));
        await StopHost(host);

        var again = await StartHost();
        try
        {
            var wrong = Said(again, "r1", e => e.Handle(From("r1", "abc", "Cô Lan")));
            Assert.Contains("Vui lòng nhập một số nguyên không âm, ví dụ 1.250.", wrong);
            Assert.Contains("Câu 3/", wrong); // still question 3, a count
        }
        finally
        {
            await StopHost(again);
        }
    }

    [Fact]
    public async Task The_same_message_delivered_twice_changes_nothing_the_second_time()
    {
        var host = await StartHost();
        try
        {
            SeedReporter(host, "TV-TH", "r1", "Cô Lan");
            var engine = host.Services.GetRequiredService<BotEngine>();
            var store = host.Services.GetRequiredService<BotStore>();
            var message = From("r1", "có", "Cô Lan");

            Assert.True(engine.Handle(message));
            var outbox = store.Outbox.Count();
            var member = store.Accounts.FindById($"{Channel}:r1").MemberId;
            var index = store.Conversations.FindById(member).Index;

            Assert.False(engine.Handle(message));
            Assert.Equal(outbox, store.Outbox.Count());
            Assert.Equal(index, store.Conversations.FindById(member).Index);
        }
        finally
        {
            await StopHost(host);
        }
    }

    [Fact]
    public async Task A_resident_cannot_report()
    {
        var host = await StartHost();
        try
        {
            SeedReporter(host, "TV-TH", "r1", "Cô Lan");
            var engine = host.Services.GetRequiredService<BotEngine>();
            engine.Handle(From("res", "đồng ý", "Bác Tư"));
            var refused = Said(host, "res", e => e.Handle(From("res", "/baocao", "Bác Tư")));
            Assert.Contains("Lệnh /baocao chỉ dành cho người báo cáo của đơn vị", refused);
            Assert.DoesNotContain("Câu 1/", refused);
            var store = host.Services.GetRequiredService<BotStore>();
            Assert.Equal(Role.Resident, store.Members.FindById(store.Accounts.FindById($"{Channel}:res").MemberId).Role);

            // The one-message form from a resident is not taken either.
            Said(host, "res", e => e.Handle(From("res", "TV-LUOT 1.250; TV-HTSD có", "Bác Tư")));
            Assert.Equal(0, store.Answers.Count());
        }
        finally
        {
            await StopHost(host);
        }
    }

    [Fact]
    public async Task A_reporter_reports_only_for_their_own_unit()
    {
        var host = await StartHost();
        try
        {
            SeedReporter(host, "TV-TH", "r1", "Cô Lan");
            var engine = host.Services.GetRequiredService<BotEngine>();
            var store = host.Services.GetRequiredService<BotStore>();

            // Naming another unit changes nothing: /baocao has no unit to pick.
            var reply = Said(host, "r1", e => e.Handle(From("r1", "/baocao TV-MN", "Cô Lan")));
            Assert.DoesNotContain("Mầm non", reply);

            engine.Handle(From("r1", "có", "Cô Lan"));
            for (var i = 0; i < 30 && !RepliesTo(host, "r1").Last().Text.Contains("Gõ OK để gửi"); i++)
                engine.Handle(From("r1", "bỏ qua", "Cô Lan"));
            var thanks = Said(host, "r1", e => e.Handle(From("r1", "OK", "Cô Lan")));
            Assert.Contains("Đã nhận báo cáo Năm 2026", thanks);

            var answers = store.Answers.FindAll().ToList();
            Assert.NotEmpty(answers);
            Assert.All(answers, a => Assert.Equal("TV-TH", a.UnitId));
            Assert.Equal(true, store.Answers.FindById(Answer.IdOf("2026", "TV-TH", "TV-HTSD")).Value.YesNo);
            Assert.Empty(store.Answers.Find(a => a.UnitId == "TV-MN"));
        }
        finally
        {
            await StopHost(host);
        }
    }
    [Fact]
    public async Task A_reporter_who_joins_while_a_round_is_open_is_asked_at_once_and_can_answer()
    {
        var host = await StartHost();
        try
        {
            var engine = host.Services.GetRequiredService<BotEngine>();
            engine.Handle(From(AdminChat, "/moky 2026"));
            var invite = Said(host, AdminChat, e => e.Handle(From(AdminChat, "/moi TV-MN")));
            var code = Regex.Match(invite, @"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b").Value;

            var joined = Said(host, "r2", e => e.Handle(From("r2", code, "Cô Mai")));
            Assert.Contains("đã được đăng ký báo cáo cho", joined);
            Assert.Contains("Câu 1/", joined);
            Assert.StartsWith("Câu 2/", Said(host, "r2", e => e.Handle(From("r2", "có", "Cô Mai"))));
        }
        finally
        {
            await StopHost(host);
        }
    }

    [Fact]
    public async Task A_stranger_can_subscribe_to_announcements()
    {
        var host = await StartHost();
        try
        {
            var thanks = Said(host, "res", e => e.Handle(From("res", "đồng ý", "Bác Tư")));
            Assert.Contains("Cảm ơn anh/chị đã đăng ký", thanks);
        }
        finally
        {
            await StopHost(host);
        }
    }
}
