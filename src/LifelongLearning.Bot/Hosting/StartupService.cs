using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Hosting;

/// <summary>Runs before the channels: each served commune's units into the store, and the demo commune when asked.</summary>
public sealed partial class StartupService(
    BotStore store, Plan plan, CommuneDirectory communes, CommuneClock clock, EventCalendar calendar, DemoCommune demo, IOptions<BotOptions> options, ILogger<StartupService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var added = store.Write(() =>
        {
            var count = 0;
            // Every served commune's units, each stored as its commune's.
            foreach (var commune in communes.All)
                foreach (var unit in commune.Plan.Units.Where(u => store.Units.FindById(u.Code) is null))
                {
                    store.For(commune.Code).Units.Insert(new UnitRecord { Id = unit.Code, Name = unit.Name, Kind = unit.Kind, Area = unit.Area });
                    count++;
                }
            // The days the plan names are in the events calendar from the first start.
            calendar.SeedPlanDays(clock.Today.Year);
            calendar.SeedPlanDays(clock.Today.Year + 1);
            return count;
        });
        if (options.Value.SeedDemo) demo.SeedIfEmpty();
        LogStarted(plan.Commune.Name, plan.Indicators.Count, store.Units.Count(), added);
        // The officials read it in the morning digest too; the operator reads it here, at start.
        var days = plan.Calendar;
        if (days.MissingYearNotice(clock.Today.Year) is not null) LogNoHolidays(clock.Today.Year, days.LastYear);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Checkpoint();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan of {Commune} loaded: {Indicators} indicators, {Units} units ({Added} new from the plan)")]
    private partial void LogStarted(string commune, int indicators, int units, int added);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The plan lists no public holidays for {Year} (its holidays end in {LastYear}): every weekday counts as a working day until they are added to the plan file's \"holidays\"")]
    private partial void LogNoHolidays(int year, int? lastYear);
}
