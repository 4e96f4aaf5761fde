using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LiteDB;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

/// <summary>
/// Every query the reporting calendar, the events calendar and housekeeping run, each held to LiteDB's own
/// plan on a store with thousands of outbox rows and residents: a query that scans a whole collection costs
/// seconds and gigabytes per tick once a broadcast has queued its rows (issue 18). One row per query; a new
/// query in those loops gets its row here.
/// </summary>
public sealed class LoopQueryPlanTests(LoopQueryPlanTests.SeededStore seeded) : IClassFixture<LoopQueryPlanTests.SeededStore>
{
    private static readonly DateTime Now = new(2026, 6, 20, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// What each loop asks, as it asks it, with the index it must seek: its most selective condition, never
    /// Status = Pending, which is every row of a broadcast being sent.
    /// </summary>
    private static readonly Dictionary<string, (string Index, Func<BotStore, BsonDocument> Plan)> Queries = new()
    {
        // The reporting calendar, every minute.
        ["calendar: open rounds"] = ("Status", s => s.Rounds.Query().Where(r => r.Status == RoundStatus.Open).GetPlan()),
        ["calendar: the units asked (active ones)"] = ("Active", s => s.Units.Query().Where(u => u.Active).GetPlan()),
        ["calendar: a unit's reporters"] = ("UnitId", s => s.Members.Query().Where(m => m.UnitId == "TV-TH" && m.Role == Role.Reporter && m.RemovedAt == null).GetPlan()),
        ["calendar: has the unit reported (its answers)"] = ("_id", s => s.AnswersOf("2026-H1", "TV-TH").GetPlan()),
        ["calendar: a round's answers (digest figures, yearly sums)"] = ("_id", s => s.AnswersOfRound("2026-H1").GetPlan()),
        ["calendar: reminders already sent to a unit"] = ("DedupKey", s => s.OutboxByDedupPrefix("remind:2026-H1:TV-TH:").GetPlan()),
        ["calendar: a message with this key already queued"] = ("DedupKey", s => s.Outbox.Query().Where(m => m.DedupKey == "remind:2026-H1:TV-TH:2026-06-19:7").GetPlan()),
        ["calendar: a member's accounts"] = ("MemberId", s => s.Accounts.Query().Where(a => a.MemberId == "7").GetPlan()),
        ["calendar: a reachable account of a reporter"] = ("MemberId", s => s.Accounts.Query().Where(a => a.MemberId == "7" && a.UnreachableReason == null).GetPlan()),
        ["calendar: the officials (alerts, digests)"] = ("Role", s => s.OfficialsAndAdmins().GetPlan()),
        // The events calendar, every minute.
        ["events: upcoming events"] = ("StartsAt", s => s.Events.Query().Where(e => e.StartsAt >= Now && e.CancelledAt == null).GetPlan()),
        ["events: a plan day already seeded"] = ("PlanKey", s => s.Events.Query().Where(e => e.PlanKey == "ngay-sach:2026").GetPlan()),
        ["events: residents subscribed"] = ("Active", s => s.Subscribers.Query().Where(x => x.Active).GetPlan()),
        ["events: a broadcast's rows"] = ("BroadcastId", s => s.Outbox.Query().Where(m => m.BroadcastId == "event:1:before").GetPlan()),
        ["events: a cancelled event's announcements"] = ("BroadcastId", s => s.OutboxByBroadcastPrefix("event:1:").GetPlan()),
        ["events: a cancelled event's batches not yet written"] = ("BroadcastId", s => s.BroadcastBatchesByPrefix("event:1:").GetPlan()),
        // The broadcast batches, after every commit while a big announcement is being written.
        ["batches: the next batch to write"] = ("_id", s => s.NextBroadcastBatch().GetPlan()),
        ["events: participation figures of a period"] = ("EventDay", s => FiguresBetween(s, new DateOnly(2025, 12, 15), new DateOnly(2026, 6, 14))),
        // Housekeeping, every day.
        ["housekeeping: old keys of received messages"] = ("At", s => s.Received.Query().Where(r => r.At < Now).GetPlan()),
        ["housekeeping: broadcasts not yet reported"] = ("ReportedAt", s => s.Broadcasts.Query().Where(b => b.ReportedAt == null).GetPlan()),
        ["housekeeping: old outbox rows"] = ("CreatedAt", s => s.OutboxCreatedBefore(Now.AddDays(-90)).GetPlan()),
        ["housekeeping: finished exports"] = ("Status", s => s.FinishedExports().GetPlan()),
        ["housekeeping: rows still sending an export's files"] = ("DocumentFileId", s => s.OutboxByDocumentPrefix("exports/1/").GetPlan()),
        ["housekeeping: expired public links"] = ("ExpiresAt", s => s.FileLinks.Query().Where(l => l.ExpiresAt < Now).GetPlan()),
        ["housekeeping: rows sending a photo"] = ("PhotoFileId", s => s.OutboxWithPhoto().GetPlan()),
        ["housekeeping: rows sending this photo"] = ("PhotoFileId", s => s.OutboxWithPhoto("$/photos/zalo-1").GetPlan()),
        ["housekeeping: events with a photo"] = ("PhotoFileId", s => s.EventsWithPhoto().GetPlan()),
        ["housekeeping: announcements and events being written with a photo"] = ("Photo", s => s.ConversationsWithPhoto().GetPlan()),
    };

    public static TheoryData<string> Names => [.. Queries.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_query_of_the_minute_loops_and_housekeeping_seeks_its_index_instead_of_reading_every_row(string query)
    {
        var (index, explain) = Queries[query];
        var plan = explain(seeded.Store);

        // LiteDB says INDEX SEEK for = and a prefix, INDEX SCAN / INDEX RANGE SCAN for a range from a bound,
        // and FULL INDEX SCAN when it walks every row of the collection (a lambda it cannot turn into a bound).
        var mode = plan["index"]["mode"].AsString;
        Assert.False(mode.StartsWith("FULL", StringComparison.Ordinal), $"{query}: {mode}\n{plan}");
        Assert.True(plan["index"]["name"].AsString == index, $"{query}: {mode}, not through the {index} index\n{plan}");
    }

    [Theory]
    [MemberData(nameof(UpgradeTests.Stores), MemberType = typeof(UpgradeTests))]
    public void A_store_written_by_an_earlier_release_gets_these_indexes_when_it_opens(string fixture)
    {
        var folder = Directory.CreateTempSubdirectory("loop-query-plans-upgrade-").FullName;
        try
        {
            var path = Path.Combine(folder, "bot.db");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", fixture), path);
            using (var store = new BotStore(path))
                foreach (var (query, (index, explain)) in Queries)
                    Assert.True(explain(store)["index"]["name"].AsString == index, $"{query} after upgrading {fixture}: {explain(store)["index"]}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_indexed_queries_return_what_the_loops_ask_for()
    {
        var s = seeded.Store;
        Assert.Equal(3, s.OutboxByDedupPrefix("remind:2026-H1:TV-TH:").Count());
        Assert.Equal(s.Answers.Find(a => a.RoundId == "2026-H1" && a.UnitId == "TV-TH").Select(a => a.Id).Order(),
            s.AnswersOf("2026-H1", "TV-TH").ToEnumerable().Select(a => a.Id).Order());
        // A unit whose code starts another's ("TV", "TV-TH") gets only its own.
        Assert.Equal(["2026-H1/TV/TV-HTSD", "2026-H1/TV/TV-LUOT"], s.AnswersOf("2026-H1", "TV").ToEnumerable().Select(a => a.Id).Order());
        Assert.Equal(["1", "2"], s.OfficialsAndAdmins().ToEnumerable().Select(m => m.Id).Order());
        Assert.Equal(s.Outbox.FindAll().Count(m => m.PhotoFileId is { Length: > 0 }), s.OutboxWithPhoto().Count());
        Assert.Equal(s.Outbox.FindAll().Count(m => m.CreatedAt < Now.AddDays(-90)), s.OutboxCreatedBefore(Now.AddDays(-90)).Count());
        Assert.Equal(["2"], s.FinishedExports().ToEnumerable().Select(e => e.Id.ToString()));
        Assert.Equal(["8", "9"], s.ConversationsWithPhoto().ToEnumerable().Select(c => c.Id).Order());
        Assert.Equal(1, s.OutboxByDocumentPrefix("exports/1/").Count());
        Assert.Equal(10, s.BroadcastBatchesByPrefix("event:1:").Count());
        Assert.Equal(s.BroadcastBatches.FindAll().Min(b => b.Id), s.NextBroadcastBatch().First().Id);
    }

    /// <summary>A commune's store after a broadcast: 3,000 residents, 6,000 outbox rows, a round's answers.</summary>
    public sealed class SeededStore : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("loop-query-plans-").FullName;

        public BotStore Store { get; }

        public SeededStore()
        {
            Store = new BotStore(Path.Combine(_folder, "bot.db"));
            var s = Store;
            s.Write(() =>
            {
                s.Members.Insert(new Member { Id = "1", Name = "Cán bộ", Role = Role.Official });
                s.Members.Insert(new Member { Id = "2", Name = "Quản trị", Role = Role.Admin });
                s.Members.Insert(new Member { Id = "7", Name = "Cô Hạnh", Role = Role.Reporter, UnitId = "TV-TH" });
                s.Members.InsertBulk(Enumerable.Range(100, 3000).Select(i => new Member { Id = $"{i}", Name = $"Người dân {i}", Role = Role.Resident }));
                s.Outbox.InsertBulk(Enumerable.Range(0, 6000).Select(i => new OutboxMessage
                {
                    Channel = "telegram", ChatId = $"{100 + i % 3000}", Text = "Thông báo", Kind = OutboxKinds.Broadcast,
                    BroadcastId = $"event:{i % 4}:before", Status = i % 3 == 0 ? OutboxStatus.Pending : OutboxStatus.Sent,
                    PhotoFileId = i % 500 == 0 ? $"$/photos/zalo-{i}" : null,
                    CreatedAt = Now.AddDays(-(i % 200)), NotBefore = Now,
                }));
                foreach (var day in new[] { "2026-06-12", "2026-06-15", "2026-06-19" })
                    s.Outbox.Insert(new OutboxMessage { Channel = "telegram", ChatId = "7", Text = "Nhắc", Kind = OutboxKinds.Reminder, DedupKey = $"remind:2026-H1:TV-TH:{day}:7", Status = OutboxStatus.Sent, CreatedAt = Now, NotBefore = Now });
                s.Outbox.Insert(new OutboxMessage { Channel = "telegram", ChatId = "1", Text = "Tệp", DocumentFileId = "exports/1/bao-cao.docx", Status = OutboxStatus.Pending, CreatedAt = Now, NotBefore = Now });
                foreach (var unit in new[] { "TV", "TV-TH", "TV-THCS" })
                    foreach (var code in new[] { "TV-HTSD", "TV-LUOT" })
                        s.Answers.Insert(new Answer { Id = Answer.IdOf("2026-H1", unit, code), RoundId = "2026-H1", UnitId = unit, IndicatorCode = code });
                s.BroadcastBatches.InsertBulk(Enumerable.Range(0, 40).Select(i => new BroadcastBatch
                {
                    BroadcastId = $"event:{i % 4}:before", AccountIds = [.. Enumerable.Range(0, 100).Select(n => $"telegram:{100 + n}")],
                }));
                s.Exports.Insert(new ExportRequest { Id = 1, Status = ExportStatus.Pending });
                s.Exports.Insert(new ExportRequest { Id = 2, Status = ExportStatus.Done });
                s.Conversations.InsertBulk(Enumerable.Range(100, 3000).Select(i => new Conversation { Id = $"{i}" }));
                s.Conversations.Insert(new Conversation { Id = "8", Mode = ConversationMode.Announcing, Photo = "zalo:https://anh" });
                s.Conversations.Insert(new Conversation { Id = "9", Mode = ConversationMode.AddingEvent, Photo = "telegram:abc", Event = new() { Title = "Ngày sách" } });
            });
        }

        public void Dispose()
        {
            Store.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    // As EventFigures.Between asks: LiteDB turns a captured day into a value (its mapper's), not `new DateOnly(…)` written in the lambda.
    private static BsonDocument FiguresBetween(BotStore s, DateOnly from, DateOnly to) =>
        s.EventFigures.Query().Where(f => f.EventDay >= from && f.EventDay <= to).GetPlan();
}
