using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>Many subscribed residents at once, written straight to the store (thousands of chats through the API would take minutes).</summary>
public static class Residents
{
    public static void Seed(BotTestHost bot, string channel, long firstChatId, int count, string? area = null) =>
        Seed(bot.Get<Members>(), bot.Store, channel, firstChatId, count, area);

    /// <summary>Each a millisecond after the one before, so the order they subscribed in is the order of their chat ids.</summary>
    public static void Seed(Members members, BotStore store, string channel, long firstChatId, int count, string? area = null)
    {
        var now = DateTime.UtcNow;
        store.Write(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var member = members.Create(channel, (firstChatId + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Người dân {i}", Role.Resident, null, Communes.Shipped);
                store.Subscribers.Insert(new Subscriber { Id = member.Id, Active = true, Area = area, SubscribedAt = now.AddMilliseconds(i) });
            }
        });
    }
}
