using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>
/// The events calendar on the injected clock, once a minute: the plan's days of this year and the next in
/// the calendar, announcements to residents, requests for participation figures. Each step is its own store
/// transaction, so one failing does not hold back the others.
/// </summary>
public sealed partial class EventService(
    BotStore store, CommuneClock clock, EventCalendar calendar, EventAnnouncer announcer, ParticipationRequests requests,
    TimeProvider timeProvider, ILogger<EventService> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, timeProvider);
        do
        {
            Step("seed", () => calendar.SeedPlanDays(clock.Today.Year) + calendar.SeedPlanDays(clock.Today.Year + 1));
            Step("announce", announcer.Run);
            Step("participation", requests.Run);
        }
        while (await Ticks.NextAsync(timer, stoppingToken));
    }

    private void Step(string name, Func<int> work)
    {
        try
        {
            var done = store.Write(work);
            if (done > 0) LogDone(name, done);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
        {
            LogFailed(ex, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Events calendar, {Step}: {Done} done")]
    private partial void LogDone(string step, int done);

    [LoggerMessage(Level = LogLevel.Error, Message = "Events calendar, {Step} failed; trying again in a minute")]
    private partial void LogFailed(Exception ex, string step);
}

public static class EventServiceExtensions
{
    public static IServiceCollection AddEventCalendar(this IServiceCollection services)
    {
        services.TryAddSingleton<EventAnnouncer>();
        services.TryAddSingleton<ParticipationRequests>();
        services.AddHostedService<EventService>();
        return services;
    }
}
