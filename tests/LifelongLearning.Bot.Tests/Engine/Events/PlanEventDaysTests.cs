using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Core;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Events;

/// <summary>
/// The plan's days in the events calendar of a real store file: every year from the yearly rules, and never twice,
/// across restarts, plan files with a new title or new dates, and stores seeded by an older release. Announcements go
/// by event id («event:12:day»), so one event per day is what keeps residents from hearing of it twice.
/// </summary>
public sealed class PlanEventDaysTests : IDisposable
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly string _folder = Directory.CreateTempSubdirectory("plan-days-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
    private BotStore _store;

    public PlanEventDaysTests() => _store = new BotStore(Path.Combine(_folder, "bot.db"));

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private EventCalendar Calendar(Plan plan)
    {
        var clock = new CommuneClock(Zone, _clock);
        return new(_store, CommuneDirectory.Single(plan, clock), clock);
    }

    private int Seed(Plan plan, int year) => _store.Write(() => Calendar(plan).SeedPlanDays(year));

    private List<EventRecord> Weeks() => [.. _store.Events.FindAll().Where(e => e.Title.StartsWith("Tuần lễ", StringComparison.Ordinal) || e.PlanKey!.Contains("tuan-le"))];

    /// <summary>The shipped plan with the week renamed and moved (a commune edits its plan and restarts).</summary>
    private static Plan Edited()
    {
        var p = DefaultPlan.Value;
        var days = p.EventDays.Select(d => d.Key == "tuan-le-hoc-tap-suot-doi"
            ? d with { Title = "Tuần lễ học tập suốt đời", Day = 2, Until = (10, 8) }
            : d with { Title = d.Title + " (hằng năm)" }).ToList();
        return p with { EventDays = days };
    }

    [Fact]
    public void The_learning_week_is_in_the_calendar_of_every_year_from_its_rule()
    {
        foreach (var year in new[] { 2027, 2028, 2030 })
        {
            Seed(DefaultPlan.Value, year);
            var week = Assert.Single(Weeks(), w => w.StartsAt.Year == year);
            var calendar = Calendar(DefaultPlan.Value);
            Assert.Equal($"01/10/{year}–07/10/{year}", calendar.WhenOf(week));
            Assert.Equal("Tuần lễ hưởng ứng học tập suốt đời", week.Title);
        }
    }

    [Fact]
    public void A_restart_or_a_plan_with_a_new_title_or_new_dates_adds_no_second_event()
    {
        Assert.Equal(5, Seed(DefaultPlan.Value, 2027));
        var before = _store.Events.FindAll().ToDictionary(e => e.PlanKey!, e => e.Id);

        // A new process on the same file.
        _store.Dispose();
        _store = new BotStore(Path.Combine(_folder, "bot.db"));
        Assert.Equal(0, Seed(DefaultPlan.Value, 2027));

        // The plan file edited: every title changed, the week moved to 2–8/10.
        Assert.Equal(0, Seed(Edited(), 2027));
        var after = _store.Events.FindAll().ToList();
        Assert.Equal(before, after.ToDictionary(e => e.PlanKey!, e => e.Id));
        var week = Assert.Single(Weeks());
        Assert.Equal("02/10/2027–08/10/2027", Calendar(Edited()).WhenOf(week)); // not begun: it follows the plan
        Assert.Equal("Tuần lễ học tập suốt đời", week.Title);
    }

    [Fact]
    public void Days_an_older_release_seeded_are_found_again_and_not_added_twice()
    {
        // What the release before the yearly rule wrote for 2026: days by date and title, the week by its first day.
        _store.Write(() =>
        {
            foreach (var (key, title, day) in new[]
                     {
                         ($"plan:2026-04-21:{Words.Fold("Ngày Sách và Văn hóa đọc Việt Nam")}", "Ngày Sách và Văn hóa đọc Việt Nam", new DateTime(2026, 4, 20, 17, 0, 0, DateTimeKind.Utc)),
                         ("plan:week:2026-10-01", "Tuần lễ hưởng ứng học tập suốt đời", new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc)),
                     })
                _store.Events.Insert(new EventRecord { Title = title, StartsAt = day, AllDay = true, PlanKey = key, CreatedBy = EventCalendar.PlanCreator });
        });
        var ids = _store.Events.FindAll().Select(e => e.Id).Order().ToList();

        Assert.Equal(3, Seed(DefaultPlan.Value, 2026)); // 23/4, 18/5 and 23/11 only
        Assert.Single(Weeks());
        Assert.Single(_store.Events.FindAll(), e => e.Title == "Ngày Sách và Văn hóa đọc Việt Nam");
        Assert.All(ids, id => Assert.StartsWith("plan:2026:", _store.Events.FindById(id).PlanKey, StringComparison.Ordinal));
    }
}
