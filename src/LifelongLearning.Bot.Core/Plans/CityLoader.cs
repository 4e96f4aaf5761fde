using System.Text.Json;

namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// Reads a city file (the city's name, its communes each pointing to a commune plan file beside it, and the
/// city's own targets) and checks it, so that a wrong file stops the start with the file, the line and what
/// is wrong, in Vietnamese and in English.
/// </summary>
public static class CityLoader
{
    public const int CurrentSchemaVersion = 1;

    public static CityPlan LoadFile(string path)
    {
        if (!File.Exists(path)) throw new PlanException($"{path}: không tìm thấy tệp thành phố / city file not found.");
        var utf8 = File.ReadAllBytes(path);
        CityFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CityFile>(utf8, PlanLoader.JsonOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $", dòng {l + 1}" : "";
            throw new PlanException($"{path}{line}: tệp thành phố không đúng dạng JSON hoặc có trường lạ ({ex.Path}) / not valid JSON or an unknown field: {ex.Message.Split(". Path:")[0]}");
        }
        if (file is null) throw new PlanException($"{path}: tệp thành phố rỗng / the city file is empty.");
        var errors = new FileErrors(path, new JsonLineMap(utf8));
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Read(file, errors, planFile => PlanLoader.LoadFile(Path.Combine(folder, planFile)));
    }

    private static CityPlan Read(CityFile f, FileErrors errors, Func<string, Plan> loadPlan)
    {
        if (f.SchemaVersion is not CurrentSchemaVersion)
            errors.Fail("$.schemaVersion", $"schemaVersion phải là {CurrentSchemaVersion}", $"schemaVersion must be {CurrentSchemaVersion}");
        var name = errors.Text(f.Name, "$.name");
        if (f.Communes is not { Count: > 0 }) errors.Fail("$.communes", "thiếu danh sách xã (communes)", "no communes listed");

        var communes = new List<CityCommune>();
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        for (var i = 0; i < f.Communes!.Count; i++)
        {
            var at = $"$.communes[{i}]";
            var c = f.Communes[i];
            var code = errors.Text(c.Code, at + ".code");
            // The code joins a commune's unit codes into keys ("tan-ky/TV-XA") and starts its round ids in the store
            // ("hoa-binh~2026-H1"), which the outbox's keys split on ':', '#' and '@': one word, none of these.
            if (code.Any(ch => char.IsWhiteSpace(ch) || ch is '/' or ':' or '~' or '#' or '@'))
                errors.Fail(at + ".code", $"mã xã \"{code}\" không được chứa dấu cách hay các dấu / : ~ # @", $"commune code \"{code}\" must not contain spaces or / : ~ # @");
            if (string.Equals(code, CityPlan.Code, StringComparison.OrdinalIgnoreCase))
                errors.Fail(at + ".code", $"mã xã \"{code}\" là mã dành cho thành phố, chọn mã khác", $"commune code \"{code}\" is the city's own code");
            if (communes.Any(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase)))
                errors.Fail(at + ".code", $"mã xã \"{code}\" bị trùng", $"commune code \"{code}\" is used twice");
            var communeName = errors.Text(c.Name, at + ".name");
            if (communes.Any(x => x.Name == communeName))
                errors.Fail(at + ".name", $"tên xã \"{communeName}\" bị trùng", $"commune name \"{communeName}\" is used twice");
            var planFile = errors.Text(c.Plan, at + ".plan");
            if (!plans.TryGetValue(planFile, out var plan))
            {
                try { plan = loadPlan(planFile); }
                catch (PlanException ex)
                {
                    errors.Fail(at + ".plan", $"kế hoạch của {communeName} không dùng được: {ex.Message}", $"the plan of this commune cannot be used");
                }
                plans[planFile] = plan!;
            }
            communes.Add(new CityCommune(code, communeName, plan!));
        }
        return new CityPlan(name, communes, CityIndicators.Of(communes, f.Targets ?? [], errors));
    }
}
