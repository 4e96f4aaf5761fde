using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

public enum UnitAdded { Added, UnknownKind, CodeTaken }

/// <summary>
/// Adding a unit, the one rule behind /themdonvi and the web page's form: its kind must be one of the plan's,
/// and its code not taken by an active unit (a retired unit's code may be used again; its old figures stay).
/// </summary>
public sealed class UnitRegistry(BotStore store, Plan plan)
{
    /// <summary>Call inside a store write.</summary>
    public UnitAdded Add(string code, string kind, string name)
    {
        if (plan.FindUnitKind(kind) is null) return UnitAdded.UnknownKind;
        if (store.Units.FindById(code) is { Active: true }) return UnitAdded.CodeTaken;
        store.Units.Upsert(new UnitRecord { Id = code, Name = name, Kind = kind, Active = true });
        return UnitAdded.Added;
    }
}
