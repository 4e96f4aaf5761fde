using System.Globalization;
using LifelongLearning.Bot.Core.Conversations;
using LiteDB;

namespace LifelongLearning.Bot.Storage;

/// <summary>
/// Brings a database written by an older build up to this one. Each step runs once, in order, and the
/// version it reached is kept in "meta"; add a step at the end, never change one that has shipped.
/// </summary>
internal static class Migrations
{
    public const string SchemaVersionKey = "schemaVersion";

    private static readonly (int Version, Action<BotStore> Apply)[] Steps =
    [
        (1, CreateIndexes),
        (2, s => s.Broadcasts.EnsureIndex(b => b.ReportedAt)),
        (3, s => s.Exports.EnsureIndex(e => e.Status)),
        (4, s => s.FileLinks.EnsureIndex(l => l.ExpiresAt)),
        (5, EventIndexes),
        (6, BroadcastsWithoutOfficial),
        (7, WebSignIn),
        (8, s => s.Outbox.EnsureIndex(OutboxOrder.IndexName, OutboxOrder.Expression)),
        (9, TypedEventDrafts),
        (10, LoopIndexes),
        (11, s => s.Accounts.EnsureIndex(a => a.MenuDue)),
        (13, CommuneOwnership),
        (14, FlowDrafts),
        (15, s => s.BroadcastBatches.EnsureIndex(b => b.BroadcastId)),
    ];

    public static int Latest => Steps[^1].Version;

    public static void Apply(BotStore store)
    {
        var current = store.Meta.FindById(SchemaVersionKey)?.Value ?? 0;
        if (current > Latest) throw new StoreTooNewException("", current); // BotStore refuses it before opening; kept as a guard
        foreach (var (version, apply) in Steps.Where(s => s.Version > current))
        {
            store.Write(() =>
            {
                apply(store);
                store.Meta.Upsert(new MetaRecord { Id = SchemaVersionKey, Value = version });
            });
        }
    }

    /// <summary>Plan days found by their key when seeded again; event figures by event; pending rows by chat for /ngung.</summary>
    private static void EventIndexes(BotStore s)
    {
        s.Events.EnsureIndex(e => e.PlanKey);
        s.EventFigures.EnsureIndex(f => f.EventId);
        s.EventFigures.EnsureIndex(f => f.EventDay);
        s.Outbox.EnsureIndex(m => m.ChatId);
        // Broadcasts still being sent when the database is upgraded: count what is already settled.
        foreach (var b in s.Broadcasts.Find(b => b.ReportedAt == null).ToList())
        {
            b.Settled = s.Outbox.Count(m => m.BroadcastId == b.Id && m.Status != OutboxStatus.Pending);
            s.Broadcasts.Update(b);
        }
    }

    /// <summary>
    /// Builds before 6 stored "" as null, so a calendar broadcast (no official to report to) came back with a
    /// null OfficialId; give those their "" so the property holds what its type says.
    /// </summary>
    private static void BroadcastsWithoutOfficial(BotStore s)
    {
        var raw = s.Database.GetCollection("broadcasts");
        foreach (var doc in raw.FindAll().ToList())
        {
            if (doc.TryGetValue(nameof(Broadcast.OfficialId), out var id) && !id.IsNull) continue;
            doc[nameof(Broadcast.OfficialId)] = "";
            raw.Update(doc);
        }
    }

    /// <summary>The web page's sign-in links and sessions, pruned by their expiry.</summary>
    private static void WebSignIn(BotStore s)
    {
        s.WebLinks.EnsureIndex(l => l.ExpiresAt);
        s.WebSessions.EnsureIndex(x => x.ExpiresAt);
    }

    /// <summary>
    /// Builds before 9 kept the event an official was adding as text by field name ("startsAt" an ISO string,
    /// "allDay" "1" or "0", "unit"); give a draft in progress its typed fields, so it resumes where it was.
    /// </summary>
    private static void TypedEventDrafts(BotStore s)
    {
        var raw = s.Database.GetCollection("conversations");
        foreach (var doc in raw.FindAll().ToList())
        {
            if (!doc.TryGetValue("EventDraft", out var value) || !value.IsDocument) continue;
            var old = value.AsDocument;
            string? Text(string key) => old.TryGetValue(key, out var v) && v.IsString ? v.AsString : null;
            var typed = new BsonDocument
            {
                [nameof(EventDraft.Title)] = Text("title"),
                [nameof(EventDraft.StartsAt)] = Text("startsAt") is { } iso
                    ? new BsonValue(DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime())
                    : BsonValue.Null,
                [nameof(EventDraft.AllDay)] = Text("allDay") == "1",
                [nameof(EventDraft.Place)] = Text("place"),
                [nameof(EventDraft.Description)] = Text("description"),
                ["Photo"] = Text("photo"),
                [nameof(EventDraft.Area)] = Text("area"),
                [nameof(EventDraft.OrganiserUnitId)] = Text("unit"),
            };
            doc["EventDraft"] = typed;
            raw.Update(doc);
        }
    }

