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
    private BotTestHost(Dictionary<string, string?> settings, string directory)
    {
        _settings = settings;
        _directory = directory;
    }

    public IHost? Host { get; private set; }

    /// <summary>Every log line of every start of this host, formatted, for checks such as "the token is never logged".</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The per-chat interval every test host uses unless its settings say otherwise.</summary>
    public const string TestPerChatInterval = "00:00:00.050";

    public string DatabasePath => Path.Combine(_directory, "bot.db");

    /// <summary>Services registered before the bot's own, for every start (a FakeTimeProvider: the bot only adds the system clock when none is there).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

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
        var host = new BotTestHost(all, directory) { ConfigureServices = services };
        all.TryAdd("Storage:DatabasePath", host.DatabasePath);
        // Hosts run side by side: each health listener on a port of its own (LocalListener.ListeningUrl).
        all.TryAdd("Health:ListenUrl", "http://127.0.0.1:0");
        // A test that moves the clock past 20:30 gets a nightly copy: into this host's folder, not the test's.
        all.TryAdd("Backup:Folder", Path.Combine(directory, "backups"));
        // Tests run side by side: each host's web page takes a free port, never the default 8080.
        all.TryAdd("Web:ListenUrl", "http://127.0.0.1:0");
        // A chat's messages a twentieth of a second apart, not a second: tests read several replies to one chat
        // within seconds. The pacing code is the same; PerChatPaceTests hold the real default of one a second.
        all.TryAdd("Telegram:PerChatInterval", TestPerChatInterval);
        all.TryAdd("Zalo:PerChatInterval", TestPerChatInterval);
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
        ConfigureServices?.Invoke(builder.Services);
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

    /// <summary>
    /// As close to a killed process as a test can come: no graceful stop, no draining. The services are
    /// cancelled as the container disposes them, the message in flight is cut off, and the store is closed
    /// between two transactions (a kill loses no committed one: LiteDB writes its log before it commits).
    /// </summary>
    public async Task KillAsync()
    {
        if (Host is null) return;
        var host = Host;
        Host = null;
        if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else host.Dispose();
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
