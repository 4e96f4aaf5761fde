using LifelongLearning.Bot.Engine;
using System.Text.Json.Nodes;
using LifelongLearning.Bot.Backups;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LifelongLearning.Bot.Hosting;

/// <summary>
/// GET /healthz: 200 with a small JSON when the bot is doing its work, 503 when a polling channel has not
/// polled for five minutes or the calendar has not run for ten. Times and counts only: no figure, no name, no chat.
/// </summary>
public sealed class HealthEndpoint(Heartbeats heartbeats, BotStore store, BackupHealth backups, Func<CalendarService?> calendarService, TimeProvider clock)
{
    public const string Path = "/healthz";
    public static readonly TimeSpan CalendarLimit = TimeSpan.FromMinutes(10);

    public void Map(IEndpointRouteBuilder app) => app.MapGet(Path, () =>
    {
        var (healthy, body) = Check();
        return Results.Text(body.ToJsonString(), "application/json", statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    });

    public (bool Healthy, JsonObject Body) Check()
    {
        var now = clock.GetUtcNow();
        var problems = new JsonArray();
        var channels = new JsonObject();
        foreach (var (name, (polling, last)) in heartbeats.Channels.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var ok = !polling || now - (last ?? heartbeats.StartedAt) <= Heartbeats.PollingLimit;
            if (!ok) problems.Add($"{name}: no poll for more than {Heartbeats.PollingLimit.TotalMinutes:0} minutes");
            channels[name] = new JsonObject { ["mode"] = polling ? "polling" : "webhook", ["lastSuccessAt"] = Time(last), ["ok"] = ok };
        }
        var calendar = calendarService();
        var calendarRun = calendar?.LastRunAt;
        var calendarOk = calendar is null || now - (calendarRun ?? heartbeats.StartedAt) <= CalendarLimit;
        if (!calendarOk) problems.Add($"calendar: no run for more than {CalendarLimit.TotalMinutes:0} minutes");

        // Read outside the store's write lock: a store stuck in a write must not hang the check that reports it.
        // The sender may settle the last row between the two reads: the oldest is looked for, not assumed.
        var pending = store.Outbox.Count(m => m.Status == OutboxStatus.Pending);
        var first = store.Outbox.Query().Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.CreatedAt).Limit(1).ToList();
        DateTime? oldest = first.Count == 0 ? null : first[0].CreatedAt;
        var body = new JsonObject
        {
            ["status"] = problems.Count == 0 ? "ok" : "unhealthy",
            ["checkedAt"] = Time(now),
            ["channels"] = channels,
            ["outbox"] = new JsonObject
            {
                ["pending"] = pending,
                ["oldestPendingSeconds"] = oldest is { } at ? (long)Math.Max(0, (now - new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))).TotalSeconds) : null,
            },
            ["calendar"] = new JsonObject { ["lastRunAt"] = Time(calendarRun), ["ok"] = calendarOk },
            ["backup"] = new JsonObject { ["lastSuccessAt"] = Time(backups.LastSuccessAt), ["lastFailureAt"] = Time(backups.LastFailureAt), ["ok"] = backups.Problem() is null },
            ["problems"] = problems,
        };
        return (problems.Count == 0, body);
    }

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
