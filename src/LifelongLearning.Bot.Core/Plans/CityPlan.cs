namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// A city (or province) over its communes, each with a plan of its own (own units, targets, calendar, heading).
/// The city's figures are made from every commune's units by the same rules; <see cref="Indicators"/> are the
/// indicators every commune's plan defines alike, held against the city's own targets where it sets them.
/// </summary>
public sealed record CityPlan(string Name, IReadOnlyList<CityCommune> Communes, IReadOnlyList<Indicator> Indicators)
{
    /// <summary>
    /// What the city's own stored records (its officials, their invites and exports) carry where a commune's carry
    /// the commune's code: so a commune's view of the store never holds them. No commune may take this code.
    /// </summary>
    public const string Code = "thanh-pho";

    public CityCommune? FindCommune(string code) =>
        Communes.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A commune of the city: its short code (in keys and commands), its present name, and its plan.</summary>
public sealed record CityCommune(string Code, string Name, Plan Plan);
