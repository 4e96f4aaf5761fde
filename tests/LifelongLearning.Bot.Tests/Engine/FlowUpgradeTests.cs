using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

/// <summary>
/// Conversations stored by builds before schema 14 (an announcement's fields, an event's step and photo by flow)
/// continue where they were after the upgrade: a report and an announcement, each mid-flow.
/// </summary>
public sealed class FlowUpgradeTests : IAsyncLifetime
{
    private const string Channel = "test";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
    private static readonly Dictionary<string, string?> Settings = new() { ["Bot:AdminChatIds:0"] = $"{Channel}:admin" };
    private EngineHost _host = null!;
    private long _sequence;

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync(Settings, s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_announcement_and_a_report_stored_before_schema_14_resume_at_their_step()
    {
        _host.Store.Write(() => _host.Services.GetRequiredService<Members>().Create(Channel, "lan", "Cô Lan", Role.Reporter, "TV-TH", Communes.Shipped));
        Say("admin", "/moky 2026-H1");
        Say("lan", "có");
        Say("lan", "không");
        Say("admin", "/thongbao");
        Say("admin", "Ngày hội đọc sách 21/4");
        Assert.StartsWith("2/2. Gửi cho ai?", Last("admin"));

        // Write the announcement back as builds before schema 14 kept it, and the store's version with it.
        var store = _host.Store;
        var copy = Path.Combine(Directory.CreateTempSubdirectory("llb-old-flows-").FullName, "bot.db");
        store.Write(() =>
        {
            var raw = store.Database.GetCollection("conversations");
            var doc = raw.FindAll().Single(d => d["Mode"].AsString == "Announcing");
            doc.Remove("Announcement");
            doc.Remove("Step");
            doc.Remove("Photo");
            doc.Remove("Event");
            doc["AnnouncementText"] = "Ngày hội đọc sách 21/4";
            doc["AnnouncementArea"] = BsonValue.Null;
            doc["AnnouncementPhoto"] = BsonValue.Null;
            doc["EventStep"] = 0;
            doc["EventDraft"] = new BsonDocument { ["Photo"] = BsonValue.Null };
            raw.Update(doc);
            var report = raw.FindAll().Single(d => d["Mode"].AsString == "Reporting");
            foreach (var key in new[] { "Announcement", "Step", "Photo", "Event" }) report.Remove(key);
            report["EventStep"] = 0;
            report["EventDraft"] = new BsonDocument();
            raw.Update(report);
            store.Database.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schemaVersion", ["Value"] = 11 });
        });
        store.Checkpoint();
        File.Copy(_host.DatabasePath, copy);
        await _host.DisposeAsync();
        _host = await EngineHost.StartAsync(Settings, s => s.AddSingleton<TimeProvider>(_clock), copy);

        Say("admin", "2"); // Thôn 1
        var preview = Last("admin");
        Assert.StartsWith("Xem trước:\nNgày hội đọc sách 21/4", preview);
        Assert.Contains("(Thôn 1)", preview);
        Say("admin", "OK");
        Assert.StartsWith("Đang gửi thông báo", Last("admin"));

        Say("lan", "1250");
        Assert.StartsWith("Câu 4/", Last("lan"));
        Say("lan", "quay lại");
        Assert.Contains("Đã nhập: 1.250", Last("lan"));
        var draft = _host.Store.Conversations.FindById(_host.Store.Accounts.FindById($"{Channel}:lan")!.MemberId)!.Draft;
        Assert.True(draft["TV-HTSD"].YesNo);
        Assert.False(draft["TV-CDS"].YesNo);
    }

    private string Last(string chat) => _host.Store.Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Id).Last().Text;

    private void Say(string chat, string text) =>
        Assert.True(_host.Engine.Handle(new IncomingMessage(Channel, chat, chat, text, $"{Channel}:{++_sequence}")));
}
