using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Hosting;

/// <summary>
/// A small web server on Health:ListenUrl (127.0.0.1 by default) that runs in every mode, polling included:
/// GET /healthz for the operator's monitoring (systemd, a cron curl, an uptime checker through a tunnel).
/// </summary>
public sealed partial class LocalListener(HealthEndpoint health, IOptions<HealthOptions> options, ILogger<LocalListener> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address actually listened on (a port 0 in the settings becomes the real one).</summary>
    public string? ListeningUrl { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Value.ListenUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        health.Map(app);
        await app.StartAsync(cancellationToken);
        _app = app;
        ListeningUrl = app.Urls.FirstOrDefault()?.TrimEnd('/');
        LogListening(ListeningUrl ?? options.Value.ListenUrl, HealthEndpoint.Path);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health check listening on {Url}{Path}")]
    private partial void LogListening(string url, string path);
}

public static class LocalListenerExtensions
{
    /// <summary>The listener, its /healthz, and which channels it expects to hear from.</summary>
    public static IHostApplicationBuilder AddLocalListener(this IHostApplicationBuilder builder, IEnumerable<(string Channel, bool Polling)> channels)
    {
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.Section)).ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.ListenUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "Health:ListenUrl phải là địa chỉ http, ví dụ \"http://127.0.0.1:8079\".")
            .ValidateOnStart();
        foreach (var (channel, polling) in channels) builder.Services.AddSingleton(new ExpectedChannel(channel, polling));
        // The calendar is looked up at each request: resolving the hosted services here would include this listener.
        builder.Services.AddSingleton(sp => new HealthEndpoint(
            sp.GetRequiredService<Heartbeats>(), sp.GetRequiredService<Storage.BotStore>(), sp.GetRequiredService<Backups.BackupHealth>(),
            () => sp.GetServices<IHostedService>().OfType<Scheduling.CalendarService>().FirstOrDefault(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<LocalListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalListener>());
        return builder;
    }
}
