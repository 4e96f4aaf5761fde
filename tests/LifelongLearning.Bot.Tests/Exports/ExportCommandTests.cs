using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;
using LifelongLearning.Bot.Tests.Support;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>/xuat through the engine and the export service of a real host, on the seeded store.</summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private const string Channel = "test";
    private const string Official = "official";
    private const string Reporter = "reporter";
    private readonly ExportStore _world = new();
    private IHost? _host;
    private int _key;

    public Task InitializeAsync()
    {
        _world.Store.Write(() =>
        {
            _world.Store.Members.Insert(new Member { Id = "r1", Name = "Cô Hoa", Role = Role.Reporter, UnitId = "TV-TH" });
            _world.Store.Accounts.Insert(new ChatAccount { Id = $"{Channel}:{Reporter}", Channel = Channel, ChatId = Reporter, MemberId = "r1" });
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
        _world.Dispose();
    }

    private async Task<IHost> Start()
    {
        _world.Close();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = _world.DatabasePath,
            ["Bot:PlanPath"] = DefaultPlan.Path,
            ["Bot:AdminChatIds:0"] = $"{Channel}:{Official}",
        });
        builder.Services.AddSingleton<TimeProvider>(_world.Clock);
        builder.AddBotCore();
        builder.AddExports();
        _host = builder.Build();
        await _host.StartAsync();
        return _host;
    }

    private BotStore Store => _host!.Services.GetRequiredService<BotStore>();

    private string Say(string chat, string text)
    {
        var before = Store.Outbox.Count(m => m.ChatId == chat);
        _host!.Services.GetRequiredService<BotEngine>().Handle(new IncomingMessage(Channel, chat, "Người dùng", text, $"{Channel}:msg:{++_key}"));
        return string.Join("\n", Store.Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Id).Skip(before).Select(m => m.Text));
    }

    private Task<List<OutboxMessage>> DocumentsTo(string chat, int count) =>
        Waits.ForAsync(() => Store.Outbox.Find(m => m.ChatId == chat && m.DocumentFileId != null).OrderBy(m => m.Id).ToList() is { } documents
            && documents.Count >= count ? documents : null, what: $"Không thấy {count} tệp gửi cho {chat}.");

    [Fact]
    public async Task An_official_is_told_at_once_then_gets_the_three_files_as_documents()
    {
        await Start();
        Assert.StartsWith("Đang chuẩn bị báo cáo năm 2025…", Say(Official, "/xuat 2025"));

        var documents = await DocumentsTo(Official, 3);
        Assert.Equal(["bao-cao-2025.docx", "tong-hop-2025.xlsx", "so-lieu-2025.csv"], documents.Select(d => Store.Files.FindById(d.DocumentFileId!)!.Filename));
        Assert.All(documents, d => Assert.Equal(Channel, d.Channel));
        Assert.Equal("Dự thảo báo cáo — Năm 2025 (Word)", documents[0].Text);
        using var docx = new MemoryStream();
        Store.Files.Download(documents[0].DocumentFileId!, docx);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(docx.ToArray()[..2]));
        Assert.Equal(ExportStatus.Done, Store.Exports.FindAll().Single().Status);
    }

    [Fact]
    public async Task Xuat_alone_offers_numbered_periods_and_a_number_picks_one()
    {
        await Start();
        var offer = Store.Outbox.Count(m => m.ChatId == Official);
        Say(Official, "/xuat");
        var reply = Store.Outbox.Find(m => m.ChatId == Official).OrderBy(m => m.Id).Skip(offer).Single();
        Assert.True(reply.NumberedChoices);
        Assert.Equal(["Năm 2025", "Năm 2024", "Năm 2023", "Sơ kết giai đoạn 2023 - 2025"], reply.Choices.Select(c => c.Label));

        Assert.StartsWith("Đang chuẩn bị báo cáo sơ kết giai đoạn 2023 - 2025…", Say(Official, "4"));
        var documents = await DocumentsTo(Official, 3);
        Assert.Equal("bao-cao-2023-2025.docx", Store.Files.FindById(documents[0].DocumentFileId!)!.Filename);
    }

    [Fact]
    public async Task A_number_typed_after_the_choice_was_taken_starts_no_second_export()
    {
        await Start();

        Say(Official, "/xuat");
        Assert.StartsWith("Đang chuẩn bị báo cáo", Say(Official, "1"));
        Assert.StartsWith("Bot chưa hiểu tin này", Say(Official, "1"));

        Assert.Equal(1, Store.Exports.Count());
    }

    [Theory]
    [InlineData("/trangthai")]
    [InlineData("xin chào")]
    public async Task Numbered_periods_answer_only_the_next_message(string between)
    {
        await Start();

        Say(Official, "/xuat");
        Say(Official, between);

        Assert.StartsWith("Bot chưa hiểu tin này", Say(Official, "1"));
        Assert.Equal(0, Store.Exports.Count());
    }

    [Fact]
    public async Task Reporters_and_residents_are_refused_in_Vietnamese_and_a_wrong_period_is_explained()
    {
        await Start();
        Assert.Equal("Lệnh /xuat chỉ dành cho cán bộ theo dõi của xã.", Say(Reporter, "/xuat 2025"));
        Assert.Equal("Lệnh /xuat chỉ dành cho cán bộ theo dõi của xã.", Say("stranger", "/xuat 2025"));
        Assert.Contains("Bot không hiểu kỳ «năm ngoái»", Say(Official, "/xuat năm ngoái"));
        Assert.StartsWith("Chưa có kỳ báo cáo nào trong năm 2019", Say(Official, "/xuat 2019"));
        Assert.Empty(Store.Exports.FindAll());
    }

    [Fact]
    public async Task A_request_stored_before_a_crash_is_built_at_the_next_start()
    {
        _world.Store.Write(() => _world.Store.Exports.Insert(new ExportRequest
        {
            Scope = "2024", MemberId = "admin", Channel = Channel, ChatId = Official, Status = ExportStatus.Pending, RequestedAt = _world.Clock.GetUtcNow().UtcDateTime,
        }));
        await Start();
        var documents = await DocumentsTo(Official, 3);
        Assert.Equal("tong-hop-2024.xlsx", Store.Files.FindById(documents[1].DocumentFileId!)!.Filename);
    }
}
