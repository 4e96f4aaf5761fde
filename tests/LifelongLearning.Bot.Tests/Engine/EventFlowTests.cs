using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

/// <summary>
/// Adding an event as a list of steps: «quay lại» at any step, a preview whose fields are changed by number,
/// and a draft begun before this release's typed draft resuming where it was.
/// </summary>
public sealed class EventFlowTests : IAsyncLifetime
{
    private const string Channel = "test";
    // Monday 1/6/2026, 09:00 in the commune.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
    private static readonly Dictionary<string, string?> Settings = new() { ["Bot:AdminChatIds:0"] = $"{Channel}:admin" };
    private EngineHost _host = null!;
    private long _sequence;

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync(Settings, s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Quay_lai_goes_back_a_step_and_the_preview_changes_a_field_by_its_number_keeping_the_others()
    {
        Say("/sukien");
        Say("Câu lạc bộ đọc sách");
        Say("quay lại");
        Assert.StartsWith("1/7. Tên sự kiện là gì?", Last());
        Say("Câu lạc bộ đọc sách thiếu nhi");
        Say("3/6/2026 19:30");
        Say("quay lại");
        Assert.StartsWith("2/7. Sự kiện diễn ra lúc nào?", Last());
        Say("4/6/2026 19:30");
        Say("Thư viện xã");
        Say("bỏ qua");
        Say("bỏ qua");
        Say("quay lại");
        Assert.StartsWith("5/7. Gửi một ảnh", Last());
        Say("bỏ qua");
        Say("1"); // cả xã
        Say("bỏ qua");
        var preview = Last();
        Assert.Contains("Câu lạc bộ đọc sách thiếu nhi", preview);
        Assert.Contains("19:30 04/06/2026", preview);
        Assert.Contains("gõ số của mục đó: 1 tên · 2 thời gian · 3 địa điểm", preview);

        Say("3");
        Assert.StartsWith("3/7. Địa điểm ở đâu?", Last());
        Say("quay lại"); // back from an edit: the preview again, nothing changed
        Assert.Contains("Thư viện xã", Last());
        Say("3");
        Say("Nhà văn hóa Thôn 2");
        preview = Last();
        Assert.StartsWith("Xem trước:", preview);
        Assert.Contains("Nhà văn hóa Thôn 2", preview);
        Assert.Contains("Câu lạc bộ đọc sách thiếu nhi", preview);
        Say("9");
        Assert.Contains("một số từ 1 đến 7 để sửa mục đó", Last());

        Say("OK");
        var saved = _host.Store.Events.FindOne(e => e.Title == "Câu lạc bộ đọc sách thiếu nhi");
        Assert.Equal("Nhà văn hóa Thôn 2", saved.Place);
        Assert.Equal(new DateTime(2026, 6, 4, 12, 30, 0, DateTimeKind.Utc), saved.StartsAt.ToUniversalTime());
        Assert.False(saved.AllDay);
    }

    [Fact]
    public async Task A_draft_begun_before_the_typed_draft_resumes_at_its_step_with_its_answers()
    {
        Say("/sukien");
        Say("Ngày hội đọc sách");
        Say("5/6/2026");
        Say("Sân Nhà văn hóa Thôn 1");
        // Write the conversation back as builds before schema 9 kept it, and the store's version with it.
        var store = _host.Store;
        var copy = Path.Combine(Directory.CreateTempSubdirectory("llb-old-draft-").FullName, "bot.db");
        store.Write(() =>
        {
            var raw = store.Database.GetCollection("conversations");
            var doc = raw.FindAll().Single(d => d["Mode"].AsString == "AddingEvent");
            doc["EventDraft"] = new BsonDocument
            {
                ["title"] = "Ngày hội đọc sách", ["startsAt"] = "2026-06-04T17:00:00.0000000Z", ["allDay"] = "1", ["place"] = "Sân Nhà văn hóa Thôn 1",
            };
            raw.Update(doc);
            store.Database.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "schemaVersion", ["Value"] = 7 });
        });
        store.Checkpoint();
        File.Copy(_host.DatabasePath, copy);
        await _host.DisposeAsync();
        _host = await EngineHost.StartAsync(Settings, s => s.AddSingleton<TimeProvider>(_clock), copy);

        Say("Mừng ngày sách");
        Say("bỏ qua");
        Say("1");
        Say("bỏ qua");
        var preview = Last();
        Assert.Contains("Ngày hội đọc sách", preview);
        Assert.Contains("🕗 05/06/2026\n", preview);
        Assert.Contains("Sân Nhà văn hóa Thôn 1", preview);
        Say("OK");
        var saved = _host.Store.Events.FindOne(e => e.Title == "Ngày hội đọc sách");
        Assert.True(saved.AllDay);
        Assert.Equal("Mừng ngày sách", saved.Description);
        Assert.Equal(new DateTime(2026, 6, 4, 17, 0, 0, DateTimeKind.Utc), saved.StartsAt.ToUniversalTime());
    }

    private string Last() => _host.Store.Outbox.Find(m => m.ChatId == "admin").OrderBy(m => m.Id).Last().Text;

    private void Say(string text) =>
        Assert.True(_host.Engine.Handle(new IncomingMessage(Channel, "admin", "admin", text, $"{Channel}:{++_sequence}")));
}
