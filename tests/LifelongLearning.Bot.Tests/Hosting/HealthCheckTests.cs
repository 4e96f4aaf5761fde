using System.Net;
using System.Text.Json.Nodes;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Tests.Scheduling;
using LifelongLearning.Bot.Tests.Channels.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>GET /healthz on the local listener of the real host, Telegram polling, on a fake clock.</summary>
public sealed class HealthCheckTests : TelegramBotTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(CalendarWorld.ToUtc(new DateTime(2026, 6, 17, 9, 0, 0)), TimeSpan.Zero));
    private readonly HttpClient _http = new();

    protected override bool StartBot => false;

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await base.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, string Text)> HealthAsync()
    {
        var url = Bot.Get<LocalListener>().ListeningUrl + "/healthz";
        using var response = await _http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject(), text);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body, string Text)> HealthWhenAsync(Func<JsonObject, bool> condition)
    {
        var until = DateTime.UtcNow + Wait;
        while (true)
        {
            var health = await HealthAsync();
            if (condition(health.Body)) return health;
            if (DateTime.UtcNow > until) throw new TimeoutException($"/healthz never showed it: {health.Text}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task The_health_check_says_ok_with_times_and_counts_and_503_once_Telegram_has_not_polled_for_five_minutes()
    {
        Bot.ConfigureServices = s => s.AddSingleton<TimeProvider>(_clock);
        await Bot.StartAsync();
        Say(Admin, "/trogiup", name: "Nguyễn Văn Quản");
        await NextAsync(Admin);

        var (status, body, text) = await HealthWhenAsync(b => b["channels"]?["telegram"]?["lastSuccessAt"] is not null && b["calendar"]?["lastRunAt"] is not null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", (string?)body["status"]);
        Assert.Equal("polling", (string?)body["channels"]!["telegram"]!["mode"]);
        Assert.Equal("2026-06-17T02:00:00Z", (string?)body["channels"]!["telegram"]!["lastSuccessAt"]);
        Assert.NotNull(body["outbox"]!["pending"]);
        Assert.True(body.ContainsKey("backup"));
        // Times and counts only: no chat, no name, no token.
        Assert.DoesNotContain(Admin.ToString(), text);
        Assert.DoesNotContain("Nguyễn", text);
        Assert.DoesNotContain(Fake.Token, text);

        // Telegram starts failing: every poll answers 502, and the bot backs off.
        Fake.FailNext("getUpdates", 502, count: 10_000);
        Say(Admin, "/trogiup");
        await WaitUntilAsync(() => Fake.Requests.Any(r => r.Method == "getUpdates" && r.StatusCode == 502));
        _clock.Advance(TimeSpan.FromMinutes(6));

        (status, body, _) = await HealthWhenAsync(b => (string?)b["status"] == "unhealthy");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.False((bool)body["channels"]!["telegram"]!["ok"]!);
        Assert.Contains(body["problems"]!.AsArray(), p => ((string?)p)!.StartsWith("telegram:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_health_check_answers_503_when_the_calendar_has_not_run_for_ten_minutes()
    {
        Bot.ConfigureServices = s => s.AddSingleton<TimeProvider>(_clock);
        await Bot.StartAsync();
        await HealthWhenAsync(b => b["calendar"]?["lastRunAt"] is not null);
        var store = Bot.Store;
        // Continuations run elsewhere: the test must not go on inside the stuck write, holding the store's lock.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A write that does not end (a disk that hangs): the calendar's next run waits behind it.
        var stuck = Task.Run(() => store.Write(() => { entered.SetResult(); release.Task.Wait(); }));
        var advanced = Task.CompletedTask;
        try
        {
            await entered.Task;
            // On a thread of its own: the calendar's run wakes on the advancing thread and waits there for the store.
            advanced = Task.Run(() => _clock.Advance(TimeSpan.FromMinutes(11)));

            var (status, body, _) = await HealthWhenAsync(b => (string?)b["status"] == "unhealthy");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.False((bool)body["calendar"]!["ok"]!, body.ToJsonString());
            Assert.Contains(body["problems"]!.AsArray(), p => ((string?)p)!.StartsWith("calendar:", StringComparison.Ordinal));
        }
        finally
        {
            release.SetResult();
            await stuck;
            await advanced;
        }
    }
}
