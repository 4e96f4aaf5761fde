namespace LifelongLearning.Bot.Core.Answers;

/// <summary>
/// What came of a typed answer: a value, a value to confirm first (an approximate "khoảng 300", or a figure
/// far from the last period's), or a refusal whose message says what is expected.
/// </summary>
public sealed record ParseResult
{
    public AnswerValue? Value { get; private init; }
    public string? Error { get; private init; }
    public string? ConfirmQuestion { get; private init; }

    public bool IsOk => Value is not null && ConfirmQuestion is null;
    public bool NeedsConfirmation => Value is not null && ConfirmQuestion is not null;

    public static ParseResult Ok(AnswerValue value) => new() { Value = value };
    public static ParseResult Refuse(string error) => new() { Error = error };
    public static ParseResult Confirm(AnswerValue value, string question) => new() { Value = value, ConfirmQuestion = question };
}
