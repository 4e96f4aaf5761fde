using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Configuration;

/// <summary>Section "Web": the officials' web page, served on a local address by the bot's own process.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Where the page listens; by default only this machine (put a reverse proxy with HTTPS in front to open it
    /// wider). Not 8080 or 8081: those are the Telegram and Zalo webhooks' default ports.
    /// </summary>
    public string ListenUrl { get; set; } = "http://127.0.0.1:8082";

    /// <summary>The address officials open, used in the sign-in links; empty = <see cref="ListenUrl"/>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a signed-in browser stays signed in.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a sign-in link from /web works (single use).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Stops the start with a message naming the key.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var errors = new List<string>();
        if (!IsHttp(options.ListenUrl))
            errors.Add("Web:ListenUrl phải là địa chỉ http(s) đầy đủ, ví dụ \"http://127.0.0.1:8082\".");
        if (!string.IsNullOrEmpty(options.PublicBaseUrl) && !IsHttp(options.PublicBaseUrl))
            errors.Add("Web:PublicBaseUrl phải là địa chỉ http(s) đầy đủ, ví dụ \"https://baocao.xa.gov.vn\".");
        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(30))
            errors.Add("Web:SessionLifetime phải từ 5 phút đến 30 ngày, ví dụ \"12:00:00\".");
        if (options.LinkLifetime < TimeSpan.FromMinutes(1) || options.LinkLifetime > TimeSpan.FromHours(1))
            errors.Add("Web:LinkLifetime phải từ 1 phút đến 1 giờ, ví dụ \"00:10:00\".");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);
}
