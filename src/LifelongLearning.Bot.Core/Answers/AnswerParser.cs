using System.Globalization;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Answers;

/// <summary>
/// Reads an answer the way people type it on a phone: "1.250", "1 250", "1,5", "12%", "15 triệu",
/// "có", "chưa", "x", "gần 500". Anything else is refused with a message that says what is expected; "khoảng 300"
/// is kept with its word, never silently as an exact 300.
/// </summary>
public static partial class AnswerParser
{
    public const string CountHint = "Vui lòng nhập một số nguyên không âm, ví dụ 1.250.";
    public const string MoneyHint = "Vui lòng nhập số tiền bằng đồng, ví dụ 15.000.000 hoặc 15 triệu.";
    public const string PercentHint = "Vui lòng nhập một tỷ lệ từ 0 đến 100, ví dụ 72,5%.";
    public const string YesNoHint = "Vui lòng trả lời «có» hoặc «không» (hoặc gõ 1 cho Có, 2 cho Không).";

    private static readonly HashSet<string> YesWords = ["co", "c", "co roi", "da co", "roi", "da", "vang", "vang co", "dung", "yes", "y", "x", "1", "co a", "da co roi"];
    private static readonly HashSet<string> NoWords = ["khong", "k", "ko", "kh", "khong co", "chua", "chua co", "no", "n", "o", "2", "khong a", "chua a"];
    // Folded; the longer of two words sharing a start comes first ("uoc tinh" before "uoc").
    private static readonly (string Word, Approximation Kind)[] ApproximateWords =
    [
        ("khoang", Approximation.About), ("tam", Approximation.About), ("chung", Approximation.About),
        ("xap xi", Approximation.About), ("uoc tinh", Approximation.About), ("uoc", Approximation.About),
        ("co le", Approximation.About), ("~", Approximation.About),
        ("gan", Approximation.Nearly), ("hon", Approximation.MoreThan), ("tren", Approximation.Above),
    ];

    public static string HintFor(IndicatorKind kind) => kind switch
    {
        IndicatorKind.YesNo => YesNoHint,
        IndicatorKind.Money => MoneyHint,
        IndicatorKind.Percentage => PercentHint,
        _ => CountHint,
    };

    /// <summary>The largest figure accepted when the plan sets none: beyond it a typed number is a slip, not a fact.</summary>
    public static decimal DefaultMax(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Money => 1_000_000_000_000m,    // 1.000 tỷ đồng: far above any commune budget line
        IndicatorKind.Percentage => 100m,
        _ => 100_000_000m,                            // 100 triệu lượt/người/buổi
    };

    public static ParseResult Parse(string text, IndicatorKind kind, decimal? max = null)
    {
        // Full-width (１２３) and Arabic-Indic (١٢٣) digits are the digits they stand for: `\d` matches them,
        // decimal.Parse does not, so they are turned into ASCII before anything else reads the text.
        text = AsciiDigits(text);
        var folded = Words.Fold(text).TrimEnd('.', '!', ' ');
        if (folded.Length == 0) return ParseResult.Refuse(HintFor(kind));
        return kind == IndicatorKind.YesNo ? ParseYesNo(folded) : ParseNumber(folded, kind, max ?? DefaultMax(kind));
    }

    private static ParseResult ParseYesNo(string folded)
    {
        if (YesWords.Contains(folded)) return ParseResult.Ok(AnswerValue.Yes);
        if (NoWords.Contains(folded)) return ParseResult.Ok(AnswerValue.No);
        return ParseResult.Refuse(YesNoHint);
    }

