using System.Text.RegularExpressions;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>The fake Bot API server plus the real bot host pointed at it, and a conversation cursor per chat.</summary>
public abstract partial class TelegramBotTestBase : IAsyncLifetime
{
    public const long Admin = 5001;
    public const long Reporter = 6001;
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Dictionary<long, long> _seen = [];

    protected FakeTelegramServer Fake { get; private set; } = null!;
    protected BotTestHost Bot { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Telegram:BotToken"] = FakeTelegramServer.DefaultToken,
        ["Telegram:ApiBaseUrl"] = Fake.BaseUrl,
        ["Telegram:PollTimeoutSeconds"] = "10",
        ["Bot:AdminChatIds:0"] = $"telegram:{Admin}",
    };

    protected virtual bool StartBot => true;

    public virtual async Task InitializeAsync()
    {
        Fake = await FakeTelegramServer.StartAsync();
        Bot = BotTestHost.Create(Settings());
        if (StartBot) await Bot.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Fake.DisposeAsync();
    }

    protected long Say(long chat, string text, string name = "Test") => Fake.EnqueueMessage(chat, text, name);

    /// <summary>The next message the chat receives after the ones already read.</summary>
    protected async Task<SentMessage> NextAsync(long chat, Func<SentMessage, bool>? match = null)
    {
        var after = _seen.GetValueOrDefault(chat);
        var message = await Fake.WaitForMessageAsync(chat, m => m.Sequence > after && (match?.Invoke(m) ?? true), Wait);
        _seen[chat] = message.Sequence;
        return message;
    }

    protected Task<SentMessage> NextContainingAsync(long chat, string text) => NextAsync(chat, m => m.Body?.Contains(text) == true);

    /// <summary>Reads on to the next message with buttons (a question, a confirmation, the summary).</summary>
    protected Task<SentMessage> NextPromptAsync(long chat) => NextAsync(chat, m => m.Buttons.Any());

    /// <summary>Admin makes an invite for the unit and a new chat opens it; returns the invite code.</summary>
    protected async Task<string> RegisterAsync(long chat, string unit, string name = "Cô Hạnh")
    {
        Say(Admin, $"/moi {unit}");
        var invite = await NextContainingAsync(Admin, $"https://t.me/{FakeTelegramServer.BotUsername}?start=");
        var code = LinkCode().Match(invite.Body!).Groups[1].Value;
        Say(chat, $"/start {code}", name);
        await NextContainingAsync(chat, "Chào");
        return code;
    }

    protected static Task WaitUntilAsync(Func<bool> condition) => Waits.UntilAsync(condition, Wait);

    [GeneratedRegex(@"\?start=(\S+)")]
    protected static partial Regex LinkCode();
}
