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
        using var input = new WaitingReader();
        await using var host = BotTestHost.Create(new Dictionary<string, string?>(),
            services => services.AddSingleton(new ConsoleTerminal(input, TextWriter.Synchronized(output))));
        await host.StartAsync();

        var link = SignInLink().Match(output.ToString());
        Assert.True(link.Success, output.ToString());
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(host.Get<WebAddress>().ListeningUrl!) };
        var signedIn = await client.PostAsync(new Uri(link.Value).AbsolutePath, new FormUrlEncodedContent([]));
        var page = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains("Kỳ báo cáo đang mở", page);
        Assert.Contains("Chị Lan", page);
    }

    /// <summary>
    /// A terminal nobody types in: a read waits until the test ends (an empty input would end the demo at once).
    /// The terminal reads on a thread of its own with the blocking ReadLine, as it does Console.In.
    /// </summary>
    private sealed class WaitingReader : TextReader
    {
        private readonly ManualResetEventSlim _closed = new();

        public override string? ReadLine()
        {
            _closed.Wait();
            return null;
        }

        protected override void Dispose(bool disposing)
        {
            _closed.Set();
            base.Dispose(disposing);
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/web/vao/[A-Za-z0-9_-]+")]
    private static partial Regex SignInLink();
}
