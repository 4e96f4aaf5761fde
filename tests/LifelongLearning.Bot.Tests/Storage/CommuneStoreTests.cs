using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Storage.Fixtures;
using LiteDB;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

/// <summary>
/// Every record that belongs to a commune says which, a store of an earlier release gives all its records to the
/// shipped commune, and one commune's view of the store neither reads nor changes another's rows.
/// </summary>
public sealed class CommuneStoreTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures");
    private readonly string _folder = Directory.CreateTempSubdirectory("commune-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Stores() => [.. Directory.GetFiles(Fixtures, "store-v*.db").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Stores))]
    public void An_earlier_store_gives_every_record_to_the_shipped_commune_and_the_commune_sees_all_of_it(string fixture)
    {
        var expected = StoreManifest.Read(Path.Combine(Fixtures, Path.ChangeExtension(fixture, ".json")));
        var path = Path.Combine(_folder, "bot.db");
        File.Copy(Path.Combine(Fixtures, fixture), path);

        using var store = new BotStore(path);

        foreach (var name in new[] { "units", "members", "accounts", "rounds", "answers", "invites", "subscribers", "events", "eventFigures", "broadcasts", "exports", "outbox" })
            Assert.All(store.Database.GetCollection(name).FindAll(), d => Assert.Equal((name, "tan-ky"), (name, d["CommuneId"].AsString)));
        Assert.Equal(expected.Answers, StoreManifest.Of(store).Answers);
        var shipped = store.For(Communes.Shipped);
        Assert.Equal(
            (expected.Counts["answers"], expected.Counts["members"], expected.Counts["accounts"], expected.Counts["rounds"], expected.Counts["broadcasts"]),
            (shipped.Answers.Count(), shipped.Members.Count(), shipped.Accounts.Count(), shipped.Rounds.Count(), shipped.Broadcasts.Count()));
        Assert.Equal(expected.Counts["pendingOutbox"], shipped.Outbox.Count(m => m.Status == OutboxStatus.Pending));
        var other = store.For("an-lao");
        Assert.Equal((0, 0, 0), (other.Answers.Count(), other.Members.Count(), other.Units.FindAll().Count()));
    }

    [Fact]
    public void A_commune_reads_only_its_own_rows_and_cannot_change_another_communes()
    {
        using var store = new BotStore(Path.Combine(_folder, "bot.db"));
        var tanKy = store.For(Communes.Shipped);
        var anLao = store.For("an-lao");
        store.Write(() =>
        {
            tanKy.Units.Insert(new UnitRecord { Id = "TV-XA", Name = "Thư viện xã Tân Kỳ", Kind = "thu-vien-xa" });
            anLao.Members.Insert(new Member { Id = "m-an-lao", Name = "Cán bộ An Lão", Role = Role.Official });
        });

        Assert.Equal("an-lao", store.Members.FindById("m-an-lao").CommuneId);
        Assert.Null(anLao.Units.FindById("TV-XA"));
        Assert.Empty(anLao.Units.Find(u => u.Kind == "thu-vien-xa"));
        Assert.Null(tanKy.Members.FindById("m-an-lao"));
        Assert.False(tanKy.Members.Exists(m => m.Role == Role.Official));

        var renamed = new UnitRecord { Id = "TV-XA", Name = "Đổi tên từ xã khác", Kind = "thu-vien-xa" };
        Assert.False(store.Write(() => anLao.Units.Update(renamed)));
        Assert.False(store.Write(() => anLao.Units.Delete("TV-XA")));
        Assert.Throws<InvalidOperationException>(() => store.Write(() => anLao.Units.Upsert(new UnitRecord { Id = "TV-XA", Name = "Chiếm", Kind = "thu-vien-xa" })));

        var unit = store.Units.FindById("TV-XA");
        Assert.Equal(("Thư viện xã Tân Kỳ", "tan-ky"), (unit.Name, unit.CommuneId));
    }
}
