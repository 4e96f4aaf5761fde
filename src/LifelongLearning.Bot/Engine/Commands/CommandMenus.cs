using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>Where a command menu applies: everyone by default, every group chat, or one person's chat.</summary>
public enum MenuScope
{
    Default,
    Groups,
    Chat,
}

/// <summary>One menu to publish: its scope, the chat for <see cref="MenuScope.Chat"/>, and (name, text) pairs.</summary>
public sealed record CommandMenu(MenuScope Scope, string? ChatId, IReadOnlyList<(string Name, string Text)> Commands);

/// <summary>
/// The menus a channel with a command menu (Telegram) publishes at start, read from <see cref="CommandTable"/>:
/// the residents' menu for everyone, the group commands for groups, and each unit head's, official's and
/// admin's own menu in their chat; then, as people join, change role or leave, the menus of their chats
/// (<see cref="Due"/>).
/// </summary>
public sealed class CommandMenus(CommandTable table, BotStore store, IOptions<BotOptions> options)
{
    /// <summary>Calls <paramref name="wake"/> after every commit, until disposed: <see cref="Due"/> is an index lookup, cheap to ask.</summary>
    public IDisposable OnChange(Action wake)
    {
        store.Committed += wake;
        return new Unsubscribe(() => store.Committed -= wake);
    }

    /// <summary>
    /// The menus of the channel's chats whose person joined, changed role or left since theirs was published.
    /// A <see cref="BotStore.Read{T}"/>, never a write: every write, even one that changes nothing, raises
    /// <see cref="BotStore.Committed"/>, which wakes the caller (and the outbox) again, and it would spin.
    /// </summary>
    public IReadOnlyList<CommandMenu> Due(string channel) => store.Read(() =>
        (IReadOnlyList<CommandMenu>)[.. store.Accounts.Find(a => a.MenuDue).Where(a => a.Channel == channel).OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new CommandMenu(MenuScope.Chat, a.ChatId, Of(c => c.ShownTo(UsersOf(a)))))]);

    /// <summary>
    /// The channel published (or was refused, for good) the chat's menu. Still due when the person's role changed
    /// again meanwhile, so the newer menu follows.
    /// </summary>
    public void Published(string channel, CommandMenu menu) => store.Write(() =>
    {
        if (menu.ChatId is null || store.Accounts.FindById(ChatAccount.AddressOf(channel, menu.ChatId)) is not { MenuDue: true } account) return;
        if (!Of(c => c.ShownTo(UsersOf(account))).SequenceEqual(menu.Commands)) return;
        account.MenuDue = false;
        store.Accounts.Update(account);
    });

    private CommandUsers UsersOf(ChatAccount account)
    {
        if (options.Value.AdminChatIds.Contains(account.Id)) return CommandUsers.Officials;
        return store.Members.FindById(account.MemberId) is { RemovedAt: null, Role: not Role.Resident } member
            ? Command.UsersOf(member)
            : CommandUsers.Residents;
    }

    private sealed class Unsubscribe(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }

    public IReadOnlyList<CommandMenu> For(string channel)
    {
        var menus = new List<CommandMenu>
        {
            new(MenuScope.Default, null, Of(c => c.ShownTo(CommandUsers.Residents))),
            new(MenuScope.Groups, null, Of(c => c.InGroups && c.Name != "start")),
        };
        var chats = new Dictionary<string, CommandUsers>(StringComparer.Ordinal);
        var prefix = channel + ":";
        foreach (var admin in options.Value.AdminChatIds.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)))
            chats[admin[prefix.Length..]] = CommandUsers.Officials;
        store.Read(() =>
        {
            var staff = store.Members.Find(m => m.RemovedAt == null && m.Role != Role.Resident).ToDictionary(m => m.Id, Command.UsersOf);
            foreach (var account in store.Accounts.Find(a => a.Channel == channel))
                if (staff.TryGetValue(account.MemberId, out var users)) chats.TryAdd(account.ChatId, users);
        });
        foreach (var (chat, users) in chats.OrderBy(c => c.Key, StringComparer.Ordinal))
            menus.Add(new(MenuScope.Chat, chat, Of(c => c.ShownTo(users))));
        return menus;
    }

    private List<(string, string)> Of(Func<Command, bool> shown) =>
        [.. table.All.Where(c => c.Menu is not null && shown(c)).DistinctBy(c => c.Name).Select(c => (c.Name, c.Menu!))];
}
