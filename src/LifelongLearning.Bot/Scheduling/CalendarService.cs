using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>Runs the reporting calendar once a minute on the injected clock, each of its steps one store transaction.</summary>
public sealed partial class CalendarService(
    ReportingCalendar calendar, TimeProvider clock, ILogger<CalendarService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    private long _lastRunTicks = -1;

    /// <summary>
    /// The clock's time at the start of the last finished run (the timer is always armed): whoever moves a
    /// fake clock on (the tests driving a year) waits for it, so no run is skipped or run twice.
    /// </summary>
    public DateTimeOffset? LastRunAt => Interlocked.Read(ref _lastRunTicks) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Armed before the first run, so a tick that falls while a run is busy is kept, not lost.
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            var at = clock.GetUtcNow();
            try
            {
                var done = calendar.Run();
                if (done > 0) LogRun(done);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            Interlocked.Exchange(ref _lastRunTicks, at.UtcTicks);
        }
        while (await Ticks.NextAsync(timer, stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting calendar: {Done} things done")]
    private partial void LogRun(int done);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reporting calendar run failed")]
    private partial void LogFailed(Exception ex);
}

public static class CalendarServiceExtensions
{
    public static IServiceCollection AddReportingCalendar(this IServiceCollection services)
    {
        services.TryAddSingleton<ReportingCalendar>();
        services.TryAddSingleton<CalendarFailures>();
        services.AddHostedService<CalendarService>();
        return services;
    }
}
