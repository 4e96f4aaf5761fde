using LifelongLearning.Bot.Core.Conversations;
using LiteDB;

namespace LifelongLearning.Bot.Storage;

/// <summary>
/// The store's reads that run on every tick of the calendar and events loops, in housekeeping and on a
/// broadcast's cancellation, each written so LiteDB seeks an index. A lambda such as
/// <c>m.DedupKey.StartsWith(p)</c>, <c>!=</c> or <c>||</c> is run as a full scan (20,000 outbox rows: 673 ms
/// and 1 GB for 14 reminders), and a second condition on an indexed field may lead LiteDB to the wrong index
/// (Status = Pending reads every row of a broadcast), so each query holds its one selective condition and
/// callers filter the few rows it returns. QueryPlanTests holds every one to LiteDB's plan.
/// </summary>
public static class IndexedQueries
{
    /// <summary>
    /// The field's values that start with the prefix, as an index seek. LiteDB's <c>Query.StartsWith</c> writes the
    /// prefix into the expression's text, so every new prefix (a unit, a round) is parsed and compiled to a new
    /// delegate; here the text is the same for every prefix and the prefix is its parameter (issue 18).
    /// </summary>
    public static BsonExpression StartsWith(string field, string prefix) =>
        BsonExpression.Create($"$.{field} LIKE @0", new BsonValue(prefix + "%"));

    /// <summary>
    /// The row with this id, read through a write snapshot of its collection: a row the transaction then writes
    /// (the received key, the chat's account, the conversation) does not make LiteDB open the collection twice,
    /// once to read and again to write, re-reading its header and parsing each of its index expressions again.
    /// </summary>
    public static T? FindForWrite<T>(this ILiteCollection<T> collection, BsonValue id)
    {
        var query = collection.Query().Where(BsonExpression.Create("_id = @0", id));
        // ForUpdate is LiteDB's own (LiteQueryable's, not its interface's): the query takes the write snapshot.
        return query is LiteQueryable<T> own ? own.ForUpdate().FirstOrDefault() : query.FirstOrDefault();
    }

    /// <summary>Outbox rows whose dedup key starts with the prefix (a unit's reminders of a round).</summary>
    public static ILiteQueryable<OutboxMessage> OutboxByDedupPrefix(this BotStore s, string prefix) =>
        s.Outbox.Query().Where(StartsWith(nameof(OutboxMessage.DedupKey), prefix));

    /// <summary>Outbox rows of the broadcasts whose id starts with the prefix (an event's announcements).</summary>
    public static ILiteQueryable<OutboxMessage> OutboxByBroadcastPrefix(this BotStore s, string prefix) =>
        s.Outbox.Query().Where(StartsWith(nameof(OutboxMessage.BroadcastId), prefix));

    /// <summary>
    /// The first batch of broadcast recipients still to be written, in queueing order: a bound on the id, so LiteDB
    /// walks the id index from its start and stops at the first, rather than scanning the collection to sort it.
    /// </summary>
    public static ILiteQueryableResult<BroadcastBatch> NextBroadcastBatch(this BotStore s) =>
        s.BroadcastBatches.Query().Where(Query.GT("_id", 0L)).Limit(1);

    /// <summary>Batches not yet written of the broadcasts whose id starts with the prefix (a cancelled event's announcements).</summary>
    public static ILiteQueryable<BroadcastBatch> BroadcastBatchesByPrefix(this BotStore s, string prefix) =>
        s.BroadcastBatches.Query().Where(StartsWith(nameof(BroadcastBatch.BroadcastId), prefix));

    /// <summary>Outbox rows sending a document stored under the prefix (one export's files).</summary>
    public static ILiteQueryable<OutboxMessage> OutboxByDocumentPrefix(this BotStore s, string prefix) =>
        s.Outbox.Query().Where(StartsWith(nameof(OutboxMessage.DocumentFileId), prefix));

    /// <summary>Outbox rows with a photo; an empty id is no photo, and null sorts before every string.</summary>
    public static ILiteQueryable<OutboxMessage> OutboxWithPhoto(this BotStore s) =>
        s.Outbox.Query().Where(Query.GT(nameof(OutboxMessage.PhotoFileId), ""));

    /// <summary>Outbox rows sending this photo.</summary>
    public static ILiteQueryable<OutboxMessage> OutboxWithPhoto(this BotStore s, string photoFileId) =>
        s.Outbox.Query().Where(Query.EQ(nameof(OutboxMessage.PhotoFileId), photoFileId));

    /// <summary>Outbox rows queued before the time, whatever their state (housekeeping keeps the pending ones).</summary>
    public static ILiteQueryable<OutboxMessage> OutboxCreatedBefore(this BotStore s, DateTime before) =>
        s.Outbox.Query().Where(Query.LT(nameof(OutboxMessage.CreatedAt), before));

    /// <summary>One unit's answers in one round, by their id "round/unit/indicator" (not the round's every answer).</summary>
    public static ILiteQueryable<Answer> AnswersOf(this BotStore s, string roundId, string unitId) =>
        s.Answers.Query().Where(StartsWith("_id", $"{roundId}/{unitId}/"));

    /// <summary>Every answer of one round, by the id prefix "round/" (the digest's figures and yearly sums).</summary>
    public static ILiteQueryable<Answer> AnswersOfRound(this BotStore s, string roundId) =>
        s.Answers.Query().Where(StartsWith("_id", $"{roundId}/"));

    /// <summary>Officials and admins, removed ones included (callers skip those); never the residents.</summary>
    public static ILiteQueryable<Member> OfficialsAndAdmins(this BotStore s) =>
        s.Members.Query().Where(Query.In(nameof(Member.Role), nameof(Role.Official), nameof(Role.Admin)));

    /// <summary>Finished /xuat requests (done or failed), never the pending ones.</summary>
    public static ILiteQueryable<ExportRequest> FinishedExports(this BotStore s) =>
        s.Exports.Query().Where(Query.In(nameof(ExportRequest.Status), nameof(ExportStatus.Done), nameof(ExportStatus.Failed)));

    /// <summary>Conversations holding a photo (an announcement's or an event's being written).</summary>
    public static ILiteQueryable<Conversation> ConversationsWithPhoto(this BotStore s) =>
        s.Conversations.Query().Where(Query.GT(nameof(Conversation.Photo), ""));

    /// <summary>Events with a photo (cancelled ones included).</summary>
    public static ILiteQueryable<EventRecord> EventsWithPhoto(this BotStore s) =>
        s.Events.Query().Where(Query.GT(nameof(EventRecord.PhotoFileId), ""));
}
