using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

/// <summary>
/// Pictures people send: Zalo delivers <c>message.image.received</c> with the picture as a URL on its own servers
/// (<c>photo</c>) and an optional <c>caption</c>; the fake serves those URLs at GET /photos/{id}.
/// </summary>
public sealed partial class FakeZaloServer
{
    public const string ImageEvent = "message.image.received";
    private const string PhotoPath = "/photos/";

    private readonly Dictionary<string, byte[]> _photos = [];
    private int _photoDownloads;

    /// <summary>How many times the bot fetched a picture's URL.</summary>
    public int PhotoDownloads
    {
        get { lock (_gate) return _photoDownloads; }
    }

    /// <summary>Keeps a picture on the fake's servers; returns its URL, as Zalo would put it in an update.</summary>
    public string StorePhoto(byte[] content)
    {
        var id = Guid.NewGuid().ToString("N") + ".jpg";
        lock (_gate) _photos[id] = content;
        return BaseUrl.TrimEnd('/') + PhotoPath + id;
    }

    /// <summary>A person sends a picture in a private chat (to poll); returns the message_id.</summary>
    public string EnqueuePhoto(string userId, string photoUrl, string? caption = null, string displayName = "Người dùng") =>
        Enqueue(BuildUpdate(userId, ImageEvent, null, displayName, null, photoUrl, caption));

    /// <summary>POSTs the webhook body of a picture a person sends; returns the bot's HTTP status.</summary>
    public Task<HttpStatusCode> DeliverPhotoWebhookAsync(Uri target, string userId, string photoUrl, string? caption, string? secret, string displayName = "Người dùng")
    {
        var update = BuildUpdate(userId, ImageEvent, null, displayName, null, photoUrl, caption);
        var body = new JsonObject { ["ok"] = true, ["result"] = update.DeepClone() };
        return DeliverRawWebhookAsync(target, body.ToJsonString(), secret);
    }

    private bool TryServePhoto(HttpContext context, out Task served)
    {
        served = Task.CompletedTask;
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWith(PhotoPath, StringComparison.Ordinal)) return false;
        byte[]? content;
        lock (_gate)
        {
            _photos.TryGetValue(path[PhotoPath.Length..], out content);
            if (content is not null) _photoDownloads++;
        }
        if (content is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return true;
        }
        context.Response.ContentType = "image/jpeg";
        served = context.Response.Body.WriteAsync(content).AsTask();
        return true;
    }
}
