using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>
/// The bot's real host, composed the way Program.cs composes it, on a temporary database that survives
/// <see cref="RestartAsync"/> and is deleted on dispose.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _directory;
    private readonly Action<IServiceCollection>? _services;

    private BotTestHost(Dictionary<string, string?> settings, string directory, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _directory = directory;
        _services = services;
    }

    public IHost? Host { get; private set; }

    /// <summary>Every log line of every start of this host, formatted, for checks such as "the token is never logged".</summary>
    public CapturedLogs Logs { get; } = new();

    public string DatabasePath => Path.Combine(_directory, "bot.db");

    public IServiceProvider Services => Host?.Services ?? throw new InvalidOperationException("The host is not running.");

    public BotStore Store => Services.GetRequiredService<BotStore>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Creates the settings; <see cref="StartAsync"/> builds and starts the host. <paramref name="services"/>
    /// registers before the bot's own (a FakeTimeProvider as TimeProvider wins over the system clock).
    /// </summary>
    public static BotTestHost Create(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "llbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var all = new Dictionary<string, string?>(settings);
        var host = new BotTestHost(all, directory, services);
        all.TryAdd("Storage:DatabasePath", host.DatabasePath);
        return host;
    }

    public static async Task<BotTestHost> StartAsync(IDictionary<string, string?> settings)
    {
        var host = Create(settings);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        if (Host is not null) throw new InvalidOperationException("Already started.");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug);
        if (Environment.GetEnvironmentVariable("LLBOT_TEST_LOG") is { Length: > 0 }) builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        _services?.Invoke(builder.Services);
        builder.AddBot();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        Host = host;
    }

    public async Task StopAsync()
    {
        if (Host is null) return;
        var host = Host;
        Host = null;
        try { await host.StopAsync(); }
        finally
        {
            // The store is a singleton the container disposes: the file is closed before a restart.
            host.Dispose();
        }
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
