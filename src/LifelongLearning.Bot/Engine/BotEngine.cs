using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine.Commands;
using LifelongLearning.Bot.Engine.Flows;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// The one conversation engine every channel feeds. A message's effects (answers, the conversation,
/// the replies in the outbox, the note that it was handled) are stored in one transaction, so a channel
/// may confirm the message to its platform as soon as <see cref="Handle"/> returns, and a copy that
/// arrives again changes nothing.
/// </summary>
public sealed partial class BotEngine(
    BotStore store,
    CommuneClock clock,
    Messenger messenger,
    ConversationBook conversations,
    ConversationFlows flows,
    IOptions<BotOptions> options,
    StartCommand start,
    Members members,
    ReportFlow report,
    HelpCommand help,
    CommandTable commands,
    OfficialCommands official,
    Cities.CityCommands city,
    CommuneDirectory communes,
    ILogger<BotEngine> logger)
{
    private readonly HashSet<string> _admins = [.. options.Value.AdminChatIds];

    /// <summary>The answer to a sticker, a voice note, or a photo where no step takes one.</summary>
    public const string TextPlease =
        "Bot chỉ đọc được tin nhắn chữ. Anh/chị vui lòng gõ nội dung bằng chữ (ví dụ một số, «có», «không»), hoặc gõ /trogiup để xem hướng dẫn.";

    /// <summary>
    /// Whether the sender stands at a step that takes a photo (an official writing an announcement, or at an
    /// event's photo step). A channel asks this before fetching a photo's bytes, so a picture a resident sends
    /// is not downloaded for nothing; the engine decides again when it handles the message.
    /// </summary>
    public bool ExpectsPhoto(IncomingMessage message) => store.Read(() =>
    {
        var account = store.Accounts.FindById(message.Address);
        var member = account is null ? null : store.Members.FindById(account.MemberId);
        if (member is null || member.RemovedAt is not null) return false;
        var role = _admins.Contains(message.Address) ? Role.Admin : member.Role;
        return flows.TakesPhoto(conversations.Of(member.Id), role);
    });

    /// <summary>Whether the bot has seen this chat before (a channel logs a new one, so an admin can find their id).</summary>
    public bool Knows(string channel, string chatId) => store.Read(() => store.Accounts.FindById(ChatAccount.AddressOf(channel, chatId)) is not null);

    /// <summary>Everyone with a chat on this channel, in the order they joined: the console demo lists them for /la.</summary>
    public IReadOnlyList<ChatPerson> PeopleOn(string channel) => store.Read(() =>
        (IReadOnlyList<ChatPerson>)[.. store.Accounts.Find(a => a.Channel == channel).OrderBy(a => a.MemberId.Length).ThenBy(a => a.MemberId)
            .Select(a => new ChatPerson(a.ChatId, a.DisplayName, Describe(store.Members.FindById(a.MemberId))))]);

    private string Describe(Member? member) => member switch
    {
        null => "",
        { Role: Role.Reporter, UnitId: { } unit } => $"báo cáo cho {store.Units.FindById(unit)?.Name}",
        { Role: Role.Official } => "cán bộ theo dõi",
        { Role: Role.Admin } => "quản trị",
        _ => "người dân",
    };

    /// <summary>
    /// Answers a message the bot cannot read (a sticker, a voice note) with <see cref="TextPlease"/>, once per
    /// message key, and changes nothing else; false when that message was answered before.
    /// </summary>
    public bool AskForText(string channel, string chatId, string key) => store.Write(() =>
    {
        if (store.Received.FindById(key) is not null) return false;
        messenger.To(channel, chatId, TextPlease);
        store.Received.Insert(new ReceivedMessage { Id = key, At = clock.UtcNow });
        return true;
    });

    /// <summary>Handles one message; false when the same message was handled before.</summary>
    public bool Handle(IncomingMessage message)
    {
        message = message with { Text = TextElements.Repair(message.Text), SenderName = TextElements.Repair(message.SenderName) };
        try
        {
            var prepared = PrepareDigest(message);
            return store.Write(() =>
            {
                // The collections the turn writes (the key, the account, the conversation) are read through their
                // write snapshot, so LiteDB opens each once in the transaction (IndexedQueries.FindForWrite).
                if (store.Received.FindForWrite(message.Key) is not null)
                {
                    LogDuplicate(message.Key);
                    return false;
                }
                var turn = Identify(message, prepared);
                conversations.During(turn.Conversation, () => Dispatch(turn));
                foreach (var reply in turn.Replies) messenger.To(message.Channel, message.ChatId, reply);
                store.Received.Insert(new ReceivedMessage { Id = message.Key, At = clock.UtcNow });
                return true;
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message's effects were rolled back. Confirm it anyway with an apology, so that one
            // message the engine cannot handle does not block the chat behind it for ever.
            LogFailed(ex, message.Key);
            return store.Write(() =>
            {
                if (store.Received.FindById(message.Key) is not null) return false;
                messenger.To(message.Channel, message.ChatId, "Xin lỗi, bot gặp lỗi khi xử lý tin này và chưa lưu gì. Vui lòng gửi lại sau ít phút.");
                store.Received.Insert(new ReceivedMessage { Id = message.Key, At = clock.UtcNow });
                return true;
            });
        }
    }

    /// <summary>
    /// /tonghop from an official: its digest sums every yearly round and draws a chart, a second or more on a big
    /// store (a city's figures read every commune's), so it is built here from reads, before the write, and the write
    /// only stores the chart and queues it; another person's message is not held behind it. Anything else, or a copy
    /// handled before: nothing.
    /// </summary>
    private Prepared PrepareDigest(IncomingMessage message)
    {
        var text = message.Text.Trim();
        if (!text.StartsWith('/') || commands.Parse(text).Name != "tonghop") return Prepared.Nothing;
        // The commune whose digest it is: the official's own, or the city for a city official.
        var commune = store.Read(() =>
        {
            if (store.Received.FindById(message.Key) is not null) return null;
            var account = store.Accounts.FindById(message.Address);
            var member = account is null ? null : store.Members.FindById(account.MemberId);
            if (member is { RemovedAt: null, Role: Role.Official or Role.Admin }) return member.CommuneId;
            return _admins.Contains(message.Address) ? member?.CommuneId ?? communes.Default : null;
        });
        return commune switch
        {
            null => Prepared.Nothing,
            Communes.City => new Prepared(null, city.Read()),
            _ => new Prepared(official.PrepareDigest(commune), null),
        };
    }

    /// <summary>What /tonghop read before the write: a commune's digest or the city's figures.</summary>
    private sealed record Prepared(DigestDraft? Digest, Cities.CityRead? City)
    {
        public static readonly Prepared Nothing = new(null, null);
    }

    private Turn Identify(IncomingMessage message, Prepared? prepared = null)
    {
        var account = store.Accounts.FindForWrite(message.Address);
        var member = account is null ? null : store.Members.FindById(account.MemberId);
        if (member?.RemovedAt is not null) member = null;
        if (account is not null && member is not null)
        {
            account.LastSeenAt = clock.UtcNow;
            account.DisplayName = message.SenderName;
            account.UnreachableReason = null;
            account.UnreachableSince = null;
            store.Accounts.Update(account);
        }
        var role = _admins.Contains(message.Address) ? Role.Admin : member?.Role ?? Role.Resident;
        if (role == Role.Admin && member is null)
        {
            // An admin named in the configuration belongs to the commune served first (the shipped one, when served).
            member = members.Create(message, Role.Admin, null, communes.Default);
            account = store.Accounts.FindById(message.Address);
        }
        var conversation = member is null ? new Conversation() : conversations.ForTurn(member.Id);
        return new Turn(message, member, account, role, conversation) { PreparedDigest = prepared?.Digest, PreparedCity = prepared?.City };
    }

    /// <summary>The one choice whose label is the text, without accents, or without its first word («xã», «thôn»).</summary>
    private static Choice? ChoiceLabelled(List<Choice> choices, string text)
    {
        var matches = choices.Where(c => Words.Names(c.Label, text)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private void Dispatch(Turn turn)
    {
        var message = turn.Message;
        var text = message.Text.Trim();
        if (message.IsGroup && !(message.AddressedToBot && text.StartsWith('/'))) return;
        // A photo means something only where a step takes one; anywhere else, on every channel, the person is
        // asked for text (in a group, where a picture is for the people there, nothing is said).
        if (message.PhotoRef is not null && !flows.TakesPhoto(turn.Conversation, turn.Role))
        {
            if (!message.IsGroup) turn.Say(TextPlease);
            return;
        }

        var choices = turn.Conversation.NumberedChoices;
        if (choices.Count > 0 && int.TryParse(text, out var n) && n >= 1 && n <= choices.Count)
            text = choices[n - 1].Value;
        // On Zalo a menu is a numbered list, and people type what they read («Hòa Bình») as often as its number.
        else if (choices.Count > 0 && turn.Conversation.Mode == ConversationMode.Idle && !text.StartsWith('/')
                 && ChoiceLabelled(choices, text) is { } byLabel)
            text = byLabel.Value;
        // A menu offered outside any flow (/xuat's periods, /khuvuc's villages) answers only the message right
        // after it: left in place, a bare "1" typed days later would start another export. A flow's step (a
        // report, an announcement, an event) keeps its choices; it asks again or clears them itself.
        if (turn.Conversation.Mode == ConversationMode.Idle) turn.Conversation.NumberedChoices = [];

        if (text.StartsWith('/'))
        {
            RunCommand(turn, commands.Parse(text));
            return;
        }

        if (flows.Of(turn.Conversation, turn.Role) is { } flow)
        {
            if (NavigationWords.IsBack(Words.Fold(text))) flow.Back(turn);
            else flow.Continue(turn, text);
            return;
        }
        if (InviteCodes.LooksLikeCode(text))
        {
            start.Handle(turn, text);
            return;
        }
        // A resident who left (/ngung) comes back the same way: /start answers «Gõ «đồng ý»…» on Zalo too.
        var mayJoin = turn.Member is null || (turn.Role == Role.Resident && store.Subscribers.FindById(turn.Member.Id) is not { Active: true });
        if (mayJoin && Words.Fold(text) is "dong y" or "dang ky")
        {
            start.Subscribe(turn, "");
            return;
        }
        if (start.TryCommuneAnswer(turn, text)) return;
        // A command typed without its slash, alone in the message («tong hop», «báo cáo»).
        if (commands.PlainCommand(text, turn) is { } plain)
        {
            plain.Handler(turn, "");
            return;
        }
        if (turn.Role == Role.Reporter && report.TryOneMessageForm(turn, text)) return;
        help.Hint(turn);
    }

    private void RunCommand(Turn turn, CommandLine line)
    {
        var inGroup = turn.Message.IsGroup;
        if (line.Declarations.Count == 0)
        {
            if (inGroup) turn.Say(GroupRefusal);
            else if (commands.Nearest(line.Name, turn) is { } near)
                turn.Say($"Bot không hiểu lệnh /{Quote.Short(line.Name)}. Ý anh/chị là /{near}? Gõ /trogiup để xem các lệnh.");
            else turn.Say($"Bot không hiểu lệnh /{Quote.Short(line.Name)}. Gõ /trogiup để xem các lệnh.");
            return;
        }
        if (inGroup && !line.Declarations.Any(c => c.InGroups))
        {
            turn.Say(GroupRefusal);
            return;
        }
        if (line.Declarations.FirstOrDefault(c => c.Allows(turn)) is { } command) command.Handler(turn, line.Args);
        else turn.Say(CommandTable.Refusal(line.Declarations[0].Name, line.Declarations, turn));
    }

    private const string GroupRefusal = "Trong nhóm, bot chỉ trả lời /trangthai, /tonghop và /trogiup. Vui lòng nhắn riêng cho bot để báo cáo.";

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {Key} could not be handled; the sender was asked to send it again")]
    private partial void LogFailed(Exception ex, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {Key} was handled before; the copy changes nothing")]
    private partial void LogDuplicate(string key);
}