    /// <summary>What the calendar, events and housekeeping loops look rows up by (IndexedQueries), so none reads every row.</summary>
    private static void LoopIndexes(BotStore s)
    {
        s.Units.EnsureIndex(u => u.Active);
        s.Outbox.EnsureIndex(m => m.DocumentFileId);
        s.Outbox.EnsureIndex(m => m.PhotoFileId);
        s.Outbox.EnsureIndex(m => m.CreatedAt);
        s.Events.EnsureIndex(e => e.PhotoFileId);
        s.Conversations.EnsureIndex("AnnouncementPhoto", "$.AnnouncementPhoto");
        s.Conversations.EnsureIndex("EventDraftPhoto", "$.EventDraft.Photo");
    }

    /// <summary>
    /// Builds before 14 kept an announcement's text, village and photo, an event's step and an event's photo as
    /// fields of the conversation by flow (AnnouncementText, EventStep, EventDraft.Photo...). Each flow now has
    /// its typed draft, the step and the photo are the conversation's: a flow in progress resumes where it was.
    /// </summary>
    private static void FlowDrafts(BotStore s)
    {
        var raw = s.Database.GetCollection("conversations");
        foreach (var doc in raw.FindAll().ToList())
        {
            // Only what an older build wrote is moved: a field already in the new shape is left as it is.
            if (!new[] { "AnnouncementText", "AnnouncementArea", "AnnouncementPhoto", "EventStep", "EventDraft" }.Any(doc.ContainsKey)) continue;
            BsonValue Take(BsonDocument d, string key)
            {
                var v = d.TryGetValue(key, out var found) ? found : BsonValue.Null;
                d.Remove(key);
                return v;
            }
            var text = Take(doc, "AnnouncementText");
            var area = Take(doc, "AnnouncementArea");
            var announcementPhoto = Take(doc, "AnnouncementPhoto");
            var hadStep = doc.ContainsKey("EventStep");
            var eventStep = Take(doc, "EventStep");
            var eventDraft = Take(doc, "EventDraft");
            var eventPhoto = eventDraft.IsDocument ? Take(eventDraft.AsDocument, "Photo") : BsonValue.Null;
            var mode = doc.TryGetValue(nameof(Conversation.Mode), out var m) && m.IsString ? m.AsString : "";
            doc[nameof(Conversation.Announcement)] = new BsonDocument
            {
                [nameof(AnnouncementDraft.Text)] = text,
                [nameof(AnnouncementDraft.Area)] = area,
            };
            if (eventDraft.IsDocument) doc[nameof(Conversation.Event)] = eventDraft;
            var photo = announcementPhoto.IsString && announcementPhoto.AsString.Length > 0 ? announcementPhoto : eventPhoto;
            if (!photo.IsNull) doc[nameof(Conversation.Photo)] = photo;
            var offered = doc.TryGetValue(nameof(Conversation.NumberedChoices), out var choices) && choices.IsArray && choices.AsArray.Count > 0;
            // An announcement's step was read from its fields: no text yet, the text; villages offered, the village; else the preview.
            if (mode == nameof(ConversationMode.Announcing)) doc[nameof(Conversation.Step)] = text.IsNull ? 0 : offered ? 1 : 2;
            else if (mode == nameof(ConversationMode.AddingEvent) && hadStep && eventStep.IsNumber) doc[nameof(Conversation.Step)] = eventStep.AsInt32;
            raw.Update(doc);
        }
        s.Conversations.DropIndex("AnnouncementPhoto");
        s.Conversations.DropIndex("EventDraftPhoto");
        s.Conversations.EnsureIndex(c => c.Photo);
    }

    /// <summary>The collections whose rows belong to a commune (<see cref="ICommuneOwned"/>), as step 13 named them.</summary>
    internal static readonly string[] CommuneCollections =
        ["units", "members", "accounts", "rounds", "answers", "invites", "subscribers", "events", "eventFigures", "broadcasts", "exports", "outbox"];

    /// <summary>
    /// Before 13 a store held one commune, the shipped one: every row it has is that commune's. Each commune's
    /// view reads by the new index, so a commune's query never scans another's rows.
    /// </summary>
    private static void CommuneOwnership(BotStore s)
    {
        foreach (var name in CommuneCollections)
        {
            var raw = s.Database.GetCollection(name);
            raw.UpdateMany(
                BsonExpression.Create("{ CommuneId: @0 }", new BsonValue("tan-ky")),
                BsonExpression.Create("$.CommuneId = null"));
            raw.EnsureIndex(nameof(ICommuneOwned.CommuneId));
        }
    }

    private static void CreateIndexes(BotStore s)
    {
        s.Members.EnsureIndex(m => m.UnitId);
        s.Members.EnsureIndex(m => m.Role);
        s.Accounts.EnsureIndex(a => a.MemberId);
        s.Rounds.EnsureIndex(r => r.Status);
        s.Answers.EnsureIndex(a => a.RoundId);
        s.Answers.EnsureIndex(a => a.UnitId);
        s.Subscribers.EnsureIndex(x => x.Active);
        s.Events.EnsureIndex(e => e.StartsAt);
        s.Outbox.EnsureIndex(m => m.Status);
        s.Outbox.EnsureIndex(m => m.BroadcastId);
        s.Outbox.EnsureIndex(m => m.DedupKey);
        s.Invites.EnsureIndex(i => i.ExpiresAt);
        s.Received.EnsureIndex(r => r.At);
        // Touch every collection so none is created for the first time by two threads at once.
        foreach (var name in new[] { "units", "conversations", "meta" }) s.Database.GetCollection(name).EnsureIndex("_id");
    }
}
