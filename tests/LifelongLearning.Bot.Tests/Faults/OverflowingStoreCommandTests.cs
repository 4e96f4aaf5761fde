using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Core;
using LifelongLearning.Bot.Tests.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LifelongLearning.Bot.Tests.Faults;

/// <summary>
/// Two libraries' «lượt» stored as decimal.MaxValue (accepted before figures had a maximum), in 2024 and
/// 2025: /tonghop answers with the digest and its chart, and /xuat builds the three files.
/// </summary>
public sealed class OverflowingStoreCommandTests : IAsyncLifetime
{
    private const string Channel = "test";
    private const string Official = "official";
    private readonly ExportStore _world = new();
    private IHost? _host;
    private int _key;

    public async Task InitializeAsync()
    {
        _world.Store.Write(() =>
        {
            foreach (var id in new[] { "2024/TV-XA/TV-LUOT", "2024/TV-TH/TV-LUOT", "2025/TV-XA/TV-LUOT", "2025/TV-TH/TV-LUOT" })
            {
                var answer = _world.Store.Answers.FindById(id);
                answer.Value = AnswerValue.Of(decimal.MaxValue);
                _world.Store.Answers.Update(answer);
            }
        });
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

    private BotStore Store => _host!.Services.GetRequiredService<BotStore>();

    private List<OutboxMessage> Say(string text)
    {
        var before = Store.Outbox.Count(m => m.ChatId == Official);
        _host!.Services.GetRequiredService<BotEngine>().Handle(new IncomingMessage(Channel, Official, "Chị Lan", text, $"{Channel}:msg:{++_key}"));
        return [.. Store.Outbox.Find(m => m.ChatId == Official).OrderBy(m => m.Id).Skip(before)];
    }

    [Fact]
    public void Tonghop_gives_the_digest_and_its_chart()
    {
        var replies = Say("/tonghop");
        Assert.Contains(replies, r => r.Text.Contains("(TV-LUOT):"));
        Assert.DoesNotContain(replies, r => r.Text.Contains("Xin lỗi"));
        var chart = Assert.Single(replies, r => r.PhotoFileId is not null);
        Assert.NotNull(Store.Files.FindById(chart.PhotoFileId!));
    }

    [Fact]
    public async Task Xuat_builds_the_three_files()
    {
        Assert.StartsWith("Đang chuẩn bị báo cáo năm 2025…", Say("/xuat 2025")[0].Text);
        for (var waited = 0; waited < 400; waited++)
        {
            var export = Store.Exports.FindAll().Single();
            if (export.Status is ExportStatus.Done or ExportStatus.Failed)
            {
                Assert.Equal(ExportStatus.Done, export.Status);
                Assert.Equal(3, Store.Outbox.Count(m => m.ChatId == Official && m.DocumentFileId != null));
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail("the export neither finished nor failed");
    }
}