    private static ParseResult ParseNumber(string folded, IndicatorKind kind, decimal max)
    {
        Approximation? approximation = null;
        foreach (var (word, said) in ApproximateWords)
        {
            if (folded.StartsWith(word + " ", StringComparison.Ordinal) || (word == "~" && folded.StartsWith('~')))
            {
                approximation = said;
                folded = folded[word.Length..].Trim();
                break;
            }
        }

        var match = NumberPattern().Match(folded);
        if (!match.Success) return ParseResult.Refuse(HintFor(kind));
        if (match.Groups["sign"].Success) return ParseResult.Refuse("Số không được âm. " + HintFor(kind));

        var digits = match.Groups["int"].Value.Replace(".", "").Replace(" ", "");
        var fraction = match.Groups["frac"].Success ? match.Groups["frac"].Value : "";
        var tooLarge = $"Số này lớn hơn mức có thể có (tối đa {VietnameseFormat.Number(max)}). Vui lòng kiểm tra và nhập lại.";
        // A number longer than any real figure (40 ones) is refused before it can overflow a decimal.
        if (digits.TrimStart('0').Length > 20) return ParseResult.Refuse(tooLarge);
        if (fraction.Length > 10) fraction = fraction[..10];
        var value = decimal.Parse(fraction.Length > 0 ? $"{digits}.{fraction}" : digits, CultureInfo.InvariantCulture);

        var rest = match.Groups["rest"].Value.Trim();
        var percent = rest.StartsWith('%');
        if (percent) rest = rest[1..].Trim();
        var multiplier = Multiplier(ref rest);
        if (rest.Any(char.IsDigit)) return ParseResult.Refuse("Mỗi câu chỉ nhập một số. " + HintFor(kind));
        if (kind != IndicatorKind.Percentage && value > max / multiplier) return ParseResult.Refuse(tooLarge);
        value *= multiplier;

        switch (kind)
        {
            case IndicatorKind.Percentage:
                if (multiplier != 1) return ParseResult.Refuse(PercentHint);
                if (value > 100) return ParseResult.Refuse("Tỷ lệ không được vượt quá 100%. " + PercentHint);
                break;
            case IndicatorKind.Count:
                if (percent || multiplier != 1 && value != decimal.Truncate(value)) return ParseResult.Refuse(CountHint);
                if (value != decimal.Truncate(value)) return ParseResult.Refuse("Số lượng phải là số nguyên (dấu phẩy là phần thập phân). " + CountHint);
                break;
            case IndicatorKind.Money:
                if (percent) return ParseResult.Refuse(MoneyHint);
                if (value != decimal.Truncate(value)) return ParseResult.Refuse("Số tiền phải tròn đồng. " + MoneyHint);
                break;
        }

        // An approximate figure is kept as said («gần 500»), not rounded into an exact one; it meets the same
        // maximum above and the same check against the last period as a plain number.
        return ParseResult.Ok(AnswerValue.Of(value, approximation));
    }

    private static string AsciiDigits(string text)
    {
        if (!text.Any(c => c > '\u007f' && char.IsDigit(c))) return text;
        var chars = text.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
            if (chars[k] > '\u007f' && char.GetNumericValue(chars[k]) is >= 0 and <= 9 and var d && char.IsDigit(chars[k]))
                chars[k] = (char)('0' + (int)d);
        return new string(chars);
    }

    private static decimal Multiplier(ref string rest)
    {
        (string Word, decimal Factor)[] units = [("ty", 1_000_000_000m), ("trieu", 1_000_000m), ("tr", 1_000_000m), ("nghin", 1_000m), ("ngan", 1_000m), ("k", 1_000m)];
        foreach (var (word, factor) in units)
        {
            if (rest == word || rest.StartsWith(word + " ", StringComparison.Ordinal))
            {
                rest = rest[word.Length..].Trim();
                return factor;
            }
        }
        return 1m;
    }

    // A whole part either plain ("1250") or grouped by threes with dots or spaces ("1.250", "1 250 000"),
    // an optional decimal comma, then anything that is not a digit (a unit word, "%", "triệu"), the
    // short forms typed right after the number included ("15tr", "500k").
    [GeneratedRegex(@"^(?<sign>-\s*)?(?<int>\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(?<frac>\d+))?(?<rest>(?:\s*%|\s+\D.*|[^\W\d_].*|)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
