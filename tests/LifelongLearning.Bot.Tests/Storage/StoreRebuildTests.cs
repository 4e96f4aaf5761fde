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
        // LiteDB writes the new file as "bot-temp.db" first: a folder of that name makes the rebuild fail.
        Directory.CreateDirectory(Path.Combine(_folder, "bot-temp.db"));

        using (var store = new BotStore(DbPath, Rebuild()))
        {
            Assert.Equal(Answers(), store.Answers.FindAll().Select(a => (a.Id, a.Value.Number)).OrderBy(a => a.Id, StringComparer.Ordinal));
            Assert.Equal(100, store.Received.Count());
            store.Write(() => store.Received.Insert(new ReceivedMessage { Id = "after", At = DateTime.UtcNow }));
        }

        Assert.Equal(before, new FileInfo(DbPath).Length);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error") && l.Contains("could not be rebuilt"));
        using var reopened = new BotStore(DbPath);
        Assert.NotNull(reopened.Received.FindById("after"));
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
