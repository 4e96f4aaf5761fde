using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

public class CalendarServiceTests
{
    private static IHost BuildHost(string dbPath, FakeTimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", DisableDefaults = true });
        builder.Configuration["Storage:DatabasePath"] = dbPath;
        builder.Configuration["Bot:PlanPath"] = Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json");
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddBotCore();
        builder.Services.AddReportingCalendar();
        return builder.Build();
    }

    private static CalendarService CalendarOf(IHost host) => host.Services.GetServices<IHostedService>().OfType<CalendarService>().Single();

    /// <summary>Waits for the service's run at that clock time to finish: proof that it ran, not a guess of how long it takes.</summary>
    private static Task RanAtAsync(CalendarService service, DateTimeOffset at) =>
        Waits.UntilAsync(() => service.LastRunAt == at, what: $"the calendar did not run at {at:O}", seen: () => $"last run {service.LastRunAt:O}");

    [Fact]
    public async Task The_hosted_service_ticks_on_the_injected_clock_and_a_restart_opens_nothing_twice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "calendar-host-" + Guid.NewGuid().ToString("N"));
        var db = Path.Combine(folder, "bot.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(CalendarWorld.ToUtc(new DateTime(2026, 6, 15, 6, 58, 0)), TimeSpan.Zero));
        try
        {
            using (var host = BuildHost(db, clock))
            {
                await host.StartAsync();
                var store = host.Services.GetRequiredService<BotStore>();
                var service = CalendarOf(host);
                // The run at 06:58 has finished (and the next is armed): nothing opens in quiet hours.
                await RanAtAsync(service, clock.GetUtcNow());
                Assert.Null(store.Write(() => store.Rounds.FindById("2026-H1")));

                Round? round = null;
                for (var i = 0; i < 100 && round is null; i++)
                {
                    clock.Advance(CalendarService.Tick);
                    await RanAtAsync(service, clock.GetUtcNow());
                    round = store.Write(() => store.Rounds.FindById("2026-H1"));
                }
                Assert.NotNull(round);
                var opened = CalendarWorld.ToLocal(round.OpenedAt);
                Assert.True(opened >= new DateTime(2026, 6, 15, 7, 0, 0), $"opened at {opened}");
                await host.StopAsync();
            }

            clock.Advance(TimeSpan.FromHours(2));
            using (var host = BuildHost(db, clock))
            {
                await host.StartAsync();
                var store = host.Services.GetRequiredService<BotStore>();
                var service = CalendarOf(host);
                // Two runs after the restart, each proven finished, open the round no second time.
                await RanAtAsync(service, clock.GetUtcNow());
                clock.Advance(CalendarService.Tick);
                await RanAtAsync(service, clock.GetUtcNow());
                Assert.Equal(1, store.Write(() => store.Rounds.Count(r => r.Id == "2026-H1")));
                await host.StopAsync();
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
