namespace LifelongLearning.Bot.Storage;

/// <summary>A stored record that belongs to one commune of the city (its code in the city file, e.g. "tan-ky").</summary>
public interface ICommuneOwned
{
    string CommuneId { get; set; }
}

public static class Communes
{
    /// <summary>
    /// The commune of the plan shipped with the program (xã Tân Kỳ in plan/thanh-pho-hai-phong.json): a store
    /// written before communes were stored holds only its records, and a deployment without a city file is it alone.
    /// </summary>
    public const string Shipped = "tan-ky";

    /// <summary>
    /// The city's own records: a city official is a member of role Official with this commune, and their invites
    /// and exports carry it too. A commune's view (<see cref="BotStore.For"/>) never holds them.
    /// </summary>
    public const string City = Core.Plans.CityPlan.Code;
}
