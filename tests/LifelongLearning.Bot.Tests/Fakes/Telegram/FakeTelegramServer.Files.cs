using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// Files people sent, as the Bot API lends them: getFile gives a file_path, and GET /file/bot{token}/{file_path}
/// gives the bytes. A file_id the fake was not given is refused as Telegram refuses it.
/// </summary>
public sealed partial class FakeTelegramServer
{
    private const string FilePathPrefix = "photos/";
    private readonly Dictionary<string, byte[]> _files = [];
    private int _fileDownloads;

    /// <summary>How many times the bot downloaded a file's bytes.</summary>
    public int FileDownloads { get { lock (_gate) return _fileDownloads; } }

    /// <summary>Keeps the bytes behind a file_id (a photo a person sends with <c>PhotoUpdate</c>).</summary>
    public void StoreFile(string fileId, byte[] content) { lock (_gate) _files[fileId] = content; }

    private JsonObject GetFile(RequestParameters p)
    {
        var fileId = p.GetString("file_id") ?? "";
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var content)) throw new TelegramApiError(400, "Bad Request: invalid file_id");
            return new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = "u" + fileId,
                ["file_size"] = content.Length,
                ["file_path"] = FilePathPrefix + fileId + ".jpg",
            };
        }
    }

    /// <summary>Answers GET /file/bot{token}/photos/{file_id}.jpg; false for any other request.</summary>
    private bool TryServeFile(HttpContext context, out Task served)
    {
        served = Task.CompletedTask;
        var prefix = $"/file/bot{Token}/{FilePathPrefix}";
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWith("/file/", StringComparison.Ordinal)) return false;
        byte[]? content = null;
        if (path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith(".jpg", StringComparison.Ordinal))
            lock (_gate)
            {
                _files.TryGetValue(path[prefix.Length..^".jpg".Length], out content);
                if (content is not null) _fileDownloads++;
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
