using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Who an announcement reaches: active subscribers, once each, on the account they used last, or on every
/// reachable account when they asked for both channels (/lienket ca-hai).
/// </summary>
public sealed class Audience(BotStore store, Messenger messenger)
{
    /// <summary>
    /// The residents of one commune, or of every commune of the city when <paramref name="communeId"/> is null (a
    /// city official's announcement). An area also reaches those who chose none (they asked for the whole commune);
    /// null reaches the whole commune. In the order they subscribed, so a broadcast goes out in an order one can reason about.
    /// </summary>
    public List<ChatAccount> Residents(string? communeId, string? area)
    {
        var result = new List<ChatAccount>();
        var active = communeId is null ? store.Subscribers.Find(s => s.Active) : store.For(communeId).Subscribers.Find(s => s.Active);
        foreach (var s in active.OrderBy(s => s.SubscribedAt).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            if (area is not null && s.Area is not null && s.Area != area) continue;
            // Whether they asked for both channels matters only with two accounts to reach: most residents have one, and
            // not reading their member record saves a lookup per resident in the official's transaction (100,000 for a city).
            var reachable = messenger.Reachable(s.Id);
            if (reachable.Count > 1 && store.Members.FindById(s.Id) is { BothChannels: true }) result.AddRange(reachable);
            else if (reachable.Count > 0) result.Add(reachable[0]);
        }
        return result;
    }
}
