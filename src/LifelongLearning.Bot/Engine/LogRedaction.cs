using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Takes working secrets out of text bound for a log: the token of a public file link (/files/{token}: whoever
/// reads the log could fetch the file while the link lives) and a bot token in an API path (/bot{token}/…,
/// Telegram's and Zalo's alike). Logs are kept for days and shared when asking for help.
/// </summary>
public static partial class LogRedaction
{
    public const string Hidden = "***";

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        text = FilesToken().Replace(text, "/files/" + Hidden);
        return BotToken().Replace(text, "/bot" + Hidden);
    }

    [GeneratedRegex(@"/files/[^/\s?#""'<>]+")]
    private static partial Regex FilesToken();

    // "/bot" then a token: Telegram's "123456:AA…", Zalo's any string up to the method's slash.
    [GeneratedRegex(@"(?<!/)/bot[^/\s?#""'<>]{6,}(?=/|\s|$)")]
    private static partial Regex BotToken();
}

/// <summary>
/// The web servers' (webhook, public files) logger factory: every line written through it is redacted first.
/// ASP.NET Core logs each request's path at Information ("Request starting … GET …/files/{token}"), and a
/// line's structured values carry the same path, so a line keeps only its redacted text.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory belongs to the host, which disposes it.
    public void Dispose() { }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = LogRedaction.Redact(formatter(state, exception));
            if (exception is not null) text += $" ({exception.GetType().Name}: {LogRedaction.Redact(exception.Message)})";
            inner.Log(logLevel, eventId, text, null, static (s, _) => s);
        }
    }
}
