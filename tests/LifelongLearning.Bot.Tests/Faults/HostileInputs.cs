using System.Text;

namespace LifelongLearning.Bot.Tests.Faults;

/// <summary>A seeded, deterministic generator of hostile texts: the same seed gives the same inputs on every run.</summary>
public sealed class HostileInputs(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Fixed =
    [
        "", " ", "\n\n\n", "\0", "\u0001\u0002\u001b[31m", "\u202Eabc\u202C", "\u200B\u200D\uFEFF", "\u061C١٢٣",
        "１２３", "١٢٣", "۱۲۳", "१२३", "99999999999999999999999999999999999999999", "1e308", "-1", "NaN", "∞",
        "79228162514264337593543950335", "9999999999999999999999999 tỷ", "khoảng 999999999999999999999999",
        "'; DROP TABLE answers; --", "{\"$where\": \"1==1\"}", "$.Value", "<script>alert(1)</script>", "%s%s%n",
        "../../etc/passwd", "${jndi:ldap://x}", "/start ../../..", "/moi '; --", "/xuat 99999999999", "/baocao \u0000",
        "TV-LUOT 1e9999", "TV-LUOT ١٢٣; TV-HTSD có", "TV-LUOT; ; ; ;", "bỏ qua", "quay lại", "/huy", "không biết",
        "/dangky_tv_luot_" + new string('x', 300), "cb:" + new string('9', 5000),
    ];

    public IEnumerable<string> Take(int count)
    {
        foreach (var f in Fixed) yield return f;
        for (var i = Fixed.Length; i < count; i++) yield return Next();
    }

    private string Next() => _random.Next(8) switch
    {
        0 => Run("🙂👍🏽👨‍👩‍👧‍👦🇻🇳", _random.Next(1, 2500)),
        1 => new string('a', 5000),
        2 => "/" + Run("abcxyz🙂_", _random.Next(1, 3000)),
        3 => "TV-LUOT " + Run("0123456789١٢٣１２３.,", _random.Next(1, 60)),
        4 => Controls(_random.Next(1, 200)),
        5 => Run("ăâđêôơưáàảãạ ", _random.Next(1, 5000)),
        6 => "/moi " + Run("ABC-🙂\u202E", _random.Next(100, 3000)),
        _ => Fixed[_random.Next(Fixed.Length)] + " " + Fixed[_random.Next(Fixed.Length)],
    };

    private string Run(string alphabet, int length)
    {
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(alphabet);
        var pieces = new List<string>();
        while (elements.MoveNext()) pieces.Add((string)elements.Current);
        var sb = new StringBuilder();
        while (sb.Length < length) sb.Append(pieces[_random.Next(pieces.Count)]);
        return sb.ToString();
    }

    private string Controls(int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++) sb.Append((char)(_random.Next(2) == 0 ? _random.Next(0, 32) : 0x2066 + _random.Next(4)));
        return sb.ToString();
    }
}
