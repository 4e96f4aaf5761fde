using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LiteDB;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

/// <summary>
/// The reads every message makes (issue 18): a row the turn then writes is read through its collection's write
/// snapshot, and a prefix is a parameter of one expression rather than text parsed anew for every unit. Each must
/// still find what LiteDB's own calls find, by the same index.
/// </summary>
public sealed class HotPathQueryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hot-path-query-tests-").FullName;
    private readonly BotStore _store;

    public HotPathQueryTests()
    {
        _store = new BotStore(Path.Combine(_folder, "bot.db"));
        _store.Write(() =>
        {
            _store.Received.Insert(new ReceivedMessage { Id = "telegram:1:7", At = DateTime.UtcNow });
            _store.Conversations.Insert(new Conversation { Id = "7", Mode = ConversationMode.Reporting });
            foreach (var (unit, code) in new[] { ("TV-TH", "a"), ("TV-TH", "b"), ("TV-THX", "a"), ("O'Neil", "a") })
                _store.Answers.Insert(new Answer { Id = Answer.IdOf("2026-H1", unit, code), RoundId = "2026-H1", UnitId = unit, IndicatorCode = code });
        });
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_row_read_for_writing_is_the_row_LiteDB_finds_by_its_id_and_a_missing_one_is_null()
    {
        _store.Write(() =>
        {
            Assert.NotNull(_store.Received.FindForWrite("telegram:1:7"));
            Assert.Null(_store.Received.FindForWrite("telegram:1:8"));
            Assert.Equal(ConversationMode.Reporting, _store.Conversations.FindForWrite("7")!.Mode);
        });
    }

    [Fact]
    public void A_row_read_for_writing_and_then_written_is_stored_once_the_write_commits_and_not_if_it_throws()
    {
        _store.Write(() =>
        {
            var c = _store.Conversations.FindForWrite("7")!;
            c.Mode = ConversationMode.Idle;
            _store.Conversations.Upsert(c);
            _store.Received.Insert(new ReceivedMessage { Id = "telegram:1:9", At = DateTime.UtcNow });
        });
        Assert.Throws<InvalidOperationException>(() => _store.Write(() =>
        {
            var c = _store.Conversations.FindForWrite("7")!;
            c.Mode = ConversationMode.Announcing;
            _store.Conversations.Upsert(c);
            throw new InvalidOperationException("rolled back");
        }));

        Assert.Equal(ConversationMode.Idle, _store.Read(() => _store.Conversations.FindById("7")).Mode);
        Assert.NotNull(_store.Read(() => _store.Received.FindById("telegram:1:9")));
    }

    [Fact]
    public void A_units_answers_are_found_by_their_id_prefix_and_not_a_unit_whose_code_only_begins_the_same()
    {
        var ids = _store.Read(() => _store.AnswersOf("2026-H1", "TV-TH").ToEnumerable().Select(a => a.Id).ToList());
        Assert.Equal([Answer.IdOf("2026-H1", "TV-TH", "a"), Answer.IdOf("2026-H1", "TV-TH", "b")], ids.Order());
        Assert.Single(_store.Read(() => _store.AnswersOf("2026-H1", "O'Neil").ToList()));
        Assert.Equal(4, _store.Read(() => _store.AnswersOfRound("2026-H1").Count()));
        Assert.Empty(_store.Read(() => _store.AnswersOfRound("2026-H").ToList()));
    }

    [Fact]
    public void The_reads_for_writing_and_the_prefix_reads_seek_the_id_index()
    {
        var byId = _store.Read(() => _store.Received.Query().Where(BsonExpression.Create("_id = @0", new BsonValue("telegram:1:7"))).GetPlan());
        var prefix = _store.Read(() => _store.AnswersOf("2026-H1", "TV-TH").GetPlan());
        foreach (var plan in new[] { byId, prefix })
        {
            Assert.Equal("_id", plan["index"]["name"].AsString);
            Assert.StartsWith("INDEX SEEK", plan["index"]["mode"].AsString, StringComparison.Ordinal);
        }
    }
}
