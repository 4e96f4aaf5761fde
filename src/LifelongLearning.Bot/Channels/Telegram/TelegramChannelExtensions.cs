using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace LifelongLearning.Bot.Channels.Telegram;

public static class TelegramChannelExtensions
{
    public const string HttpClientName = "telegram";

    /// <summary>The Telegram channel: options, client, start checks, polling or webhook, and the sender.</summary>
    public static IHostApplicationBuilder AddTelegramChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().Bind(builder.Configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

        // No request logging for this client: every URL carries the token.
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var proxy = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.Proxy;
                return string.IsNullOrEmpty(proxy)
                    ? new SocketsHttpHandler()
                    : new SocketsHttpHandler { Proxy = TelegramProxy.From(proxy), UseProxy = true };
            });
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var baseUrl = string.IsNullOrEmpty(o.ApiBaseUrl) ? null : o.ApiBaseUrl.TrimEnd('/');
            return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, baseUrl) { RetryThreshold = 0 }, http);
        });

        services.AddSingleton<TelegramStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramStartup>());
        services.AddHostedService<TelegramMenus>();
        var webhook = string.Equals(builder.Configuration["Telegram:Mode"], TelegramOptions.Webhook, StringComparison.OrdinalIgnoreCase);
        if (webhook)
        {
            services.AddSingleton<TelegramWebhook>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramWebhook>());
        }
        else services.AddHostedService<TelegramPolling>();
        services.AddSingleton<IChannelSender, TelegramSender>();
        services.AddSingleton(TelegramSender.Profile);
        return builder;
    }
}
