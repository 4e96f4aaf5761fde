using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>Configuration section "Telegram"; checked by <see cref="TelegramOptionsValidator"/> at start.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public const string Polling = "polling";
    public const string Webhook = "webhook";

    /// <summary>The token from @BotFather; empty means the Telegram channel is off.</summary>
    public string? BotToken { get; set; }

    /// <summary>Another Bot API server (a self-hosted telegram-bot-api, the tests' fake); null = api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>"polling" (default, works behind NAT) or "webhook" (needs a public https address).</summary>
    public string Mode { get; set; } = Polling;

    /// <summary>The public https address Telegram posts updates to, ending in /telegram/webhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent with setWebhook; Telegram returns it in X-Telegram-Bot-Api-Secret-Token.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where the webhook endpoint listens, for example "http://0.0.0.0:8080".</summary>
    public string WebhookListenUrl { get; set; } = "http://0.0.0.0:8080";

    /// <summary>Optional http:// or socks5:// proxy for reaching Telegram.</summary>
    public string? Proxy { get; set; }

    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>Messages a second in all chats together; Telegram allows about 30 (its Bot FAQ).</summary>
    public double MessagesPerSecond { get; set; } = 30;

    /// <summary>
    /// Sends under way at once (never two to one chat): with a round trip of 300 ms (a proxy, a Bot API server
    /// abroad) one at a time reaches only a tenth of 30 a second.
    /// </summary>
    public int MaxInFlight { get; set; } = 16;

    /// <summary>
    /// The least time between two messages to one chat, counted from the previous one's answer (Telegram: about
    /// one a second, and bursts draw 429s). Only the tests, against their own server, set it shorter.
    /// </summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsWebhook => string.Equals(Mode, Webhook, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Stops the start with messages naming the key; never echoes the token or the secret.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.BotToken))
            errors.Add("Telegram:BotToken là bắt buộc (mã do @BotFather cấp).");
        else if (!TokenPattern().IsMatch(o.BotToken))
            errors.Add("Telegram:BotToken không giống mã bot (dạng số:chữ, như @BotFather cấp); hãy dán lại đúng mã.");

        if (o.ApiBaseUrl is { Length: > 0 } api && !IsHttpUrl(api, allowHttp: true))
            errors.Add("Telegram:ApiBaseUrl phải là địa chỉ http(s) đầy đủ, hoặc để trống để dùng api.telegram.org.");

        if (!string.Equals(o.Mode, TelegramOptions.Polling, StringComparison.OrdinalIgnoreCase) && !o.IsWebhook)
            errors.Add("Telegram:Mode phải là \"polling\" hoặc \"webhook\".");

        if (o.IsWebhook)
        {
            if (string.IsNullOrEmpty(o.WebhookUrl) || !IsHttpUrl(o.WebhookUrl, allowHttp: false))
                errors.Add("Telegram:WebhookUrl phải là địa chỉ https:// công khai khi dùng chế độ webhook.");
            if (string.IsNullOrEmpty(o.WebhookSecret))
                errors.Add("Telegram:WebhookSecret là bắt buộc khi dùng chế độ webhook (1–256 ký tự A-Z, a-z, 0-9, _ và -).");
            if (string.IsNullOrEmpty(o.WebhookListenUrl) || !IsHttpUrl(o.WebhookListenUrl, allowHttp: true))
                errors.Add("Telegram:WebhookListenUrl phải là địa chỉ http(s), ví dụ \"http://0.0.0.0:8080\".");
        }
        if (o.WebhookSecret is { Length: > 0 } secret && !SecretPattern().IsMatch(secret))
            errors.Add("Telegram:WebhookSecret phải gồm 1–256 ký tự A-Z, a-z, 0-9, _ và -.");

        if (o.Proxy is { Length: > 0 } proxy &&
            !(Uri.TryCreate(proxy, UriKind.Absolute, out var p) && p.Scheme is "http" or "https" or "socks5" or "socks4" or "socks4a"))
            errors.Add("Telegram:Proxy phải là địa chỉ http:// hoặc socks5://.");

        if (o.PollTimeoutSeconds is < 0 or > 50)
            errors.Add("Telegram:PollTimeoutSeconds phải từ 0 đến 50.");

        if (o.MaxInFlight is < 1 or > 64)
            errors.Add("Telegram:MaxInFlight phải từ 1 đến 64 (số tin gửi cùng lúc; mặc định 16).");

        if (o.PerChatInterval <= TimeSpan.Zero || o.PerChatInterval > TimeSpan.FromMinutes(1))
            errors.Add("Telegram:PerChatInterval phải lớn hơn 0 và không quá 1 phút, ví dụ \"00:00:01\" (Telegram cho phép khoảng một tin một giây cho mỗi cuộc trò chuyện).");

        if (o.MessagesPerSecond is <= 0 or > 1000)
            errors.Add("Telegram:MessagesPerSecond phải lớn hơn 0 và không quá 1000 (Telegram cho phép khoảng 30).");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string value, bool allowHttp) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp));

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
