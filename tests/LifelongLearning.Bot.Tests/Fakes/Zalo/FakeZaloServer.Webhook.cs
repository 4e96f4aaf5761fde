using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

public sealed partial class FakeZaloServer
{
    private const string SecretHeader = "X-Bot-Api-Secret-Token";

    private long? _webhookUpdatedAt;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Real Zalo refuses a webhook URL that is not public HTTPS. Tests need loopback http, so by default the fake
    /// accepts it; set false to test that the bot handles the refusal (ok:false 400).
    /// </summary>
    public bool AcceptLoopbackWebhook { get; set; } = true;

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>
    /// POSTs the documented webhook body for a text message to <paramref name="target"/>, with the secret header
    /// unless <paramref name="secret"/> is null, and returns the bot's HTTP status.
    /// </summary>
    public Task<HttpStatusCode> DeliverWebhookAsync(Uri target, string userId, string text, string? secret, string? messageId = null, string displayName = "Người dùng")
    {
        var update = BuildUpdate(userId, TextEvent, text, displayName, messageId);
        var body = new JsonObject { ["ok"] = true, ["result"] = update.DeepClone() };
        return DeliverRawWebhookAsync(target, body.ToJsonString(), secret);
    }

    /// <summary>POSTs any body, for tests of what the bot does with a malformed delivery.</summary>
    public async Task<HttpStatusCode> DeliverRawWebhookAsync(Uri target, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
            request.Headers.TryAddWithoutValidation(SecretHeader, secret);
        using var response = await _webhookClient.SendAsync(request);
        return response.StatusCode;
    }

    private Task SetWebhookAsync(HttpContext context, JsonObject body)
    {
        var url = Field(body, "url");
        var secret = Field(body, "secret_token");
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: url is required and must be absolute");
        if (!AcceptLoopbackWebhook && (uri.Scheme != Uri.UriSchemeHttps || IsLocal(uri)))
            return FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: url must be a public HTTPS address");
        if (secret is null || secret.Length is < 8 or > 256)
            return FakeZaloAnswers.ErrorAsync(context, 400, "Bad Request: secret_token must be 8-256 characters");
        lock (_gate)
        {
            WebhookUrl = url;
            WebhookSecret = secret;
            _webhookUpdatedAt = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        }
        return FakeZaloAnswers.OkAsync(context, new JsonObject { ["url"] = url, ["updated_at"] = _webhookUpdatedAt });
    }

    private Task DeleteWebhookAsync(HttpContext context)
    {
        lock (_gate)
        {
            WebhookUrl = null;
            WebhookSecret = null;
            _webhookUpdatedAt = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        }
        return FakeZaloAnswers.OkAsync(context, new JsonObject { ["url"] = "", ["updated_at"] = _webhookUpdatedAt });
    }

    private Task GetWebhookInfoAsync(HttpContext context)
    {
        lock (_gate)
            return FakeZaloAnswers.OkAsync(context, new JsonObject { ["url"] = WebhookUrl ?? "", ["updated_at"] = _webhookUpdatedAt });
    }

    private static bool IsLocal(Uri uri)
    {
        if (uri.IsLoopback)
            return true;
        if (!IPAddress.TryParse(uri.Host, out var ip))
            return false;
        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork && !ip.IsIPv4MappedToIPv6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6SiteLocal;
        var b = ip.MapToIPv4().GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
    }
}
