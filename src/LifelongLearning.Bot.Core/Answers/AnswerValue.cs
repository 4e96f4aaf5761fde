using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Answers;

/// <summary>
/// What a unit answered for one indicator: a yes/no, a number, or <see cref="Missing"/> when the unit
/// said it does not have the figure ("bỏ qua"). Missing is never zero.
/// </summary>
public sealed record AnswerValue
{
    public bool? YesNo { get; init; }
    public decimal? Number { get; init; }

    /// <summary>The word the person put before the number («gần», «hơn»…); null when exact, as in every answer stored before it was kept.</summary>
    public Approximation? Approximation { get; init; }
    public bool IsMissing => YesNo is null && Number is null;

    public static AnswerValue Missing { get; } = new();
    public static AnswerValue Yes { get; } = new() { YesNo = true };
    public static AnswerValue No { get; } = new() { YesNo = false };
    public static AnswerValue Of(decimal number, Approximation? approximation = null) => new() { Number = number, Approximation = approximation };
    public static AnswerValue Of(bool yes) => yes ? Yes : No;

    /// <summary>How the value reads to a person: "Có", "1.250 lượt", "gần 500 lượt", "72,5%", "(bỏ trống)".</summary>
    public string Display(Indicator indicator) => this switch
    {
        { YesNo: true } => "Có",
        { YesNo: false } => "Không",
        { Number: { } n } when indicator.Kind == IndicatorKind.Percentage => ApproximateText.Figure(VietnameseFormat.Percent(n), Approximation),
        { Number: { } n } => ApproximateText.Figure(VietnameseFormat.Number(n) + (indicator.UnitOfMeasure is { } u ? " " + u : ""), Approximation),
        _ => "(bỏ trống)",
    };
}
