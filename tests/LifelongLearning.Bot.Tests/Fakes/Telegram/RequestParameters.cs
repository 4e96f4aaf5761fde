using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// The parameters of one call, whichever way they came: query string, JSON body, urlencoded or multipart form.
/// Telegram accepts all of them, and Telegram.Bot switches to multipart as soon as a file is uploaded, where
/// every non-file value (reply_markup included) arrives as a string.
/// </summary>
internal sealed class RequestParameters
{
    private readonly Dictionary<string, JsonNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _values.Keys;
    public IReadOnlyDictionary<string, UploadedFile> Files => _files;

    public static async Task<RequestParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new RequestParameters();
        foreach (var (key, value) in request.Query)
            parameters._values[key] = JsonValue.Create(value.ToString());

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
                parameters._values[key] = JsonValue.Create(value.ToString());
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                parameters._files[file.Name] = new UploadedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else if (request.ContentLength is not 0 && request.Method != HttpMethods.Get)
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(body))
            {
                JsonNode? node;
                try { node = JsonNode.Parse(body); }
                catch (JsonException) { throw new TelegramApiError(400, "Bad Request: can't parse JSON request body"); }
                if (node is not JsonObject obj) throw new TelegramApiError(400, "Bad Request: request body must be a JSON object");
                foreach (var (key, value) in obj)
                {
                    // Telegram treats an explicit null like an absent parameter.
                    if (value is not null) parameters._values[key] = value.DeepClone();
                }
            }
        }
        return parameters;
    }

    public bool Has(string name) => _values.ContainsKey(name) || _files.ContainsKey(name);

    public bool HasValue(string name) => _values.ContainsKey(name);

    public string? GetString(string name) => _values.TryGetValue(name, out var node) ? AsString(node) : null;

    public long? GetLong(string name) => _values.TryGetValue(name, out var node) ? AsLong(node) : null;

    public bool GetBool(string name) => _values.TryGetValue(name, out var node) && AsBool(node) == true;

    /// <summary>A structured value, parsed from its string form when it came in a form.</summary>
    public JsonNode? GetJson(string name) => _values.TryGetValue(name, out var node) ? AsJson(node, name) : null;

    /// <summary>The upload for a field: a part of that name, or the part an "attach://name" value points to.</summary>
    public UploadedFile? GetFile(string name)
    {
        if (_files.TryGetValue(name, out var file)) return file;
        return ResolveAttachment(GetString(name));
    }

    public UploadedFile? ResolveAttachment(string? value) =>
        value is not null && value.StartsWith("attach://", StringComparison.Ordinal)
            && _files.TryGetValue(value["attach://".Length..], out var attached)
            ? attached
            : null;

    public JsonObject ToJson()
    {
        var result = new JsonObject();
        foreach (var (key, value) in _values) result[key] = value.DeepClone();
        foreach (var (key, file) in _files)
            if (!result.ContainsKey(key)) result[key] = $"<file {file.FileName}, {file.Content.Length} bytes>";
        return result;
    }

    internal static string AsString(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node.ToJsonString();

    internal static long? AsLong(JsonNode node)
    {
        if (node is not JsonValue value) return null;
        return value.GetValueKind() switch
        {
            JsonValueKind.Number when value.TryGetValue<long>(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    internal static bool? AsBool(JsonNode node)
    {
        if (node is not JsonValue value) return null;
        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
            JsonValueKind.Number when value.TryGetValue<long>(out var number) => number != 0,
            _ => null,
        };
    }

    internal static bool IsFloat(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() switch
        {
            JsonValueKind.Number => true,
            JsonValueKind.String => double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            _ => false,
        };

    private static JsonNode? AsJson(JsonNode node, string name)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>().Trim();
            if (text.Length == 0 || (text[0] != '{' && text[0] != '[')) return node.DeepClone();
            try { return JsonNode.Parse(text); }
            catch (JsonException) { throw new TelegramApiError(400, $"Bad Request: can't parse {name} JSON object"); }
        }
        return node.DeepClone();
    }
}

/// <summary>An answer with ok:false, thrown anywhere in the fake's handling and written as Telegram writes it.</summary>
internal sealed class TelegramApiError(int statusCode, string description, int? retryAfter = null) : Exception(description)
{
    public int StatusCode { get; } = statusCode;
    public string Description { get; } = description;
    public int? RetryAfter { get; } = retryAfter;
}
