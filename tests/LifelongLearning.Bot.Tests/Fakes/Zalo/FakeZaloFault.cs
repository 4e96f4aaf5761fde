namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

internal enum FakeZaloFaultKind
{
    /// <summary>An HTTP status (5xx, 429…) with a non-JSON body, as a gateway would send.</summary>
    HttpStatus,

    /// <summary>HTTP 200 with ok:false and the given error_code.</summary>
    ZaloError,

    /// <summary>No answer until the caller gives up or the server stops.</summary>
    Hang,
}

internal sealed class FakeZaloFault(string? method, FakeZaloFaultKind kind, int code, string description, int count, string? textContains = null)
{
    /// <summary>Only calls whose text or caption holds this (null: any call).</summary>
    public string? TextContains { get; } = textContains;

    public string? Method { get; } = method;
    public FakeZaloFaultKind Kind { get; } = kind;
    public int Code { get; } = code;
    public string Description { get; } = description;
    public int Remaining { get; set; } = count;

    public bool AppliesTo(string method, string? text) =>
        Remaining > 0 && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (TextContains is null || text?.Contains(TextContains, StringComparison.Ordinal) == true);
}
