using System.Text.RegularExpressions;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Faults;

/// <summary>
/// The engine on a temporary store with an official (the admin), a reporter of TV-TH inside the open 2026
/// round and a subscribed resident, all on one test channel. <see cref="Say"/> returns the replies a message
/// queued; <see cref="Apology"/> is what the engine says when handling threw.
/// </summary>
public sealed class FaultBot : IAsyncDisposable
{
    public const string Channel = "test";
    public const string Admin = "admin";
    public const string Reporter = "reporter";
    public const string Resident = "resident";
    public const string Apology = "Xin lỗi, bot gặp lỗi";

    private readonly EngineHost _host;
    private int _key;

    private FaultBot(EngineHost host) => _host = host;

    public BotStore Store => _host.Store;

    public static async Task<FaultBot> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 16, 2, 0, 0, TimeSpan.Zero));
        var host = await EngineHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:PlanPath"] = Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json"),
            ["Bot:AdminChatIds:0"] = $"{Channel}:{Admin}",
        }, s => s.AddSingleton<TimeProvider>(clock));
        var bot = new FaultBot(host);
        var invite = bot.Text(Admin, "/moi TV-TH");
        var code = Regex.Match(invite, @"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b").Value;
        Assert.Contains("đã được đăng ký báo cáo cho", bot.Text(Reporter, $"/start {code}"));
        Assert.Contains("Đã mở kỳ Năm 2026", bot.Text(Admin, "/moky 2026"));
        bot.Say(Resident, "/start");
        Assert.Contains("Cảm ơn", bot.Text(Resident, "/dangky"));
        return bot;
    }

    public List<OutboxMessage> Say(string chat, string text, string name = "Người dùng")
    {
        var before = Store.Outbox.Count(m => m.ChatId == chat);
        _host.Engine.Handle(new IncomingMessage(Channel, chat, name, text, $"{Channel}:msg:{++_key}"));
        return [.. Store.Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Id).Skip(before)];
    }

    public string Text(string chat, string text) => string.Join("\n", Say(chat, text).Select(m => m.Text));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
