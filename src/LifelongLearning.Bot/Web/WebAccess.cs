using LifelongLearning.Bot.Core.Time;
using System.Security.Cryptography;
using System.Text;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Web;

public enum SignInResult
{
    SignedIn,
    Unknown,
    Used,
    Expired,
    NotOfficial,
}

/// <summary>The official a browser is signed in as, and the token its forms must carry.</summary>
public sealed record WebUser(Member Member, string SessionHash, string FormToken);

/// <summary>
/// Signing in without passwords: /web gives a single-use link, opening it starts a session. Tokens are 256
/// random bits; only their SHA-256 hashes are stored, so a copy of the database opens nothing. Only an
/// official or an admin (still a member) gets a link or keeps a session.
/// </summary>
public sealed class WebAccess(BotStore store, CommuneClock clock, IOptions<WebOptions> options, IOptions<BotOptions> bot)
{
    public const string CookieName = "llbot_web";

    /// <summary>What opening the link would do, without using it up (the page that opens it asks the browser to confirm).</summary>
    public SignInResult Peek(string token)
    {
        if (token.Length is < 16 or > 128) return SignInResult.Unknown;
        var link = store.WebLinks.FindById(Hash(token));
        if (link is null) return SignInResult.Unknown;
        if (link.UsedAt is not null) return SignInResult.Used;
        return link.ExpiresAt <= clock.UtcNow ? SignInResult.Expired : SignInResult.SignedIn;
    }

    /// <summary>Uses a link once: a session's cookie value when it was good, or why not.</summary>
    public (SignInResult Result, string? SessionToken) Redeem(string token) => store.Write(() =>
    {
        if (token.Length is < 16 or > 128) return (SignInResult.Unknown, (string?)null);
        var link = store.WebLinks.FindById(Hash(token));
        if (link is null) return (SignInResult.Unknown, null);
        if (link.UsedAt is not null) return (SignInResult.Used, null);
        if (link.ExpiresAt <= clock.UtcNow) return (SignInResult.Expired, null);
        link.UsedAt = clock.UtcNow;
        store.WebLinks.Update(link);
        ForgetSentLink(link.MemberId, token);
        if (OfficialMember(link.MemberId) is null) return (SignInResult.NotOfficial, null);
        var session = NewToken();
        store.WebSessions.DeleteMany(s => s.ExpiresAt < clock.UtcNow);
        store.WebSessions.Insert(new WebSession
        {
            Id = Hash(session), MemberId = link.MemberId, CreatedAt = clock.UtcNow,
            ExpiresAt = clock.UtcNow + options.Value.SessionLifetime, FormToken = NewToken(),
        });
        return (SignInResult.SignedIn, session);
    });

    /// <summary>
    /// The chat message that carried the link is the one place the token was written in clear (the outbox keeps
    /// sent rows for months): once the link is used, the row keeps the words and loses the token.
    /// </summary>
    private void ForgetSentLink(string memberId, string token)
    {
        foreach (var account in store.Accounts.Find(LiteDB.Query.EQ(nameof(ChatAccount.MemberId), memberId)).ToList())
            foreach (var row in store.Outbox.Find(LiteDB.Query.EQ(nameof(OutboxMessage.ChatId), account.ChatId)).Where(m => m.Channel == account.Channel && m.Text.Contains(token, StringComparison.Ordinal)).ToList())
            {
                row.Text = row.Text.Replace(token, "…(đã dùng)");
                store.Outbox.Update(row);
            }
    }

    /// <summary>The official behind a cookie value; null when there is none, it expired, or the person is no longer an official.</summary>
    public WebUser? Find(string? sessionToken)
    {
        if (sessionToken is null || sessionToken.Length is < 16 or > 128) return null;
        var hash = Hash(sessionToken);
        var session = store.WebSessions.FindById(hash);
        if (session is null || session.ExpiresAt <= clock.UtcNow) return null;
        var member = OfficialMember(session.MemberId);
        return member is null ? null : new WebUser(member, hash, session.FormToken);
    }

    public void End(WebUser user) => store.Write(() => store.WebSessions.Delete(user.SessionHash));

    /// <summary>Whether a form's token is this session's, compared in constant time.</summary>
    public static bool FormTokenMatches(WebUser user, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(user.FormToken));

    public TimeSpan SessionLifetime => options.Value.SessionLifetime;

    /// <summary>An official or admin still on the list; an admin by configuration counts while its member exists.</summary>
    private Member? OfficialMember(string memberId)
    {
        var member = store.Members.FindById(memberId);
        if (member is null || member.RemovedAt is not null) return null;
        if (member.Role is Role.Official or Role.Admin) return member;
        var admins = bot.Value.AdminChatIds.ToHashSet();
        return store.Accounts.Find(a => a.MemberId == memberId).Any(a => admins.Contains(a.Id)) ? member : null;
    }

    private static string NewToken() => WebSignIn.NewToken();

    private static string Hash(string token) => WebSignIn.Hash(token);
}
