using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Core;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage.Fixtures;

/// <summary>Runs only when LLBOT_WRITE_FIXTURES is set: writing a fixture is a release step, not a test.</summary>
public sealed class FixtureWriterFactAttribute : FactAttribute
{
    public FixtureWriterFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LLBOT_WRITE_FIXTURES") is not { Length: > 0 })
            Skip = "Writes the store fixture of this release: LLBOT_WRITE_FIXTURES=1 dotnet test --filter FixtureWriter";
    }
}

/// <summary>
/// Makes "store-v{N}.db" and its manifest from this build: the demo commune, a few more corrections, an
/// announcement under way, an official's event, a member on two channels and replies still to send. Run it once
/// per schema version, from the release that writes it, and commit both files:
/// <c>LLBOT_WRITE_FIXTURES=1 dotnet test --filter FullyQualifiedName~FixtureWriter</c>.
/// </summary>
public sealed class FixtureWriter
{
    /// <summary>The moment the fixture's store lives in: this year's round open, events ahead.</summary>
    public static readonly DateTimeOffset At = new(2026, 3, 20, 2, 0, 0, TimeSpan.Zero);

    [FixtureWriterFact]
    public async Task Write_the_store_fixture_of_this_release()
    {
        var clock = new FakeTimeProvider(At);
        string folder;
        await using (var host = await EngineHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:SeedDemo"] = "true", ["Bot:PlanPath"] = DefaultPlan.Path },
            s => s.AddSingleton<TimeProvider>(clock)))
        {
            Fill(host.Services);
            var manifest = StoreManifest.Of(host.Store);
            folder = Path.Combine(SourceFolder(), "Storage", "Fixtures");
            manifest.Write(Path.Combine(folder, $"store-v{BotStore.SchemaVersion}.json"));
            host.Store.Checkpoint();
            File.Copy(host.DatabasePath, Path.Combine(folder, $"store-v{BotStore.SchemaVersion}.db"), overwrite: true);
        }
        Assert.True(File.Exists(Path.Combine(folder, $"store-v{BotStore.SchemaVersion}.db")));
    }

    private static void Fill(IServiceProvider services)
    {
        var store = services.GetRequiredService<BotStore>();
        var rounds = services.GetRequiredService<RoundService>();
        var broadcaster = services.GetRequiredService<Broadcaster>();
        var messenger = services.GetRequiredService<Messenger>();
        var local = services.GetRequiredService<CommuneClock>();
        store.Write(() =>
        {
            var lan = store.Members.FindOne(m => m.Name == "Chị Lan");
            var hoa = store.Members.FindOne(m => m.Name == "Cô Hoa");
            // Chị Lan also uses Telegram: one member, two accounts.
            store.Accounts.Insert(new ChatAccount { Id = ChatAccount.AddressOf("telegram", "700100"), Channel = "telegram", ChatId = "700100", MemberId = lan.Id, DisplayName = "Lan VH", LastSeenAt = local.UtcNow });
            // Two more corrections in last year's round: a number and a yes/no.
            var lastYear = rounds.Find("2025")!;
            var answers = store.Answers.Find(a => a.RoundId == lastYear.Id && a.UnitId == "NVH-1").OrderBy(a => a.Id).ToList();
            var number = answers.First(a => a.Value.Number is not null);
            var yesNo = answers.First(a => a.Value.YesNo is not null);
            rounds.Submit(lastYear, "NVH-1", hoa, "telegram", new Dictionary<string, AnswerValue>
            {
                [number.IndicatorCode] = AnswerValue.Of(number.Value.Number!.Value + 7),
                [yesNo.IndicatorCode] = AnswerValue.Of(!yesNo.Value.YesNo!.Value),
            });
            // An announcement still being sent, and an official's event with its village and organiser.
            var ngaId = store.Members.FindOne(m => m.Name == "Bà Nga").Id;
            var residents = store.Accounts.Find(a => a.MemberId == ngaId).ToList();
            broadcaster.Queue("announcement:fixture", lan.Id, residents, "Thư viện xã mở cửa cả Chủ nhật trong tháng 4.", null);
            store.Events.Insert(new EventRecord
            {
                Title = "Ngày hội đọc sách thôn 1", StartsAt = At.UtcDateTime.AddDays(30), Place = "Nhà văn hóa thôn 1", Area = "Thôn 1",
                OrganiserUnitId = "NVH-1", CreatedBy = lan.Id, CreatedAt = local.UtcNow,
            });
            messenger.To("telegram", "700100", Reply.Plain("Đã ghi sự kiện «Ngày hội đọc sách thôn 1»."));
        });
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LifelongLearning.Bot.Tests.csproj"))) return dir.FullName;
        throw new InvalidOperationException("The test project's folder was not found.");
    }
}
