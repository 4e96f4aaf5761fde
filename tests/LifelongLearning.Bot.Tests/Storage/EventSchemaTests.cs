using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

/// <summary>Schema version 5: events and their figures, and broadcasts that count their settled rows.</summary>
public sealed class EventSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("llb-schema5-").FullName;

    private string DbPath => Path.Combine(_folder, "bot.db");

    [Fact]
    public void A_broadcast_under_way_when_upgrading_from_version_2_keeps_its_count_of_settled_rows()
    {
        using (var store = new BotStore(DbPath))
            store.Write(() =>
            {
                store.Broadcasts.Insert(new Broadcast { Id = "b1", OfficialId = "1", Recipients = 3 });
                foreach (var status in new[] { OutboxStatus.Sent, OutboxStatus.Unreachable, OutboxStatus.Pending })
                    store.Outbox.Insert(new OutboxMessage { Channel = "telegram", ChatId = "1", BroadcastId = "b1", Kind = OutboxKinds.Broadcast, Status = status });
                store.Meta.Upsert(new MetaRecord { Id = "schemaVersion", Value = 2 });
            });

        using var reopened = new BotStore(DbPath);

        Assert.Equal(BotStore.SchemaVersion, reopened.Meta.FindById("schemaVersion").Value);
        Assert.Equal(2, reopened.Broadcasts.FindById("b1").Settled);
        Assert.Contains(reopened.Database.GetCollection("$indexes").FindAll(), i => i["collection"] == "events" && i["name"] == "PlanKey");
    }

    [Fact]
    public void An_event_and_its_figure_with_revisions_round_trip()
    {
        var at = new DateTime(2026, 4, 20, 1, 0, 0, DateTimeKind.Utc);
        int id;
        using (var store = new BotStore(DbPath))
        {
            id = store.Write(() => store.Events.Insert(new EventRecord
            {
                Title = "Ngày hội đọc sách", StartsAt = at, AllDay = false, Area = "Thôn 1", PhotoFileId = "telegram:AgAC", OrganiserUnitId = "NVH-1", CreatedBy = "2", CreatedAt = at,
            }).AsInt32);
            store.Write(() => store.EventFigures.Insert(new EventFigure
            {
                Id = EventFigure.IdOf(id, "NVH-1"), EventId = id, UnitId = "NVH-1", EventDay = new DateOnly(2026, 4, 19), Participants = 135,
                Revisions = [new() { Participants = 120, MemberId = "3", MemberName = "Anh Tùng", Channel = "telegram", At = at }, new() { Participants = 135, MemberId = "3", MemberName = "Anh Tùng", Channel = "zalo", At = at }],
            }));
        }

        using var reopened = new BotStore(DbPath);
        var e = reopened.Events.FindById(id);
        Assert.Equal(("Ngày hội đọc sách", at, "Thôn 1", "telegram:AgAC", "NVH-1"), (e.Title, e.StartsAt, e.Area, e.PhotoFileId, e.OrganiserUnitId));
        var figure = reopened.EventFigures.FindById(EventFigure.IdOf(id, "NVH-1"));
        Assert.Equal(135, figure.Participants);
        Assert.Equal(["telegram", "zalo"], figure.Revisions.Select(r => r.Channel));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
