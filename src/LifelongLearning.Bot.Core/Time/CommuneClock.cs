namespace LifelongLearning.Bot.Core.Time;

/// <summary>The local time of one commune: its time zone over the host's clock, so "today" is the commune's day, not the server's.</summary>
public sealed class CommuneClock(TimeZoneInfo zone, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>The instant a local date and time happens, in UTC.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone);
}
