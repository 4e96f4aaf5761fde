using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

public static class ZaloChannelExtensions
{
    /// <summary>The Zalo channel: options, client, start checks, polling or webhook, and the sender.</summary>
    public static IHostApplicationBuilder AddZaloChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ZaloOptions>().Bind(builder.Configuration.GetSection(ZaloOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();

        // No request logging for this client: every URL carries the token.
        services.AddHttpClient<ZaloClient>((sp, http) =>
            {
                // A poll waits up to PollTimeoutSeconds for an update; anything longer is a hang.
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.PollTimeoutSeconds + 15);
            })
            .RemoveAllLoggers();
        // Pictures people send: a short timeout on top of PhotoCopies' own, and no request logging (the URLs
        // may be private links).
        services.AddHttpClient(ZaloInbox.PhotoClientName, http => http.Timeout = PhotoCopies.Timeout + TimeSpan.FromSeconds(5))
            .RemoveAllLoggers();
        services.AddSingleton<ZaloInbox>();

        services.AddSingleton<ZaloStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<ZaloStartup>());
        var webhook = !string.IsNullOrEmpty(builder.Configuration["Zalo:PublicBaseUrl"]);
        if (webhook)
        {
            services.AddSingleton<ZaloWebhook>();
            services.AddHostedService(sp => sp.GetRequiredService<ZaloWebhook>());
        }
        else services.AddHostedService<ZaloPolling>();
        services.AddSingleton<IChannelSender, ZaloSender>();
        services.AddSingleton(ZaloSender.Profile);
        return builder;
    }
}
