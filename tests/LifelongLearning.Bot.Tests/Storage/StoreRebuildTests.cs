using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

public sealed class StoreRebuildTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("store-rebuild-tests-").FullName;
    private readonly CapturedLogs _logs = new();

    private string DbPath => Path.Combine(_folder, "bot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_store_with_much_deleted_data_shrinks_after_the_rebuild_and_keeps_every_answer()
    {
        StoreWithMuchDeleted();
        var before = new FileInfo(DbPath).Length;

        using (var store = new BotStore(DbPath, Rebuild()))
        {
            Assert.Equal(Answers(), store.Answers.FindAll().Select(a => (a.Id, a.Value.Number)).OrderBy(a => a.Id, StringComparer.Ordinal));
            Assert.Equal(100, store.Received.Count());
            using var kept = new MemoryStream();
            store.Files.Download("exports/0/bao-cao.docx", kept);
            Assert.Equal(RandomBytes(1024 * 1024, 0), kept.ToArray());
        }

        var after = new FileInfo(DbPath).Length;
        Assert.True(after < before / 3, $"{before} bytes before, {after} after");
        Assert.Equal(before, new FileInfo(StoreRebuild.BackupPathOf(DbPath)).Length);
        Assert.Contains(_logs.Lines, l => l.Contains("rebuilt") && l.Contains($"BytesBefore={before}") && l.Contains($"BytesAfter={after}"));
    }

    [Fact]
    public void A_store_with_little_free_space_is_left_alone()
    {
        StoreWithMuchDeleted(prune: false);
        var before = new FileInfo(DbPath).Length;

        using (new BotStore(DbPath, Rebuild())) { }

        Assert.Equal(before, new FileInfo(DbPath).Length);
        Assert.False(File.Exists(StoreRebuild.BackupPathOf(DbPath)));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("rebuilt"));
    }

    [Fact]
    public void A_rebuild_that_fails_leaves_the_store_as_it_was_and_the_bot_opens_it()
    {
        StoreWithMuchDeleted();
        var before = new FileInfo(DbPath).Length;
        // The old file is moved to the backup's name before the copy takes its place: a folder of that name
        // makes the swap fail after the copy was written.
        Directory.CreateDirectory(StoreRebuild.BackupPathOf(DbPath));

        using (var store = new BotStore(DbPath, Rebuild()))
        {
            Assert.Equal(Answers(), store.Answers.FindAll().Select(a => (a.Id, a.Value.Number)).OrderBy(a => a.Id, StringComparer.Ordinal));
            Assert.Equal(100, store.Received.Count());
            store.Write(() => store.Received.Insert(new ReceivedMessage { Id = "after", At = DateTime.UtcNow }));
        }

        Assert.Equal(before, new FileInfo(DbPath).Length);
        Assert.False(File.Exists(StoreRebuild.CopyPathOf(DbPath)));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error") && l.Contains("could not be rebuilt"));
        using var reopened = new BotStore(DbPath);
        Assert.NotNull(reopened.Received.FindById("after"));
    }

    [Fact]
    public void A_store_whose_outbox_held_many_rows_shrinks_and_keeps_its_rows_version_and_indexes()
    {
        // LiteDB's own Rebuild throws "Detected loop in FindAll" here (#2827): an indexed collection past 2,550 rows.
        using (var store = new BotStore(DbPath))
        {
            store.Write(() => store.Outbox.InsertBulk(Enumerable.Range(0, 15_000).Select(OutboxRow)));
            store.Write(() => store.Outbox.DeleteMany(m => m.Id > 3_000));
        }
        var before = new FileInfo(DbPath).Length;
        var (rows, version, indexes) = Contents();

        using (new BotStore(DbPath, Rebuild())) { }

        Assert.True(new FileInfo(DbPath).Length < before / 2, $"{before} bytes before, {new FileInfo(DbPath).Length} after");
        var (rowsAfter, versionAfter, indexesAfter) = Contents();
        Assert.Equal(3_000, rowsAfter.Count(r => r.StartsWith("outbox ")));
        Assert.Equal(rows, rowsAfter);
        Assert.Equal(version, versionAfter);
        Assert.Equal(indexes, indexesAfter);
        Assert.Contains(_logs.Lines, l => l.Contains("rebuilt"));
        // The outbox goes on numbering after its last row, as before the rebuild.
        using var reopened = new BotStore(DbPath);
        reopened.Write(() => reopened.Outbox.Insert(OutboxRow(0)));
        Assert.Equal(3_001, reopened.Outbox.Max(m => m.Id));
    }

    [Fact]
    public void A_crash_after_the_old_file_was_moved_aside_is_finished_at_the_next_start()
    {
        StoreWithMuchDeleted();
        using (new BotStore(DbPath, Rebuild())) { }
        // The state between the two renames: the store's name free, the checked copy beside it.
        File.Move(DbPath, StoreRebuild.CopyPathOf(DbPath));

        using var store = new BotStore(DbPath);

        Assert.Equal(Answers(), store.Answers.FindAll().Select(a => (a.Id, a.Value.Number)).OrderBy(a => a.Id, StringComparer.Ordinal));
        Assert.Equal(100, store.Received.Count());
        Assert.False(File.Exists(StoreRebuild.CopyPathOf(DbPath)));
    }

    [Fact]
    public void A_copy_left_unfinished_by_a_crash_is_dropped_and_the_next_rebuild_runs()
    {
        StoreWithMuchDeleted();
        var before = new FileInfo(DbPath).Length;
        File.WriteAllBytes(StoreRebuild.CopyPathOf(DbPath), RandomBytes(8192, 7));

        using (var store = new BotStore(DbPath, Rebuild()))
            Assert.Equal(Answers(), store.Answers.FindAll().Select(a => (a.Id, a.Value.Number)).OrderBy(a => a.Id, StringComparer.Ordinal));

        Assert.True(new FileInfo(DbPath).Length < before / 3);
        Assert.False(File.Exists(StoreRebuild.CopyPathOf(DbPath)));
    }

    private static OutboxMessage OutboxRow(int i) => new()
    {
        Channel = "telegram", ChatId = $"{i % 700}", Text = $"Tin số {i}: " + new string('x', 400), Kind = OutboxKinds.Broadcast,
        BroadcastId = $"b{i / 1000}", DedupKey = $"broadcast:{i}", Status = i % 3 == 0 ? OutboxStatus.Sent : OutboxStatus.Pending,
        CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i), NotBefore = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>Every collection's rows as stored, the schema's version and every index, read straight from the file.</summary>
    private (List<string> Rows, int Version, List<string> Indexes) Contents()
    {
        using var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = DbPath, Connection = LiteDB.ConnectionType.Direct, ReadOnly = true });
        var rows = db.GetCollectionNames().Order(StringComparer.Ordinal)
            .SelectMany(c => db.GetCollection(c).FindAll().Select(d => c + " " + LiteDB.JsonSerializer.Serialize(d))).ToList();
        var indexes = db.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}={i["expression"].AsString}")
            .Order(StringComparer.Ordinal).ToList();
        return (rows, db.UserVersion, indexes);
    }

    private StoreRebuild Rebuild() => new(50, 0, _logs.CreateLogger(nameof(StoreRebuild)));

    private static IEnumerable<(string Id, decimal? Number)> Answers() =>
        Enumerable.Range(0, 300).Select(i => (Answer.IdOf("2026-H1", $"TV-{i / 20:00}", $"IND-{i % 20:00}"), (decimal?)i)).OrderBy(a => a.Item1, StringComparer.Ordinal);

    private static Answer AnswerOf(string id, decimal number) => new() { Id = id, Value = AnswerValue.Of(number), FirstConfirmedAt = DateTime.UtcNow };

    /// <summary>300 answers and 100 received keys kept; six exports of a megabyte stored and all but one pruned (what a year of housekeeping leaves).</summary>
    private void StoreWithMuchDeleted(bool prune = true)
    {
        using var store = new BotStore(DbPath);
        store.Write(() => store.Answers.InsertBulk(Answers().Select(a => AnswerOf(a.Id, a.Number!.Value))));
        store.Write(() => store.Received.InsertBulk(Enumerable.Range(0, 100).Select(i => new ReceivedMessage { Id = $"telegram:{i}", At = DateTime.UtcNow })));
        for (var i = 0; i < 6; i++)
            store.Write(() => store.Files.Upload($"exports/{i}/bao-cao.docx", "bao-cao.docx", new MemoryStream(RandomBytes(1024 * 1024, i))));
        if (prune) store.Write(() => { for (var i = 1; i < 6; i++) store.Files.Delete($"exports/{i}/bao-cao.docx"); });
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
