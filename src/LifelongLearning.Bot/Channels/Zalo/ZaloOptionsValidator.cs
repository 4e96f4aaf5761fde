using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>Stops the start with a message naming the key; never echoes the token or the secret.</summary>
public sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public const int MinSecretLength = 8;
    public const int MaxSecretLength = 256;
    public const int MaxPollTimeoutSeconds = 60;

    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        var errors = new List<string>();

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            errors.Add("Zalo:ApiBaseUrl phải là địa chỉ http(s) đầy đủ.");

        if (options.BotToken is { } token && token.Length > 0 && token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/'))
            errors.Add("Zalo:BotToken không được có dấu cách hay dấu '/' (mã nằm trong mọi địa chỉ gọi Zalo); hãy dán lại đúng mã Zalo gửi.");

        // A person scans it from paper: an http link could be changed on the way, and Zalo's own are https.
        if (!string.IsNullOrEmpty(options.BotLink) && (!Uri.TryCreate(options.BotLink, UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps))
            errors.Add("Zalo:BotLink phải là địa chỉ https:// đầy đủ của bot (Zalo Bot Manager hiện địa chỉ này).");

        if (options.WebhookSecret is { } secret)
        {
            if (secret.Length is < MinSecretLength or > MaxSecretLength)
                errors.Add($"Zalo:WebhookSecret phải dài {MinSecretLength}–{MaxSecretLength} ký tự.");
            // It travels as an HTTP header value, where only visible ASCII is safe.
            else if (secret.Any(c => c is < '!' or > '~'))
                errors.Add("Zalo:WebhookSecret chỉ được gồm chữ, số và ký hiệu ASCII (không dấu cách, không dấu tiếng Việt).");
        }

        if (!string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var pub) || pub.Scheme != Uri.UriSchemeHttps)
                errors.Add("Zalo:PublicBaseUrl phải là địa chỉ https:// đầy đủ (Zalo không nhận http).");
            // Without a secret anyone who finds the webhook address could inject messages.
            if (string.IsNullOrEmpty(options.WebhookSecret))
                errors.Add("Zalo:WebhookSecret là bắt buộc khi đặt Zalo:PublicBaseUrl.");
            if (!Uri.TryCreate(options.WebhookListenUrl, UriKind.Absolute, out var listen) || (listen.Scheme != Uri.UriSchemeHttp && listen.Scheme != Uri.UriSchemeHttps))
                errors.Add("Zalo:WebhookListenUrl phải là địa chỉ http(s), ví dụ \"http://0.0.0.0:8081\".");
        }

        if (options.FileLinkLifetime < TimeSpan.FromMinutes(10) || options.FileLinkLifetime > TimeSpan.FromDays(90))
            errors.Add("Zalo:FileLinkLifetime phải từ 10 phút đến 90 ngày, ví dụ \"7.00:00:00\".");

        if (!(options.MessagesPerSecond > 0 && options.MessagesPerSecond <= 1000))
            errors.Add("Zalo:MessagesPerSecond phải lớn hơn 0 và không quá 1000.");

        if (options.PerChatInterval <= TimeSpan.Zero || options.PerChatInterval > TimeSpan.FromMinutes(1))
            errors.Add("Zalo:PerChatInterval phải lớn hơn 0 và không quá 1 phút, ví dụ \"00:00:01\" (một tin một giây cho mỗi cuộc trò chuyện).");

        if (options.MaxInFlight is < 1 or > 64)
            errors.Add("Zalo:MaxInFlight phải từ 1 đến 64 (số tin gửi cùng lúc; mặc định 8).");

        if (options.PollTimeoutSeconds is < 1 or > MaxPollTimeoutSeconds)
            errors.Add($"Zalo:PollTimeoutSeconds phải từ 1 đến {MaxPollTimeoutSeconds}.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
