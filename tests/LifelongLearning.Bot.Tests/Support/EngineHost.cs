using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>
/// The bot's core (engine, store, calendar services) without a channel, on a temporary database deleted on
/// dispose: for tests that talk to the engine directly. <c>services</c> registers before the bot's own, so a
/// FakeTimeProvider wins over the system clock; add a recording IChannelSender and OutboxService there too.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _folder;

    private EngineHost(IHost host, string folder)
    {
        _host = host;
        _folder = folder;
    }

    public IServiceProvider Services => _host.Services;

    public BotStore Store => Services.GetRequiredService<BotStore>();

    public string DatabasePath => Path.Combine(_folder, "bot.db");

    public BotEngine Engine => Services.GetRequiredService<BotEngine>();

    /// <param name="database">a store file copied in as the host's database before it starts (a fixture of an older release)</param>
    public static async Task<EngineHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null, string? database = null)
    {
        var folder = Directory.CreateTempSubdirectory("llb-engine-").FullName;
        if (database is not null) File.Copy(database, Path.Combine(folder, "bot.db"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db") });
        services?.Invoke(builder.Services);
        builder.AddBotCore();
        var host = builder.Build();
        try { await host.StartAsync(); }
        catch
        {
            // A start refused on purpose (a store from a newer release) leaves no temp folder behind.
            host.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
        return new EngineHost(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
