namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Zalo refused a call, or could not be reached. <see cref="ErrorCode"/> is Zalo's error_code, the HTTP status
/// when the answer was not Zalo's envelope, or 0 when no answer came at all. The message never holds the token.
/// </summary>
public sealed class ZaloApiException(int errorCode, string description, bool isTransient = false)
    : Exception($"Zalo API error {errorCode}: {description}")
{
    public const int NoAnswer = 0;

    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    /// <summary>True for network errors, timeouts, 5xx and 429: the same call may succeed later.</summary>
    public bool IsTransient { get; } = isTransient;
}
