using Telegram.Bot.Exceptions;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>Sorts Telegram failures; the descriptions never carry the token (it is only in URLs).</summary>
public static class TelegramErrors
{
    /// <summary>Worth trying again: 429, 5xx, the network, a timeout (a cancellation the caller did not ask for).</summary>
    public static bool IsTransient(Exception ex, CancellationToken callerToken) => ex switch
    {
        ApiRequestException api => api.ErrorCode is 429 or >= 500,
        RequestException => true,
        HttpRequestException => true,
        TimeoutException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        IOException => true,
        _ => false,
    };

    /// <summary>A short, token-free description for logs and the outbox.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        ApiRequestException api => $"{api.ErrorCode}: {api.Message}",
        RequestException req => $"network: {req.HttpStatusCode?.ToString() ?? req.InnerException?.GetType().Name ?? "no answer"}",
        HttpRequestException http => $"network: {http.HttpRequestError}",
        OperationCanceledException or TimeoutException => "timeout",
        _ => ex.GetType().Name,
    };
}
