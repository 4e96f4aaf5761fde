using LifelongLearning.Bot.Core.Time;
using System.Globalization;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>Creates members with their first chat account; call inside a store write.</summary>
public sealed class Members(BotStore store, CommuneClock clock)
{
    /// <summary>
    /// Ids are short numbers ("12") because officials type them (/xoa 12). Members are never deleted,
    /// only marked removed, so the count plus one is always free.
    /// </summary>
    public Member Create(string channel, string chatId, string name, Role role, string? unitId, string communeId)
    {
        var member = new Member
        {
            CommuneId = communeId,
            Id = (store.Members.Count() + 1).ToString(CultureInfo.InvariantCulture),
            Name = string.IsNullOrWhiteSpace(name) ? "Người dùng" : name,
            Role = role,
            UnitId = unitId,
            CreatedAt = clock.UtcNow,
        };
        store.Members.Insert(member);
        store.Accounts.Upsert(new ChatAccount
        {
            CommuneId = communeId,
            Id = ChatAccount.AddressOf(channel, chatId),
            Channel = channel,
            ChatId = chatId,
            MemberId = member.Id,
            DisplayName = member.Name,
            LastSeenAt = clock.UtcNow,
            MenuDue = role != Role.Resident,
        });
        return member;
    }

    /// <summary>The member's role changed or they left: each of their chats gets the menu of what they may do now.</summary>
    public void MenuChanged(Member member)
    {
        foreach (var account in store.Accounts.Find(a => a.MemberId == member.Id).ToList())
        {
            account.MenuDue = true;
            store.Accounts.Update(account);
        }
    }

    public Member Create(IncomingMessage message, Role role, string? unitId, string communeId) =>
        Create(message.Channel, message.ChatId, message.SenderName, role, unitId, communeId);
}
