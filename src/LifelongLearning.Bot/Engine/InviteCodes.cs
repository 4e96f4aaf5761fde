using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Invite codes: 8 characters with no look-alikes (no 0/O, 1/I/L), shown as "ABCD-EFGH", and stored only
/// as a hash so that a copy of the database does not hand out working codes.
/// </summary>
public static partial class InviteCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string NewCode() =>
        string.Create(8, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });

    public static string Display(string code) => $"{code[..4]}-{code[4..]}";

    public static string Normalize(string text) => text.Trim().Replace("-", "").Replace(" ", "").ToUpperInvariant();

    public static bool LooksLikeCode(string text) => CodePattern().IsMatch(text.Trim());

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    [GeneratedRegex("^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$")]
    private static partial Regex CodePattern();
}
