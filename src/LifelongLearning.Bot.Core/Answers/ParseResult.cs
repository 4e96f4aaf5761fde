namespace LifelongLearning.Bot.Core.Answers;

/// <summary>
/// What came of a typed answer: a value (an approximate «khoảng 300» keeps its word), or a refusal whose
/// message says what is expected. A figure far from the last period's is confirmed afterwards (<see cref="OutlierCheck"/>).
/// </summary>
public sealed record ParseResult
{
    public AnswerValue? Value { get; private init; }
    public string? Error { get; private init; }

    public bool IsOk => Value is not null;

    public static ParseResult Ok(AnswerValue value) => new() { Value = value };
    public static ParseResult Refuse(string error) => new() { Error = error };
}
