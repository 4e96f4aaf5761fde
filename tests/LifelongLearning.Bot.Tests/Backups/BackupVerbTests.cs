using System.Security.Cryptography;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Backups;

/// <summary>The "backup" and "restore" verbs on a real store file, the way the operator types them.</summary>
public sealed class BackupVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-backup-verb-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 17, 13, 30, 0, TimeSpan.Zero));

    private string Database => Path.Combine(_folder, "data", "bot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Seed(params decimal[] visits)
    {
        using var store = new BotStore(Database);
        store.Write(() =>
        {
            foreach (var (v, i) in visits.Select((v, i) => (v, i)))
                store.Answers.Upsert(new Answer { Id = $"2026-H1/U{i}/TV-LUOT", RoundId = "2026-H1", UnitId = $"U{i}", IndicatorCode = "TV-LUOT", Value = AnswerValue.Of(v) });
        });
    }

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await BackupVerb.RunAsync([.. args, $"--Storage:DatabasePath={Database}"], output, errors, _clock);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_backup_and_a_restore_bring_back_every_answer_and_keep_the_current_file_aside()
    {
        Seed(1250, 980);
        var (code, output, _) = await RunAsync("backup", "--out", Path.Combine(_folder, "usb"));
        Assert.Equal(0, code);
        Assert.Contains("(2 câu trả lời, đã kiểm tra)", output);
        var copy = Assert.Single(Directory.GetFiles(Path.Combine(_folder, "usb")));

        // Later the file is damaged by hand: one answer lost, one changed.
        using (var store = new BotStore(Database))
            store.Write(() => { store.Answers.Delete("2026-H1/U1/TV-LUOT"); store.Answers.Upsert(new Answer { Id = "2026-H1/U0/TV-LUOT", Value = AnswerValue.Of(1) }); });

        (code, output, _) = await RunAsync("restore", "--from", copy);

        Assert.Equal(0, code);
        Assert.Contains("2 câu trả lời", output);
        var aside = Path.Combine(_folder, "data", "bot.truoc-khi-khoi-phuc-20260617-" + _clock.GetLocalNow().ToString("HHmmss") + ".db");
        Assert.Contains(aside, output);
        using (var restored = new BotStore(Database))
            Assert.Equal([980m, 1250m], restored.Answers.FindAll().Select(a => a.Value.Number!.Value).Order());
        using (var kept = new BotStore(aside))
            Assert.Equal([1m], kept.Answers.FindAll().Select(a => a.Value.Number!.Value));
    }

    [Fact]
    public async Task Restore_and_backup_refuse_while_the_bot_holds_the_store_and_change_nothing()
    {
        Seed(1250);
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await RunAsync("backup", "--out", _folder)).Code);
        File.Move(Directory.GetFiles(_folder, "bot-*.db").Single(), copy);

        using (new BotStore(Database))
        {
            var before = Directory.GetFiles(Path.GetDirectoryName(Database)!).Order().ToList();
            var restore = await RunAsync("restore", "--from", copy);
            var backup = await RunAsync("backup", "--out", Path.Combine(_folder, "usb"));

            Assert.Equal((1, 1), (restore.Code, backup.Code));
            Assert.StartsWith("Không khôi phục được: cơ sở dữ liệu đang được bot sử dụng. Hãy dừng bot", restore.Errors);
            Assert.StartsWith("Không sao lưu được: cơ sở dữ liệu đang được bot sử dụng.", backup.Errors);
            Assert.Equal(before, Directory.GetFiles(Path.GetDirectoryName(Database)!).Order().ToList());
            Assert.False(Directory.Exists(Path.Combine(_folder, "usb")));
        }
    }

    [Fact]
    public async Task A_copy_from_a_newer_release_or_not_a_store_is_refused_before_anything_changes()
    {
        Seed(1250);
        var newer = Path.Combine(_folder, "newer.db");
        using (var db = new LiteDatabase(new ConnectionString { Filename = newer }))
            db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schemaVersion", ["Value"] = BotStore.SchemaVersion + 1 });
        var junk = Path.Combine(_folder, "ghi-chu.db");
        await File.WriteAllTextAsync(junk, "không phải cơ sở dữ liệu");
        var before = SHA256.HashData(await File.ReadAllBytesAsync(Database));

        var fromNewer = await RunAsync("restore", "--from", newer);
        var fromJunk = await RunAsync("restore", "--from", junk);

        Assert.Equal((1, 1), (fromNewer.Code, fromJunk.Code));
        Assert.Contains($"lược đồ {BotStore.SchemaVersion + 1}, chương trình này đọc đến {BotStore.SchemaVersion}", fromNewer.Errors);
        Assert.Contains("không phải cơ sở dữ liệu của bot hoặc đã hỏng", fromJunk.Errors);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(Database)));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(Database)!, "*.db"));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task A_verb_without_its_folder_or_file_is_explained(string verb)
    {
        var (code, _, errors) = await RunAsync(verb);
        Assert.Equal(2, code);
        Assert.Contains("Cách dùng:", errors);
    }
}
