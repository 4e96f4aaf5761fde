using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Backups;

/// <summary>
/// Every night at Backup:At (local time) copies the store into Backup:Folder, verifies the copy and prunes the
/// folder to the daily and monthly copies kept. A failure, or no copy for two days, is logged as an error and
/// said in the officials' next digest (<see cref="BackupHealth"/>).
/// </summary>
public sealed partial class BackupService(
    BotStore store, CommuneClock clock, TimeProvider timeProvider, BackupHealth health, IOptions<BackupOptions> options, ILogger<BackupService> logger) : BackgroundService
{
    private BackupOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Copies left by an earlier run count: a restart does not make the last backup unknown.
        if (BackupFiles.List(Options.Folder) is [var newest, ..]) health.Succeeded(new DateTimeOffset(clock.ToUtc(DateOnly.FromDateTime(newest.LocalTime), TimeOnly.FromDateTime(newest.LocalTime))), newest.Path, -1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = UntilNext();
            LogNext(clock.ToLocal(clock.UtcNow + wait).DateTime);
            try { await Task.Delay(wait, timeProvider, stoppingToken); }
            catch (OperationCanceledException) { return; }
            RunOnce();
        }
    }

    /// <summary>One backup now: copy, verify, prune; a failure is recorded and logged, never thrown.</summary>
    public BackupCopy? RunOnce()
    {
        var at = timeProvider.GetUtcNow();
        try
        {
            var copy = BackupFiles.Take(store, Options.Folder, clock.LocalNow.DateTime);
            health.Succeeded(at, copy.Path, copy.Answers);
            var pruned = BackupFiles.Prune(Options.Folder, Options.KeepDaily, Options.KeepMonthly);
            LogDone(copy.Path, copy.Answers, pruned);
            return copy;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            health.Failed(at, ex.Message);
            LogFailed(Options.Folder, ex.Message);
            return null;
        }
        finally
        {
            if (health.IsStale()) LogStale(Options.Folder, BackupHealth.MaxAge.TotalDays);
        }
    }

    private TimeSpan UntilNext()
    {
        var now = clock.LocalNow;
        var next = clock.ToUtc(DateOnly.FromDateTime(now.DateTime), Options.At);
        if (next <= clock.UtcNow) next = clock.ToUtc(DateOnly.FromDateTime(now.DateTime).AddDays(1), Options.At);
        return next - clock.UtcNow;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next backup at {At:yyyy-MM-dd HH:mm} (commune time)")]
    private partial void LogNext(DateTime at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup written to {Path}: {Answers} answers, verified; {Pruned} old copies removed")]
    private partial void LogDone(string path, int answers, int pruned);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup into {Folder} failed: {Reason}")]
    private partial void LogFailed(string folder, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No backup in {Folder} for more than {Days} days")]
    private partial void LogStale(string folder, double days);
}

public static class BackupServiceExtensions
{
    /// <summary>The backup options and health (the digest reads them); <paramref name="nightly"/> adds the nightly copy.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, bool nightly = true)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations()
            .Validate<Plan>((o, plan) => !plan.Schedule.QuietHours.Contains(o.At),
                "Backup:At phải ngoài giờ yên lặng của kế hoạch (mặc định 21:00–07:00), ví dụ \"20:30\".")
            .ValidateOnStart();
        services.TryAddSingleton<BackupHealth>();
        if (nightly) services.AddHostedService<BackupService>();
        return services;
    }
}
