using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

public enum UnitAdded { Added, UnknownKind, CodeTaken }

/// <summary>
/// Adding a unit, the one rule behind /themdonvi and the web page's form: its kind must be one of its commune's plan's,
/// and its code not taken by an active unit (a retired unit's code may be used again; its old figures stay).
/// </summary>
public sealed class UnitRegistry(BotStore store, CommuneDirectory communes)
{
    /// <summary>Call inside a store write.</summary>
    public UnitAdded Add(CommuneStore commune, string code, string kind, string name)
    {
        if (communes.PlanOf(commune.CommuneId).FindUnitKind(kind) is null) return UnitAdded.UnknownKind;
        // A unit's code is still its id in the whole store, so a code another commune holds is taken here too.
        if (store.Units.FindById(code) is { } held && (held.Active || held.CommuneId != commune.CommuneId)) return UnitAdded.CodeTaken;
        commune.Units.Upsert(new UnitRecord { Id = code, Name = name, Kind = kind, Active = true });
        return UnitAdded.Added;
    }
}
