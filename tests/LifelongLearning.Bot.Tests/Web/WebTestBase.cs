using LifelongLearning.Bot.Engine;
using System.Net;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Tests.Channels.Telegram;
using LifelongLearning.Bot.Web;

namespace LifelongLearning.Bot.Tests.Web;

/// <summary>
/// The real host with the fake Telegram server, and its web page on a free local port: an official asks for
/// a sign-in link in chat (/web) and a browser or an HttpClient opens it.
/// </summary>
public abstract partial class WebTestBase : TelegramBotTestBase
{
    protected string BaseUrl => Bot.Get<WebAddress>().ListeningUrl ?? throw new InvalidOperationException("The web page is not listening.");

    /// <summary>The chat sends /web and gets the link back; returns the link.</summary>
    protected async Task<string> LinkByChatAsync(long chat)
    {
        Say(chat, "/web");
        var message = await NextContainingAsync(chat, "/web/vao/");
        return SignInLink().Match(message.Body!).Value;
    }

    /// <summary>An HttpClient that keeps cookies and follows no redirect, so each answer is seen as it is.</summary>
    protected HttpClient NewClient(CookieContainer? cookies = null) =>
        new(Handler(cookies ?? new CookieContainer())) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>The client's handler; a page served over HTTPS trusts its own test certificate here.</summary>
    protected virtual HttpClientHandler Handler(CookieContainer cookies) => new() { CookieContainer = cookies, AllowAutoRedirect = false };

    /// <summary>Opens a link the way the page's own form does (the link is used up by the POST, not by opening it).</summary>
    protected static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string link) =>
        await client.PostAsync(new Uri(link).AbsolutePath, new FormUrlEncodedContent([]));

    protected async Task<HttpClient> SignedInClientAsync(long chat)
    {
        var client = NewClient();
        var response = await SignInAsync(client, await LinkByChatAsync(chat));
        Xunit.Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex(@"https?://\S+/web/vao/[A-Za-z0-9_-]+")]
    protected static partial Regex SignInLink();
}
