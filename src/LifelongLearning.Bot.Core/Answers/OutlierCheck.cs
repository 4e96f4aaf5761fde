using LifelongLearning.Bot.Core.Numbers;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Answers;

/// <summary>
/// A figure ten times the unit's previous one, or less than a tenth of it, is usually a typing slip
/// (an extra zero). It is not refused, only confirmed, as DHIS2 does with min-max outliers.
/// </summary>
public static class OutlierCheck
{
    public const decimal Factor = 10m;

    /// <summary>The question to ask before storing the value, or null when it looks ordinary.</summary>
    public static string? QuestionFor(Indicator indicator, AnswerValue value, AnswerValue? previous)
    {
        if (indicator.Kind is not (IndicatorKind.Count or IndicatorKind.Money)) return null;
        if (value.Number is not { } now || previous?.Number is not { } before || before <= 0) return null;
        var shownBefore = previous.Display(indicator);
        if (now == 0)
            return $"Số này bằng 0, trong khi kỳ trước là {shownBefore}. Anh/chị xác nhận? (gõ «có» để lưu, hoặc nhập lại)";
        var ratio = Saturating.Divide(now, before);
        if (ratio >= Factor)
            return $"Số này cao gấp {VietnameseFormat.Number(Math.Round(ratio))} lần kỳ trước ({shownBefore}), anh/chị xác nhận? (gõ «có» để lưu, hoặc nhập lại)";
        if (ratio <= 1 / Factor)
            return $"Số này chỉ bằng khoảng 1/{VietnameseFormat.Number(Math.Round(Saturating.Divide(1, ratio)))} kỳ trước ({shownBefore}), anh/chị xác nhận? (gõ «có» để lưu, hoặc nhập lại)";
        return null;
    }
}
