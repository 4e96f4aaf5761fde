using System.Text;
using System.Text.Json.Nodes;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Something the bot did to a chat: a new message (send*, copyMessage, forwardMessage), an edit (edit*) or a
/// deleteMessage. Filter on <see cref="Method"/> when only new messages matter.
/// </summary>
public sealed class SentMessage
{
    public required long Sequence { get; init; }
    public required string Method { get; init; }
    public required long ChatId { get; init; }
    public long MessageId { get; init; }
    public string? Text { get; init; }
    public string? Caption { get; init; }
    public string? ParseMode { get; init; }
    public JsonNode? ReplyMarkup { get; init; }
    public IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard { get; init; } = [];

    /// <summary>The uploaded photo or document, when the bot sent the bytes.</summary>
    public UploadedFile? File { get; init; }

    /// <summary>A file_id or URL, when the bot sent a reference instead of bytes.</summary>
    public string? FileReference { get; init; }

    /// <summary>Every parameter as received (form values arrive as strings, JSON bodies keep their types).</summary>
    public required JsonObject Parameters { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Monotonic time since the server started; use this for ordering and spacing.</summary>
    public required TimeSpan Elapsed { get; init; }

    public string? Body => Text ?? Caption;
    public byte[]? FileBytes => File?.Content;
    public string? FileName => File?.FileName;
    public bool IsNewMessage => Method.StartsWith("send", StringComparison.Ordinal)
        || Method is "copyMessage" or "forwardMessage";
    public IEnumerable<InlineButton> Buttons => InlineKeyboard.SelectMany(row => row);

    public override string ToString()
    {
        var sb = new StringBuilder($"#{Sequence} +{Elapsed.TotalMilliseconds:0}ms {Method} msg {MessageId}");
        if (Body is { } body) sb.Append($" \"{(body.Length > 120 ? body[..120] + "…" : body)}\"");
        if (File is { } file) sb.Append($" file {file.FileName} ({file.Content.Length} bytes)");
        if (FileReference is { } reference) sb.Append($" file ref {reference}");
        foreach (var row in InlineKeyboard)
            sb.Append(" [").AppendJoin(" | ", row.Select(b => $"{b.Text} → {b.CallbackData ?? b.Url}")).Append(']');
        foreach (var row in ReplyKeyboard) sb.Append(" {").AppendJoin(" | ", row).Append('}');
        return sb.ToString();
    }
}

public sealed record InlineButton(string Text, string? CallbackData, string? Url);

public sealed record UploadedFile(string FieldName, string FileName, string? ContentType, byte[] Content);

public sealed record AnsweredCallbackQuery(string CallbackQueryId, string? Text, bool ShowAlert, string? Url, int? CacheTime, TimeSpan Elapsed);

public sealed record BotCommandInfo(string Command, string Description);

/// <summary>One setMyCommands call; Scope and LanguageCode are null for the default list.</summary>
public sealed record CommandsSet(IReadOnlyList<BotCommandInfo> Commands, JsonNode? Scope, string? LanguageCode);

/// <summary>Every call that reached the fake, answered or not; StatusCode 0 means it never got an answer.</summary>
public sealed record RecordedRequest(
    long Sequence,
    string Method,
    string HttpMethod,
    string? ContentType,
    JsonObject Parameters,
    IReadOnlyList<string> FileParts,
    int StatusCode,
    string? Description,
    TimeSpan Elapsed);
