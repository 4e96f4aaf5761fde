using System.Net;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>Turns Telegram:Proxy into the proxy of the Telegram HttpClient.</summary>
public static class TelegramProxy
{
    /// <summary>
    /// "http://host:port" or "socks5://host:port", with an optional "user:password@" that becomes the
    /// proxy's credentials (SocketsHttpHandler reads credentials from there, not from the address).
    /// </summary>
    public static WebProxy From(string address)
    {
        var uri = new Uri(address);
        var proxy = new WebProxy(new UriBuilder(uri) { UserName = "", Password = "" }.Uri);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            proxy.Credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        return proxy;
    }
}
