using System.Security.Cryptography;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Core;
using LifelongLearning.Bot.Tests.Storage.Fixtures;
using LifelongLearning.Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

/// <summary>
/// A store written by an earlier release opens in this one with everything people gave still there; one from a
/// newer release is refused untouched. Each release that changes the schema adds its own fixture (FixtureWriter).
/// </summary>
public sealed class UpgradeTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures");

    public static TheoryData<string> Stores() => [.. Directory.GetFiles(Fixtures, "store-v*.db").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_store_of_an_earlier_release_keeps_every_answer_revision_member_account_and_pending_message(string fixture)
    {
        var expected = StoreManifest.Read(Path.Combine(Fixtures, Path.ChangeExtension(fixture, ".json")));
        var clock = new FakeTimeProvider(FixtureWriter.At.AddDays(1));

        await using var host = await EngineHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:PlanPath"] = DefaultPlan.Path },
            s => s.AddSingleton<TimeProvider>(clock), Path.Combine(Fixtures, fixture));

        var actual = StoreManifest.Of(host.Store);
        Assert.Equal(BotStore.SchemaVersion, actual.SchemaVersion);
        Assert.Equal(expected.Answers, actual.Answers);
        // Answers stored before the approximation word was kept load as exact figures, not as estimates.
        Assert.All(host.Store.Answers.FindAll(), a => Assert.Null(a.Value.Approximation));
        Assert.Equal(expected.Members, actual.Members);
        Assert.Equal(expected.Accounts, actual.Accounts);
        Assert.Equal(expected.PendingOutbox, actual.PendingOutbox);
        foreach (var kind in new[] { "answers", "revisions", "members", "accounts", "pendingOutbox", "broadcasts", "rounds" })
            Assert.Equal((kind, expected.Counts[kind]), (kind, actual.Counts[kind]));
        // The plan's days of next year may be seeded on top; none of the fixture's events is lost.
        Assert.True(actual.Counts["events"] >= expected.Counts["events"]);
        // Local days were stored as DateTimes before DateOnly; they read back as the same days: a round's deadline is
        // the plan's, its closing that many days after, and the learning week still lasts its seven days.
        var plan = host.Services.GetRequiredService<LifelongLearning.Bot.Core.Plans.Plan>();
        Assert.All(host.Store.Rounds.FindAll(), r =>
        {
            Assert.Equal(plan.DeadlineFor(r.Period), r.Deadline);
            Assert.Equal(r.Deadline.AddDays(plan.Schedule.CloseDaysAfterDeadline), r.ClosesOn);
        });
        Assert.All(host.Store.Events.Find(e => e.LastDay != null), e =>
            Assert.Equal(6, e.LastDay!.Value.DayNumber - DateOnly.FromDateTime(e.StartsAt.AddHours(7)).DayNumber));
    }

    [Fact]
    public async Task A_store_of_a_newer_release_is_refused_with_a_Vietnamese_message_and_left_as_it_was()
    {
        var folder = Directory.CreateTempSubdirectory("llb-newer-").FullName;
        try
        {
            var path = Path.Combine(folder, "bot.db");
            // The newest fixture by its version's number ("store-v15" after "store-v6"), not by the file name's letters.
            File.Copy(Directory.GetFiles(Fixtures, "store-v*.db").MaxBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)["store-v".Length..], System.Globalization.CultureInfo.InvariantCulture))!, path);
            using (var db = new LiteDatabase(new ConnectionString { Filename = path }))
                db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schemaVersion", ["Value"] = BotStore.SchemaVersion + 1 });
            var before = SHA256.HashData(await File.ReadAllBytesAsync(path));

            var refused = await Assert.ThrowsAsync<StoreTooNewException>(() => EngineHostOn(path));

            Assert.Contains($"lược đồ {BotStore.SchemaVersion + 1}, chương trình này đọc đến {BotStore.SchemaVersion}", refused.Message);
            Assert.Contains("tệp chưa bị thay đổi", refused.Message);
            Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(path)));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static async Task EngineHostOn(string path)
    {
        await using var host = await EngineHost.StartAsync(new Dictionary<string, string?> { ["Bot:PlanPath"] = DefaultPlan.Path }, database: path);
    }
}
