using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>Who may use a command. Admins are officials here; <see cref="City"/> is a city official (<see cref="Turn.IsCity"/>).</summary>
[Flags]
public enum CommandUsers
{
    Residents = 1,
    Reporters = 2,
    Officials = 4,
    City = 8,
    Everyone = Residents | Reporters | Officials | City,
}

/// <summary>
/// One command as declared once in <see cref="CommandTable"/>: dispatch, the role refusal, /trogiup and
/// Telegram's menu are all read from it. A name may be declared twice for different users when each
/// does something different (/trangthai, /huy): the one for the caller is chosen.
/// </summary>
/// <param name="Name">Folded (no accents, lower case), as typed after the slash.</param>
/// <param name="Help">The /trogiup line, starting with the command; null keeps it out of /trogiup.</param>
/// <param name="Menu">Telegram's menu text (at most 256 characters); null keeps it out of the menu.</param>
/// <param name="InGroups">Answered in a group chat too (elsewhere a group gets «nhắn riêng cho bot»).</param>
/// <param name="HelpUsers">Whose /trogiup and menu show it, when not everyone who may use it (a reporter may
/// type /lich, but it is shown to residents).</param>
/// <param name="MembersOnly">/trogiup shows it only to someone the bot knows (not to a first-time visitor).</param>
public sealed record Command(
    string Name,
    CommandUsers Users,
    string? Help,
    string? Menu,
    Action<Turn, string> Handler,
    string[]? Aliases = null,
    bool InGroups = false,
    CommandUsers? HelpUsers = null,
    bool MembersOnly = false)
{
    public IEnumerable<string> Names => Aliases is null ? [Name] : [Name, .. Aliases];

    public bool Allows(Turn turn) => Users.HasFlag(UsersOf(turn));

    /// <summary>Whether /trogiup and the menu of these users list it.</summary>
    public bool ShownTo(CommandUsers users) => (HelpUsers ?? Users).HasFlag(users);

    public static CommandUsers UsersOf(Turn turn) => turn.IsCity ? CommandUsers.City : UsersOf(turn.Role);

    /// <summary>The users a stored member is: an official whose commune is the city's code is a city official.</summary>
    public static CommandUsers UsersOf(Member member) =>
        member.Role == Role.Official && member.CommuneId == Communes.City ? CommandUsers.City : UsersOf(member.Role);

    public static CommandUsers UsersOf(Role role) => role switch
    {
        Role.Official or Role.Admin => CommandUsers.Officials,
        Role.Reporter => CommandUsers.Reporters,
        _ => CommandUsers.Residents,
    };
}
