using System.Text.RegularExpressions;
using LifelongLearning.Bot.Tests.Fakes.Zalo;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>The fake Zalo Bot API plus the real bot host pointed at it, with helpers that walk a chat.</summary>
public abstract partial class ZaloBotTestBase : IAsyncLifetime
{
    public const string Admin = "zalo-admin-1";
    public const string Reporter = "zalo-user-2";
    // Generous: the machine running the suite may be shared and busy; a passing wait returns at once.
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    protected FakeZaloServer Zalo { get; private set; } = null!;
    protected BotTestHost Bot { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Zalo:BotToken"] = FakeZaloServer.DefaultToken,
        ["Zalo:ApiBaseUrl"] = Zalo.BaseUrl,
        ["Zalo:PollTimeoutSeconds"] = "5",
        ["Bot:AdminChatIds:0"] = $"zalo:{Admin}",
        // The bot's own steps (an update handled, new or seen before) are debug lines: kept for a wait that times out.
        ["Logging:LogLevel:LifelongLearning"] = "Debug",
    };

    protected virtual bool StartBot => true;

    public virtual async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        Bot = BotTestHost.Create(Settings());
        if (StartBot) await Bot.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Zalo.DisposeAsync();
        // Every test of the channel doubles as a check that the token, which is in every URL, was never logged.
        Assert.DoesNotContain(Bot.Logs.Lines, l => l.Contains(FakeZaloServer.DefaultToken, StringComparison.Ordinal));
    }

    protected string Say(string chat, string text, string name = "Người dùng") => Zalo.EnqueueText(chat, text, name);

    /// <summary>
    /// The next message to the chat (matching, if asked) that no earlier wait returned. A wait that times out also
    /// gives the bot's last log lines (an update accepted, a message handled, a send), so a failure seen once in many
    /// runs says where the message stopped.
    /// </summary>
    protected async Task<SentZaloMessage> NextAsync(string chat, Func<SentZaloMessage, bool>? match = null)
    {
        try
        {
            return await Zalo.WaitForMessageAsync(chat, match, Wait);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}{Environment.NewLine}The bot's last log lines:{Environment.NewLine}" +
                string.Join(Environment.NewLine, Bot.Logs.Lines.TakeLast(40)), e);
        }
    }

    protected Task<SentZaloMessage> NextContainingAsync(string chat, string text) =>
        NextAsync(chat, m => (m.Text ?? m.Caption)?.Contains(text) == true);

    /// <summary>The admin makes an invite for the unit and the chat sends the bare code; returns the code.</summary>
    protected async Task<string> RegisterAsync(string chat, string unit, string name = "Cô Hạnh")
    {
        Say(Admin, $"/moi {unit}");
        var invite = await NextContainingAsync(Admin, "Mã mời");
        var code = InviteCode().Match(invite.Text!).Value;
        Say(chat, code, name);
        await NextContainingAsync(chat, "Chào");
        return code;
    }

    protected static Task WaitUntilAsync(Func<bool> condition) => Waits.UntilAsync(condition, Wait);

    [GeneratedRegex("[A-Z0-9]{4}-[A-Z0-9]{4}")]
    protected static partial Regex InviteCode();
}
