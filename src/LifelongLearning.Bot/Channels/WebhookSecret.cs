using System.Security.Cryptography;
using System.Text;

namespace LifelongLearning.Bot.Channels;

/// <summary>The secret a platform sends back in a header on every webhook call (Telegram and Zalo alike).</summary>
public static class WebhookSecret
{
    /// <summary>
    /// Constant-time comparison of the header with the configured secret. Both are hashed first so that not even
    /// the secret's length leaks through timing. An empty secret never matches.
    /// </summary>
    public static bool Matches(string? headerValue, string secret)
    {
        if (headerValue is null || string.IsNullOrEmpty(secret))
            return false;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(headerValue));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
