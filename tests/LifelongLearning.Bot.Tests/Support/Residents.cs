using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>Many subscribed residents at once, written straight to the store (thousands of chats through the API would take minutes).</summary>
public static class Residents
{
    public static void Seed(BotTestHost bot, string channel, long firstChatId, int count, string? area = null)
    {
        var members = bot.Get<Members>();
        var store = bot.Store;
        store.Write(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var member = members.Create(channel, (firstChatId + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Người dân {i}", Role.Resident, null, Communes.Shipped);
                store.Subscribers.Insert(new Subscriber { Id = member.Id, Active = true, Area = area, SubscribedAt = DateTime.UtcNow });
            }
        });
    }
}
