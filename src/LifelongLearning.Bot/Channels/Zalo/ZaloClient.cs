using LifelongLearning.Bot.Engine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Typed client for the Zalo Bot API. The token sits in every URL, so nothing that may hold a URL
/// (an HttpRequestException, a server's description) leaves this class unscrubbed.
/// </summary>
public sealed class ZaloClient
{
    public const int MaxTextLength = 2000;

    /// <summary>Zalo's answer to a poll that ended with nothing: "no update", not a failure.</summary>
    public const int NoUpdateErrorCode = 408;

    private readonly HttpClient _http;
    private readonly ZaloOptions _options;

    public ZaloClient(HttpClient http, IOptions<ZaloOptions> options)
    {
        _http = http;
        _options = options.Value;
    }

    public async Task<ZaloBotInfo> GetMeAsync(CancellationToken ct = default)
    {
        var envelope = await CallAsync("getMe", new { }, ct);
        return ReadResult<ZaloBotInfo>("getMe", EnsureOk("getMe", envelope));
    }

    /// <summary>Waits up to <paramref name="timeoutSeconds"/> for one update; null when none came.</summary>
    public async Task<ZaloUpdate?> GetUpdatesAsync(int timeoutSeconds, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timeoutSeconds);
        var envelope = await CallAsync("getUpdates", new { timeout = timeoutSeconds.ToString(CultureInfo.InvariantCulture) }, ct);
        if (!envelope.Ok && envelope.ErrorCode == NoUpdateErrorCode)
            return null;
        var result = EnsureOk("getUpdates", envelope);
        if (result is not { ValueKind: JsonValueKind.Object })
            return null;
        try
        {
            return ZaloUpdate.FromElement(result.Value);
        }
        catch (JsonException e)
        {
            throw new ZaloApiException(ZaloApiException.NoAnswer, $"getUpdates returned an update that cannot be read: {Scrub(e.Message)}");
        }
    }

    public async Task SendMessageAsync(string chatId, string text, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        CheckText(text, nameof(text));
        EnsureOk("sendMessage", await CallAsync("sendMessage", new { chat_id = chatId, text }, ct));
    }

    /// <summary>Zalo takes the photo as a URL it fetches itself, so <paramref name="photoUrl"/> must be public.</summary>
    public async Task SendPhotoAsync(string chatId, string photoUrl, string? caption = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        ArgumentException.ThrowIfNullOrEmpty(photoUrl);
        if (caption is not null)
            CheckText(caption, nameof(caption));
        EnsureOk("sendPhoto", await CallAsync("sendPhoto", new { chat_id = chatId, photo = photoUrl, caption }, ct));
    }

    public async Task SendChatActionAsync(string chatId, string action = "typing", CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chatId);
        ArgumentException.ThrowIfNullOrEmpty(action);
        EnsureOk("sendChatAction", await CallAsync("sendChatAction", new { chat_id = chatId, action }, ct));
    }

    public async Task SetWebhookAsync(string url, string secretToken, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentException.ThrowIfNullOrEmpty(secretToken);
        EnsureOk("setWebhook", await CallAsync("setWebhook", new { url, secret_token = secretToken }, ct));
    }

    public async Task DeleteWebhookAsync(CancellationToken ct = default) =>
        EnsureOk("deleteWebhook", await CallAsync("deleteWebhook", new { }, ct));

    public async Task<ZaloWebhookInfo> GetWebhookInfoAsync(CancellationToken ct = default)
    {
        var result = EnsureOk("getWebhookInfo", await CallAsync("getWebhookInfo", new { }, ct));
        return result is { ValueKind: JsonValueKind.Object } ? ReadResult<ZaloWebhookInfo>("getWebhookInfo", result) : new ZaloWebhookInfo();
    }

    private static void CheckText(string text, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        // Zalo's limit is in characters; UTF-16 length errs on the safe side for emoji.
        if (text.Length is 0 or > MaxTextLength)
            throw new ArgumentException($"Zalo accepts 1–{MaxTextLength} characters; this has {text.Length}.", paramName);
    }

    private async Task<ZaloEnvelope> CallAsync(string method, object payload, CancellationToken ct)
    {
        var token = _options.BotToken;
        if (string.IsNullOrWhiteSpace(token))
            throw new InvalidOperationException("Zalo:BotToken is not set.");
        var url = $"{_options.ApiBaseUrl.TrimEnd('/')}/bot{token}/{method}";

        try
        {
            // Serialised up front so the request carries a Content-Length, as Zalo's own examples do; a
            // streaming JsonContent goes out chunked, which a gateway may refuse.
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), ZaloJson.Options));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await _http.PostAsync(url, content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return ReadEnvelope(method, response.StatusCode, body);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        // Inner exceptions are dropped on purpose: their messages or data may hold the URL, hence the token.
        catch (OperationCanceledException)
        {
            throw new ZaloApiException(ZaloApiException.NoAnswer, $"{method} timed out (no answer from Zalo).", isTransient: true);
        }
        catch (HttpRequestException e)
        {
            throw new ZaloApiException(ZaloApiException.NoAnswer, $"{method} could not reach Zalo: {Scrub(e.Message)}", isTransient: true);
        }
    }

    private ZaloEnvelope ReadEnvelope(string method, HttpStatusCode status, string body)
    {
        var code = (int)status;
        var transientStatus = code >= 500 || status == HttpStatusCode.TooManyRequests;
        ZaloEnvelope? envelope = null;
        try
        {
            envelope = JsonSerializer.Deserialize<ZaloEnvelope>(body, ZaloJson.Options);
        }
        catch (JsonException)
        {
            // A gateway's HTML error page; the status decides below.
        }

        if (envelope is null)
            throw new ZaloApiException(code, $"{method} got HTTP {code} without a Zalo answer.", transientStatus);

        // A 5xx or 429 stays transient even when its body carries a permanent-looking error_code.
        if (!envelope.Ok && transientStatus)
            throw new ZaloApiException(envelope.ErrorCode ?? code, $"{method}: {Scrub(envelope.Description)} (HTTP {code})", isTransient: true);

        return envelope.Ok || envelope.ErrorCode is not null || code < 300 ? envelope : envelope with { ErrorCode = code };
    }

    private JsonElement? EnsureOk(string method, ZaloEnvelope envelope)
    {
        if (envelope.Ok)
            return envelope.Result;
        var code = envelope.ErrorCode ?? 0;
        var description = Scrub(envelope.Description) is { Length: > 0 } d ? d : "no description";
        throw new ZaloApiException(code, $"{method}: {description}", code is 429 or >= 500 or NoUpdateErrorCode);
    }

    private T ReadResult<T>(string method, JsonElement? result)
    {
        try
        {
            if (result is { } element && element.Deserialize<T>(ZaloJson.Options) is { } value)
                return value;
        }
        catch (JsonException e)
        {
            throw new ZaloApiException(ZaloApiException.NoAnswer, $"{method} returned a result that cannot be read: {Scrub(e.Message)}");
        }
        throw new ZaloApiException(ZaloApiException.NoAnswer, $"{method} returned no result.");
    }

    private string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var token = _options.BotToken;
        // A description may also echo a photo's URL, whose /files/{token} is a live link.
        text = LogRedaction.Redact(text);
        return string.IsNullOrEmpty(token) ? text : text.Replace(token, "***", StringComparison.Ordinal);
    }
}
