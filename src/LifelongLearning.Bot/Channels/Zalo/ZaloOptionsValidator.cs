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
            errors.Add("Zalo:ApiBaseUrl must be an absolute http(s) URL.");

        if (options.BotToken is { } token && token.Length > 0 && token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '/'))
            errors.Add("Zalo:BotToken must not contain spaces or '/' (it becomes part of every URL).");

        if (options.WebhookSecret is { } secret)
        {
            if (secret.Length is < MinSecretLength or > MaxSecretLength)
                errors.Add($"Zalo:WebhookSecret must be {MinSecretLength}–{MaxSecretLength} characters.");
            // It travels as an HTTP header value, where only visible ASCII is safe.
            else if (secret.Any(c => c is < '!' or > '~'))
                errors.Add("Zalo:WebhookSecret must contain only visible ASCII characters (no spaces, no accents).");
        }

        if (!string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var pub) || pub.Scheme != Uri.UriSchemeHttps)
                errors.Add("Zalo:PublicBaseUrl must be an absolute https:// URL (Zalo refuses plain http).");
            // Without a secret anyone who finds the webhook address could inject messages.
            if (string.IsNullOrEmpty(options.WebhookSecret))
                errors.Add("Zalo:WebhookSecret is required when Zalo:PublicBaseUrl is set.");
        }

        if (!(options.MessagesPerSecond > 0 && options.MessagesPerSecond <= 1000))
            errors.Add("Zalo:MessagesPerSecond must be greater than 0 and at most 1000.");

        if (options.PollTimeoutSeconds is < 1 or > MaxPollTimeoutSeconds)
            errors.Add($"Zalo:PollTimeoutSeconds must be 1–{MaxPollTimeoutSeconds}.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
