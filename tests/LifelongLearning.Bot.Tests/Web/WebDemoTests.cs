using LifelongLearning.Bot.Engine;
using System.Net;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Channels.Console;
using LifelongLearning.Bot.Tests.Support;
using LifelongLearning.Bot.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Web;

/// <summary>The console demo (no token at all): the web page runs too, and the terminal prints the official's sign-in link.</summary>
public sealed partial class WebDemoTests
{
    [Fact]
    public async Task The_demo_prints_a_sign_in_link_that_opens_the_page_as_the_demo_official()
    {
        var output = new StringWriter();
        await using var host = BotTestHost.Create(new Dictionary<string, string?>(),
            services => services.AddSingleton(new ConsoleTerminal(new WaitingReader(), TextWriter.Synchronized(output))));
        await host.StartAsync();

        var link = SignInLink().Match(output.ToString());
        Assert.True(link.Success, output.ToString());
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(host.Get<WebAddress>().ListeningUrl!) };
        var signedIn = await client.PostAsync(new Uri(link.Value).AbsolutePath, new FormUrlEncodedContent([]));
        var page = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains("Kỳ báo cáo đang mở", page);
        Assert.Contains("Chị Lan", page);
    }

    /// <summary>A terminal nobody types in: waits until the host stops (an empty input would end the demo at once).</summary>
    private sealed class WaitingReader : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/web/vao/[A-Za-z0-9_-]+")]
    private static partial Regex SignInLink();
}
