using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Channels.Telegram;
using LifelongLearning.Bot.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Backups;

/// <summary>The real host on a fake clock copies the store every night, keeps days and months, and says when it could not.</summary>
public sealed class NightlyBackupTests : TelegramBotTestBase
{
    // Wednesday 17 June 2026, 20:00 in the commune; the copy is due at 20:30.
    private static readonly DateTime Start = new(2026, 6, 17, 20, 0, 0);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(CalendarWorld.ToUtc(Start), TimeSpan.Zero));
    private string _backupFolder = "";

    protected override bool StartBot => false;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        _backupFolder = Path.Combine(Path.GetTempPath(), "llbot-tests", $"backups-{Guid.NewGuid():N}");
        settings["Backup:Folder"] = _backupFolder;
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_backupFolder)) Directory.Delete(_backupFolder, recursive: true);
    }

    private async Task StartAsync()
    {
        Bot.ConfigureServices = s => s.AddSingleton<TimeProvider>(_clock);
        await Bot.StartAsync();
    }

    [Fact]
    public async Task The_nightly_copy_holds_every_answer_and_the_folder_keeps_seven_days_and_twelve_months()
    {
        Directory.CreateDirectory(_backupFolder);
        // Copies of earlier nights and months, as the bot left them.
        for (var day = 7; day <= 16; day++) await File.WriteAllTextAsync(Path.Combine(_backupFolder, $"bot-2026-06-{day:00}-2030.db"), "old");
        for (var m = 0; m < 14; m++)
        {
            var month = new DateTime(2025, 4, 28).AddMonths(m);
            await File.WriteAllTextAsync(Path.Combine(_backupFolder, $"bot-{month:yyyy-MM-dd}-2030.db"), "old");
        }
        await StartAsync();
        Bot.Store.Write(() => Bot.Store.Answers.Insert(new Answer { Id = "2026-H1/TV-XA/TV-LUOT", RoundId = "2026-H1", UnitId = "TV-XA", IndicatorCode = "TV-LUOT", Value = AnswerValue.Of(1250) }));

        var tonight = Path.Combine(_backupFolder, "bot-2026-06-17-2030.db");
        await MinuteByMinuteUntilAsync(() => File.Exists(tonight) && Directory.GetFiles(_backupFolder).Length == 18);

        var facts = StoreFile.Read(tonight);
        Assert.Equal((BotStore.SchemaVersion, Bot.Store.Answers.Count()), (facts.SchemaVersion, facts.Answers));
        Assert.Equal(1, facts.Answers);
        var kept = Directory.GetFiles(_backupFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        // Seven days (11–17 June) and the latest copy of each of the twelve months up to June.
        Assert.Equal([.. Enumerable.Range(3, 11).Select(m => $"bot-{new DateTime(2025, 4, 28).AddMonths(m):yyyy-MM-dd}-2030.db"),
            .. Enumerable.Range(11, 7).Select(d => $"bot-2026-06-{d:00}-2030.db")], kept);
        Assert.Contains(Bot.Logs.Lines, l => l.Contains("Backup written to") && l.Contains("1 answers, verified"));
    }

    [Fact]
    public async Task A_failed_copy_is_logged_as_an_error_and_said_in_the_officials_morning_digest()
    {
        // The folder's name is taken by a file: nothing can be written there.
        Directory.CreateDirectory(Path.GetDirectoryName(_backupFolder)!);
        await File.WriteAllTextAsync(_backupFolder, "not a folder");
        try
        {
            await StartAsync();
            Say(Admin, "/trogiup");
            await NextAsync(Admin);
            await MinuteByMinuteUntilAsync(() => Bot.Logs.Lines.Any(l => l.Contains("Backup into") && l.Contains("failed")));
            Assert.Contains(Bot.Logs.Lines, l => l.StartsWith("Error LifelongLearning.Bot.Backups.BackupService: Backup into", StringComparison.Ordinal));

            // Thursday 07:00: the digest of the open round ends with the warning.
            _clock.SetUtcNow(new DateTimeOffset(CalendarWorld.ToUtc(new DateTime(2026, 6, 18, 7, 0, 0)), TimeSpan.Zero));
            var digest = await NextAsync(Admin, m => m.Body?.Contains("Sao lưu dữ liệu không thành công") == true);
            Assert.Contains("người quản lý máy chủ", digest.Body);
        }
        finally { File.Delete(_backupFolder); }
    }

    [Fact]
    public async Task A_backup_time_inside_the_quiet_hours_stops_the_start_naming_the_key()
    {
        var settings = Settings();
        settings["Backup:At"] = "02:00";
        await using var bot = Support.BotTestHost.Create(settings, s => s.AddSingleton<TimeProvider>(_clock));
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(bot.StartAsync);
        Assert.Contains("Backup:At phải ngoài giờ yên lặng", refused.Message);
    }

    /// <summary>
    /// Moves the fake clock a minute at a time (the calendar and the backup wake on it) until the condition holds,
    /// once the backup has set its timer: the service starts on a thread of its own, and a clock moved past
    /// 20:30 before it looks would put tonight's copy off to tomorrow.
    /// </summary>
    private async Task MinuteByMinuteUntilAsync(Func<bool> condition)
    {
        await WaitUntilAsync(() => Bot.Logs.Lines.Any(l => l.Contains("Next backup at 2026-06-17 20:30")));
        var until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("condition not met");
            if (_clock.GetUtcNow() < new DateTimeOffset(CalendarWorld.ToUtc(Start.AddHours(1)), TimeSpan.Zero)) _clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
    }
}
