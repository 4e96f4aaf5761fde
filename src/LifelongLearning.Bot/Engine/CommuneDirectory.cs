using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// The communes this process serves, each by its id (the code in the city file; <see cref="Communes.Shipped"/>
/// without one) with its own plan and clock. A turn, a round and each loop's step take the plan of the commune
/// they belong to from here, never one plan for the whole process.
/// </summary>
public sealed class CommuneDirectory
{
    private readonly Dictionary<string, CityCommune> _byId;
    private readonly CommuneClock _clock;

    private CommuneDirectory(CityPlan? city, IReadOnlyList<CityCommune> all, CommuneClock clock)
    {
        City = city;
        All = all;
        _clock = clock;
        _byId = all.ToDictionary(c => c.Code, StringComparer.Ordinal);
        // A unit's code is still its id in the whole store (units, answers, reminders are keyed by it), so two
        // communes of one store cannot both have a unit of one code: the start says which, rather than mixing them.
        var clash = all.SelectMany(c => c.Plan.Units.Select(u => (Commune: c, u.Code)))
            .GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new PlanException($"Mã đơn vị {clash.Key} có trong kế hoạch của cả {string.Join(" và ", clash.Select(x => x.Commune.Name))}: " +
                                    $"trong một kho dữ liệu, mỗi mã đơn vị chỉ thuộc một xã / unit code {clash.Key} is in more than one commune's plan.");
    }

    /// <summary>Today's deployment: one commune, the plan of <c>Bot:PlanPath</c>, stored as <see cref="Communes.Shipped"/>.</summary>
    public static CommuneDirectory Single(Plan plan, CommuneClock clock) =>
        new(null, [new CityCommune(Communes.Shipped, plan.Commune.Name, plan)], clock);

    /// <summary>Every commune of the city file (<c>Bot:CityPath</c>), in its order.</summary>
    public static CommuneDirectory Of(CityPlan city, CommuneClock clock) => new(city, city.Communes, clock);

    /// <summary>The city, when the process serves one; null for a single commune.</summary>
    public CityPlan? City { get; }

    public IReadOnlyList<CityCommune> All { get; }

    /// <summary>More than one commune: a newcomer says which is theirs (at /start) before anything else.</summary>
    public bool ServesMany => All.Count > 1;

    /// <summary>
    /// The commune of someone the bot has not placed yet (an admin named in the configuration): the shipped
    /// one when it is served, as every store before the city, else the city file's first.
    /// </summary>
    public string Default => _byId.ContainsKey(Communes.Shipped) ? Communes.Shipped : All[0].Code;

    public bool Serves(string communeId) => _byId.ContainsKey(communeId);

    public CityCommune Of(string communeId) => _byId.TryGetValue(communeId, out var commune)
        ? commune
        : throw new InvalidOperationException($"Commune {communeId} is not served by this process (Bot:CityPath lists {string.Join(", ", _byId.Keys)}).");

    public Plan PlanOf(string communeId) => Of(communeId).Plan;

    /// <summary>The commune's local time. The communes of one city share its zone (<c>Bot:TimeZone</c>), so one clock serves them all.</summary>
    public CommuneClock ClockOf(string communeId)
    {
        _ = Of(communeId); // an unknown commune is the caller's mistake here, as in PlanOf
        return _clock;
    }
}
