using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Tests.Fakes.Zalo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

/// <summary>
/// IHttpClientFactory logs every request URI at Information, and the token is in the path (only query strings
/// are redacted). This pins the registration that keeps it out of the logs.
/// </summary>
public sealed class ZaloClientLoggingTests
{
    [Fact]
    public async Task The_registered_client_logs_no_token()
    {
        await using var zalo = await FakeZaloServer.StartAsync();
        var lines = new List<string>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(lines)));
        services.Configure<ZaloOptions>(o => { o.BotToken = zalo.Token; o.ApiBaseUrl = zalo.BaseUrl; });
        services.AddHttpClient<ZaloClient>().RemoveAllLoggers();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ZaloClient>().GetMeAsync();

        Assert.DoesNotContain(lines, l => l.Contains(zalo.Token, StringComparison.Ordinal));
    }

    private sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines) lines.Add($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
