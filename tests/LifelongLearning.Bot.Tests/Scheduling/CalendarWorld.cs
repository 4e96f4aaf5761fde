using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Tests.Support;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

/// <summary>
/// The calendar over a real LiteDB file in a temp folder, on a fake clock: the plan's units, one official
/// and three reporters (TV-XA, TV-TH, NVH-1). <see cref="Restart"/> reopens the same file, as after a crash.
/// </summary>
public sealed class CalendarWorld : IDisposable
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    public const string Channel = "test";
    public static readonly string[] ReporterUnits = ["TV-XA", "TV-TH", "NVH-1"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "calendar-" + Guid.NewGuid().ToString("N"));
    private readonly Plan _plan;

    public FakeTimeProvider Clock { get; }
    public BotStore Store { get; private set; } = null!;
    public CommuneClock Local { get; private set; } = null!;
    public Plan Plan => _plan;
    public Messenger Messenger { get; private set; } = null!;
    public RoundService Rounds { get; private set; } = null!;
    public Reports Reports { get; private set; } = null!;
    public RoundDigests Digests { get; private set; } = null!;
    public ReportingCalendar Calendar { get; private set; } = null!;
    public CalendarFailures Failures { get; private set; } = null!;
    public Member Official { get; private set; } = null!;

    public string DbPath => Path.Combine(_folder, "bot.db");

    public CalendarWorld(DateTime local, Plan? plan = null)
    {
        _plan = plan ?? LoadPlan();
        Clock = new FakeTimeProvider(new DateTimeOffset(ToUtc(local), TimeSpan.Zero));
        Open();
        Store.Write(Seed);
    }

    public static Plan LoadPlan() => PlanLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json"));

    /// <summary>The default plan with other holidays and a change to its schedule (Plan.Calendar is built in the constructor).</summary>
    public static Plan PlanWith(IEnumerable<DateOnly> extraHolidays, Func<Schedule, Schedule>? schedule = null)
    {
        var p = LoadPlan();
        return new Plan(p.Commune, p.TimeZone, p.UnitKinds, p.Units, p.Indicators,
            schedule is null ? p.Schedule : schedule(p.Schedule), [.. p.Holidays, .. extraHolidays], p.EventDays);
    }

    private void Open()
    {
        Store = new BotStore(DbPath);
        Local = new CommuneClock(Zone, Clock);
        Messenger = new Messenger(Store, Local, ChannelProfiles.TextLimits);
        var communes = CommuneDirectory.Single(_plan, Local);
        Rounds = new RoundService(Store, communes, Local, Messenger);
        Reports = new Reports(Store, Local, Rounds);
        Digests = new RoundDigests(Store, Reports, Rounds);
        Failures = new CalendarFailures(Store, Messenger);
        Calendar = new ReportingCalendar(Store, communes, Local, Rounds, Reports, Digests, Messenger, Failures);
        Official = Store.Members.FindOne(m => m.Role == Role.Official);
    }

    /// <summary>A new process on the same database file.</summary>
    public void Restart()
    {
        Store.Dispose();
        Open();
    }

    private void Seed()
    {
        foreach (var unit in _plan.Units)
            Store.Units.Insert(new UnitRecord { Id = unit.Code, Name = unit.Name, Kind = unit.Kind, Area = unit.Area });
        Official = Person("lan", "Chị Lan", Role.Official, null);
        foreach (var unit in ReporterUnits) Person("r-" + unit, "Báo cáo " + unit, Role.Reporter, unit);
    }

    private Member Person(string chatId, string name, Role role, string? unitId)
    {
        var member = new Member { Id = chatId, Name = name, Role = role, UnitId = unitId, CreatedAt = Local.UtcNow };
        Store.Members.Insert(member);
        Store.Accounts.Insert(new ChatAccount
        {
            Id = ChatAccount.AddressOf(Channel, chatId), Channel = Channel, ChatId = chatId,
            MemberId = member.Id, DisplayName = name, LastSeenAt = Local.UtcNow,
        });
        return member;
    }

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public void SetLocal(DateTime local)
    {
        var utc = new DateTimeOffset(ToUtc(local), TimeSpan.Zero);
        Assert.True(utc >= Clock.GetUtcNow(), "the fake clock only goes forward");
        Clock.SetUtcNow(utc);
    }

    public int RunAt(DateTime local)
    {
        SetLocal(local);
        return Calendar.Run();
    }

    /// <summary>Runs the calendar day by day, at each of the times, from one day to another (both included).</summary>
    public void Drive(DateOnly from, DateOnly to, params TimeOnly[] times)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
            foreach (var t in times.Order())
            {
                var at = day.ToDateTime(t);
                if (ToUtc(at) >= Clock.GetUtcNow().UtcDateTime) RunAt(at);
            }
    }

    public static readonly TimeOnly[] DayTimes =
        [new(0, 30), new(6, 30), new(7, 0), new(8, 0), new(12, 0), new(21, 30)];

    public List<OutboxMessage> Outbox() => [.. Store.Outbox.FindAll().OrderBy(m => m.Id)];

    public List<OutboxMessage> WithKeyPrefix(string prefix) =>
        [.. Outbox().Where(m => m.DedupKey is { } k && k.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>The reminders one reporter got in one round, as their local creation times.</summary>
    public List<DateTime> ReminderTimes(string roundId, string unitId) =>
        [.. WithKeyPrefix($"remind:{roundId}:{unitId}:").Where(m => m.ChatId == "r-" + unitId).Select(m => ToLocal(m.CreatedAt))];

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
