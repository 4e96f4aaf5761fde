using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Engine;

/// <summary>The plan loaded at start, and the local time of the commune it belongs to.</summary>
public sealed class PlanHolder(Plan plan, TimeZoneInfo zone, TimeProvider clock)
{
    public Plan Plan { get; } = plan;
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>The instant a local date and time happens, in UTC.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone);
}
