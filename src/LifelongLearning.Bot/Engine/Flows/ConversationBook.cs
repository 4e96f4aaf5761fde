using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Flows;

/// <summary>
/// The one place a conversation is read and written. During a turn the turn's conversation is held here, so
/// anything the turn does to the same person (a round /moky opens asks every unit head, and an admin's chat may be
/// one) changes that one copy, and the turn saves it once, at its end.
/// </summary>
public sealed class ConversationBook(BotStore store, CommuneClock clock)
{
    // Set and read only inside a store write, which one thread holds at a time.
    private Conversation? _held;

    public Conversation Of(string memberId) =>
        _held is { } held && held.Id == memberId ? held : store.Conversations.FindById(memberId) ?? new Conversation { Id = memberId };

    /// <summary>
    /// The conversation a turn runs over, read through the collection's write snapshot: the turn saves it at its
    /// end, and LiteDB then need not open the collection a second time (IndexedQueries.FindForWrite).
    /// </summary>
    public Conversation ForTurn(string memberId) =>
        _held is { } held && held.Id == memberId ? held : store.Conversations.FindForWrite(memberId) ?? new Conversation { Id = memberId };

    /// <summary>Saves a conversation changed outside a turn; the turn's own is saved by the turn.</summary>
    public void Save(Conversation conversation)
    {
        if (!ReferenceEquals(conversation, _held)) Write(conversation);
    }

    /// <summary>Runs a turn over its conversation and saves it after, when it belongs to someone.</summary>
    public void During(Conversation conversation, Action turn)
    {
        _held = conversation;
        try
        {
            turn();
        }
        finally
        {
            _held = null;
        }
        // A chat unknown before this turn has a blank conversation with no id: a chat joined to a member by a link
        // code must not overwrite that member's conversation. An invite redeemed gives it the new member's id
        // (StartCommand), so the report begun in the turn is kept.
        if (conversation.Id.Length > 0) Write(conversation);
    }

    private void Write(Conversation conversation)
    {
        conversation.UpdatedAt = clock.UtcNow;
        store.Conversations.Upsert(conversation);
    }
}
