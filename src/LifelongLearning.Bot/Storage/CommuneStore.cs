namespace LifelongLearning.Bot.Storage;

/// <summary>
/// The store as one commune sees it (<see cref="BotStore.For"/>): the same collections, each limited to the
/// commune's rows. The commune filter lives here and nowhere else. Writes still go through the store's one
/// transaction (<see cref="Write{T}"/>); what belongs to the process (received keys, files, links, meta) is not here.
/// </summary>
public sealed class CommuneStore
{
    internal CommuneStore(BotStore store, string communeId)
    {
        Store = store;
        CommuneId = communeId;
        var mapper = store.Database.Mapper;
        CommuneCollection<T> Of<T>(LiteDB.ILiteCollection<T> all) where T : class, ICommuneOwned => new(all, mapper, communeId);
        Units = Of(store.Units);
        Members = Of(store.Members);
        Accounts = Of(store.Accounts);
        Rounds = Of(store.Rounds);
        Answers = Of(store.Answers);
        Invites = Of(store.Invites);
        Subscribers = Of(store.Subscribers);
        Events = Of(store.Events);
        EventFigures = Of(store.EventFigures);
        Broadcasts = Of(store.Broadcasts);
        Exports = Of(store.Exports);
        Outbox = Of(store.Outbox);
    }

    public string CommuneId { get; }

    /// <summary>The whole store, for what is not a commune's (the transaction, files, received keys).</summary>
    public BotStore Store { get; }

    public CommuneCollection<UnitRecord> Units { get; }
    public CommuneCollection<Member> Members { get; }
    public CommuneCollection<ChatAccount> Accounts { get; }
    public CommuneCollection<Round> Rounds { get; }
    public CommuneCollection<Answer> Answers { get; }
    public CommuneCollection<Invite> Invites { get; }
    public CommuneCollection<Subscriber> Subscribers { get; }
    public CommuneCollection<EventRecord> Events { get; }
    public CommuneCollection<EventFigure> EventFigures { get; }
    public CommuneCollection<Broadcast> Broadcasts { get; }
    public CommuneCollection<ExportRequest> Exports { get; }
    public CommuneCollection<OutboxMessage> Outbox { get; }

    public T Write<T>(Func<T> work) => Store.Write(work);

    public void Write(Action work) => Store.Write(work);
}
