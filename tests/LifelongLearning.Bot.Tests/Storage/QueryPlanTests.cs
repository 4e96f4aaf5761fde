using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

/// <summary>
/// The queries the sending loop runs all the time, held to LiteDB's own plan: each seeks an index and reads a
/// page, never every row of the outbox (a full scan made a 10,000-row broadcast cost gigabytes; issue 18).
/// One row per query.
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("query-plan-tests-").FullName;
    private readonly BotStore _store;

    public QueryPlanTests()
    {
        _store = new BotStore(Path.Combine(_folder, "bot.db"));
        var now = new DateTime(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        _store.Write(() => _store.Outbox.InsertBulk(Enumerable.Range(0, 300).Select(i => new OutboxMessage
        {
            Channel = i % 3 == 0 ? "zalo" : "telegram", ChatId = $"{i % 7}", Text = "Xin chào",
            Kind = i % 2 == 0 ? OutboxKinds.Broadcast : OutboxKinds.Reply,
            Status = i % 5 == 0 ? OutboxStatus.Sent : OutboxStatus.Pending, CreatedAt = now, NotBefore = now,
        })));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_outbox_reads_a_page_of_pending_rows_through_the_send_order_index_without_a_scan_or_a_sort()
    {
        var plan = new PendingRows(_store, "telegram").Plan();

        Assert.Equal(OutboxOrder.IndexName, plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL", plan["index"]["mode"].AsString, StringComparison.OrdinalIgnoreCase);
        Assert.False(plan.ContainsKey("orderBy"), $"no sort in memory: {plan}");
        Assert.Equal(PendingRows.PageSize, plan["limit"].AsInt32);
    }

    [Fact]
    public void The_check_for_a_reply_queued_during_a_broadcast_is_one_seek_of_the_same_index()
    {
        var plan = new PendingRows(_store, "telegram").ReplyAfterPlan(150);

        Assert.Equal(OutboxOrder.IndexName, plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL", plan["index"]["mode"].AsString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Pages_hold_one_channels_pending_rows_replies_first_then_announcements_each_oldest_first()
    {
        var read = new PendingRows(_store, "telegram").InOrder().ToList();

        var expected = _store.Outbox.FindAll().Where(m => m.Channel == "telegram" && m.Status == OutboxStatus.Pending)
            .OrderBy(m => m.Kind == OutboxKinds.Broadcast).ThenBy(m => m.Id).Select(m => m.Id).ToList();
        Assert.True(expected.Count > PendingRows.PageSize, "the rows span several pages");
        Assert.Equal(expected, read.Select(m => m.Id).ToList());
    }
}
