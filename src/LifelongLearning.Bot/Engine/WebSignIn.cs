using System.Security.Cryptography;
using System.Text;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// An official's single-use link to the web page, made in chat (/web) or at the console's start: a random token whose
/// SHA-256 hash alone is stored, so a copy of the database opens nothing. The web page redeems it (<c>Web.WebAccess</c>).
/// </summary>
public sealed class WebSignIn(BotStore store, CommuneClock clock, WebAddress address, IOptions<WebOptions> options)
{
    public const string SignInPath = "/web/vao/";

    /// <summary>A new sign-in link's token for the member.</summary>
    public string CreateLink(string memberId)
    {
        var token = NewToken();
        store.Write(() =>
        {
            store.WebLinks.DeleteMany(l => l.ExpiresAt < clock.UtcNow);
            store.WebLinks.Insert(new WebLink { Id = Hash(token), MemberId = memberId, CreatedAt = clock.UtcNow, ExpiresAt = clock.UtcNow + options.Value.LinkLifetime });
        });
        return token;
    }

    /// <summary>The sign-in address under the public base URL, or the one the page listens on.</summary>
    public string UrlOf(string token) =>
        (string.IsNullOrEmpty(options.Value.PublicBaseUrl) ? address.ListeningUrl ?? options.Value.ListenUrl : options.Value.PublicBaseUrl).TrimEnd('/') + SignInPath + token;

    /// <summary>Whether a link can be opened at all: the page listens, or a public address is set.</summary>
    public bool CanSignIn => address.ListeningUrl is not null || !string.IsNullOrEmpty(options.Value.PublicBaseUrl);

    public TimeSpan LinkLifetime => options.Value.LinkLifetime;

    /// <summary>How a token (a link's or a session's) is stored and looked up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
