using System.Text;
using System.Text.Json;

namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// Remembers on which line each JSON path starts, so that a rule broken after parsing (an unknown unit
/// kind, a target without a year) can still be reported with its line.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public JsonLineMap(byte[] utf8)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') lineStarts.Add(i + 1);

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<Frame>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                var line = LineOf(lineStarts, (int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        Record(path, pendingProperty, line);
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var here = Current(path, pendingProperty);
                        if (pendingProperty is null) Record(path, null, line);
                        path.Push(new Frame(here, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Pop();
                        if (path.TryPeek(out var parent) && parent.IsArray) parent.Index++;
                        break;
                    default:
                        if (pendingProperty is null) Record(path, null, line);
                        if (path.TryPeek(out var array) && array.IsArray) array.Index++;
                        break;
                }
                pendingProperty = null;
            }
        }
        catch (JsonException)
        {
            // The serializer reports syntax errors with their own line; the map only needs what it read.
        }
    }

    public int? LineOf(string path) => _lines.TryGetValue(path, out var line) ? line : null;

    /// <summary>The line of the path, or, for a field that is missing and so has none, of the nearest enclosing one that exists.</summary>
    public int? NearestLineOf(string at)
    {
        for (var path = at; path.Length > 0;)
        {
            if (LineOf(path) is { } line) return line;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0) break;
            path = path[..cut];
        }
        return null;
    }

    private void Record(Stack<Frame> path, string? property, int line) =>
        _lines.TryAdd(Current(path, property), line);

    private static string Current(Stack<Frame> path, string? property)
    {
        if (!path.TryPeek(out var top)) return "$";
        var sb = new StringBuilder(top.Path);
        if (top.IsArray) sb.Append('[').Append(top.Index).Append(']');
        else if (property is not null) sb.Append('.').Append(property);
        return sb.ToString();
    }

    private static int LineOf(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Index { get; set; }
    }
}
