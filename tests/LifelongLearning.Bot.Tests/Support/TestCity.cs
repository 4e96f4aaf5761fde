using System.Text.Json.Nodes;
using LifelongLearning.Bot.Tests.Core;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>
/// A city of two communes written into a folder: xã Tân Kỳ (the shipped commune, "tan-ky") and xã An Lão
/// ("an-lao"), each on a copy of the default plan, the second with its own name. Returns the city file's path.
/// </summary>
internal static class TestCity
{
    public const string Name = "Thành phố Thử";
    public const string Second = "an-lao";
    public const string SecondName = "Xã An Lão";

    public static string Write(string folder)
    {
        File.Copy(DefaultPlan.Path, Path.Combine(folder, "tan-ky.json"), overwrite: true);
        var b = JsonNode.Parse(File.ReadAllText(DefaultPlan.Path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        b["commune"]!["name"] = SecondName;
        File.WriteAllText(Path.Combine(folder, "an-lao.json"), b.ToJsonString());
        var path = Path.Combine(folder, "thanh-pho.json");
        File.WriteAllText(path, $$"""
            {
              "schemaVersion": 1,
              "name": "{{Name}}",
              "communes": [
                { "code": "tan-ky", "name": "Xã Tân Kỳ", "plan": "tan-ky.json" },
                { "code": "{{Second}}", "name": "{{SecondName}}", "plan": "an-lao.json" }
              ]
            }
            """);
        return path;
    }
}
