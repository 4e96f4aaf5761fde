using System.Text.Json.Nodes;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// The Bot API as published (PaulSonOfLars/telegram-bot-api-spec, MIT, see LICENSE-bot-api-spec), so the
/// fake refuses what Telegram would refuse instead of what we believe Telegram refuses.
/// </summary>
internal sealed class BotApiSpec
{
    public const string FileName = "bot-api-10.1.min.json";

    private static readonly Lazy<BotApiSpec> Loaded = new(Load);

    private readonly Dictionary<string, MethodSpec> _methods;

    private BotApiSpec(string version, Dictionary<string, MethodSpec> methods)
    {
        Version = version;
        _methods = methods;
    }

    public static BotApiSpec Instance => Loaded.Value;

    public string Version { get; }

    /// <summary>Telegram matches method names case-insensitively; the spec's spelling is canonical.</summary>
    public bool TryGetMethod(string name, out MethodSpec method) => _methods.TryGetValue(name, out method!);

    private static BotApiSpec Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fakes", "Telegram", FileName);
        var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidDataException($"{path} is not a JSON object");
        var methods = new Dictionary<string, MethodSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in root["methods"]!.AsObject())
        {
            // Methods without parameters (getMe, logOut) have no "fields" key at all.
            var fields = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
            foreach (var field in node!["fields"]?.AsArray() ?? [])
            {
                var fieldName = field!["name"]!.GetValue<string>();
                var types = field["types"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
                fields[fieldName] = new FieldSpec(fieldName, types, field["required"]?.GetValue<bool>() ?? false);
            }
            var returns = node["returns"]?.AsArray().Select(t => t!.GetValue<string>()).ToArray() ?? [];
            methods[name] = new MethodSpec(name, fields, returns);
        }
        return new BotApiSpec(root["version"]?.GetValue<string>() ?? "unknown", methods);
    }
}

internal sealed record MethodSpec(string Name, IReadOnlyDictionary<string, FieldSpec> Fields, IReadOnlyList<string> Returns);

internal sealed record FieldSpec(string Name, IReadOnlyList<string> Types, bool Required);
