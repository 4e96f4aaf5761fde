using LiteDB;

namespace LifelongLearning.Bot.Storage;

/// <summary>
/// A channel's pending rows in sending order (replies, reminders and alerts before announcements, each oldest
/// first), read through the <see cref="OutboxOrder"/> index a page at a time: each page is one seek after the
/// last key read, so the cost of a page does not grow with the queue, and no LiteDB cursor stays open between
/// pages while the loop sends.
/// </summary>
public sealed class PendingRows(BotStore store, string channel)
{
    public const int PageSize = 100;

    private static readonly string InRange = $"{OutboxOrder.Expression} BETWEEN @0 AND @1";

    /// <summary>The pending rows from the start of the order, page by page; read lazily, so a loop that stops early reads no more.</summary>
    public IEnumerable<OutboxMessage> InOrder()
    {
        var from = OutboxOrder.Key(channel, broadcast: false, 0);
        while (true)
        {
            var page = Page(from);
            foreach (var row in page) yield return row;
            if (page.Count < PageSize) yield break;
            var last = page[^1];
            from = OutboxOrder.Key(channel, last.Kind == OutboxKinds.Broadcast, last.Id + 1);
        }
    }

    /// <summary>One page from <paramref name="from"/> on (inclusive), in the index's order.</summary>
    public List<OutboxMessage> Page(string from) => Query(from).ToList();

    /// <summary>Whether a reply, reminder or alert was queued after row <paramref name="id"/>: one seek, whatever the queue.</summary>
    public bool AnyReplyAfter(long id) => store.Outbox.Exists(RepliesAfter(id));

    /// <summary>What LiteDB plans for the first page (the index it seeks), for the test that holds the query to it.</summary>
    public BsonDocument Plan() => Query(OutboxOrder.Key(channel, broadcast: false, 0)).GetPlan();

    /// <summary>What LiteDB plans for <see cref="AnyReplyAfter"/>.</summary>
    public BsonDocument ReplyAfterPlan(long id) => store.Outbox.Query().Where(RepliesAfter(id)).Limit(1).GetPlan();

    private BsonExpression RepliesAfter(long id) =>
        BsonExpression.Create(InRange, OutboxOrder.Key(channel, broadcast: false, id + 1), OutboxOrder.Key(channel, broadcast: false, long.MaxValue));

    private ILiteQueryableResult<OutboxMessage> Query(string from) =>
        store.Outbox.Query().Where(BsonExpression.Create(InRange, from, OutboxOrder.End(channel))).Limit(PageSize);
}
