using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Outbox;

/// <summary>A sender that throws something other than SendFailedException costs that row an attempt, not the channel its progress.</summary>
public sealed class OutboxUnexpectedFailureTests : IAsyncLifetime
{
    private const string Channel = "test";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly BuggySender _sender = new();
    private EngineHost _host = null!;

    private BotStore Store => _host.Store;

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync(
        new Dictionary<string, string?>(),
        services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<IChannelSender>(_sender).AddHostedService<OutboxService>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_row_is_counted_and_backed_off_the_last_attempt_fails_it_and_other_rows_still_go()
    {
        var first = Queue("bad", attempts: 0);
        var last = Queue("bad-again", attempts: OutboxService.MaxAttempts - 1);
        Queue("good", attempts: 0);

        await WaitUntilAsync(() =>
            _sender.Sent("good")
            && Store.Outbox.FindById(first).Attempts == 1
            && Store.Outbox.FindById(last).Status == OutboxStatus.Failed);

        var retried = Store.Outbox.FindById(first);
        Assert.Equal(OutboxStatus.Pending, retried.Status);
        Assert.True(retried.NotBefore > _clock.GetUtcNow().UtcDateTime, "the row waits for its backoff");
        Assert.Contains("InvalidOperationException", retried.Error);
        var failed = Store.Outbox.FindById(last);
        Assert.Equal(OutboxService.MaxAttempts, failed.Attempts);
    }

    private long Queue(string chatId, int attempts)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return Store.Write(() => Store.Outbox.Insert(new OutboxMessage
        {
            Channel = Channel, ChatId = chatId, Text = "Xin chào", Attempts = attempts, CreatedAt = now, NotBefore = now,
        }).AsInt64);
    }

    /// <summary>Polls; moves the fake clock a millisecond at a time so the pacer's short waits end, never near a backoff.</summary>
    private Task WaitUntilAsync(Func<bool> condition) => Waits.UntilAsync(condition, between: () => _clock.Advance(TimeSpan.FromMilliseconds(1)));

    private sealed class BuggySender : IChannelSender
    {
        private readonly HashSet<string> _sent = [];

        public string Channel => OutboxUnexpectedFailureTests.Channel;
        public ChannelLimits Limits { get; } = new(1000, TimeSpan.FromMilliseconds(1), 1000);

        public bool Sent(string chatId) { lock (_sent) return _sent.Contains(chatId); }

        public Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken)
        {
            if (message.ChatId.StartsWith("bad", StringComparison.Ordinal)) throw new InvalidOperationException("a bug in the sender");
            lock (_sent) _sent.Add(message.ChatId);
            return Task.CompletedTask;
        }
    }
}
