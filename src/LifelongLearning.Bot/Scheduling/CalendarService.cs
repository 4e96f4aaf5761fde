using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>Runs the reporting calendar once a minute on the injected clock, each run one store transaction.</summary>
public sealed partial class CalendarService(
    BotStore store, ReportingCalendar calendar, TimeProvider clock, ILogger<CalendarService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var done = store.Write(calendar.Run);
                if (done > 0) LogRun(done);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            try { await Task.Delay(Tick, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
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
        services.AddHostedService<CalendarService>();
        return services;
    }
}
