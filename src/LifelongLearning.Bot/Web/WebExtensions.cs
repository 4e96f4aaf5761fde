using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Commands;
using LifelongLearning.Bot.Web.Pages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Web;

public static class WebExtensions
{
    /// <summary>What /web needs in the engine: options, sign-in links and sessions, the address the page is on.</summary>
    public static IHostApplicationBuilder AddWebAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().Bind(builder.Configuration.GetSection(WebOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<WebOptions>>(new WebCertificateValidator(builder.Configuration));
        builder.Services.AddSingleton<WebAccess>();
        builder.Services.AddSingleton<WebAddress>();
        builder.Services.AddSingleton<WebSignIn>();
        builder.Services.AddSingleton<WebCommand>();
        return builder;
    }

    /// <summary>The officials' web page: a local listener in every mode (Telegram, Zalo, both, the console demo).</summary>
    public static IHostApplicationBuilder AddWebPage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RoundPage>();
        services.AddSingleton<TargetsPage>();
        services.AddSingleton<TrendsPage>();
        services.AddSingleton<DownloadsPage>();
        services.AddSingleton<EventsPage>();
        services.AddSingleton<UnitsPage>();
        services.AddSingleton<WebServer>();
        services.AddHostedService(sp => sp.GetRequiredService<WebServer>());
        return builder;
    }
}
