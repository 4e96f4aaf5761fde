using System.Text.Json.Nodes;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Plans;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Plans;

/// <summary>The commune's areas (former communes, thôn) in the plan, and a unit's area.</summary>
public sealed class AreaPlanTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("area-plan-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(DefaultPlan.Path))!.AsObject();
        edit(json);
        var path = Path.Combine(_folder, "ke-hoach.json");
        File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    [Fact]
    public void A_plan_without_areas_loads_as_before_and_its_units_sit_directly_under_the_commune()
    {
        var path = Write(j =>
        {
            j["commune"]!.AsObject().Remove("areas");
            foreach (var u in j["units"]!.AsArray()) u!.AsObject().Remove("area");
        });
        var plan = PlanLoader.LoadFile(path);
        Assert.Empty(plan.Commune.Areas);
        Assert.Equal(DefaultPlan.Value.Units.Select(u => (u.Code, u.Kind)), plan.Units.Select(u => (u.Code, u.Kind)));
        Assert.Equal(DefaultPlan.Value.Indicators.Select(i => i.Code), plan.Indicators.Select(i => i.Code));

        var commune = Tree.Commune("quang-nghiep", plan.Commune.Name, plan, plan.Units);
        Assert.All(commune.Children, c => Assert.Equal(NodeLevel.Unit, c.Level));
        Assert.Equal(plan.Units.Count, commune.Units.Count);
    }

    [Fact]
    public void The_default_plan_puts_each_cultural_house_in_its_village()
    {
        var plan = DefaultPlan.Value;
        var commune = Tree.Commune("quang-nghiep", plan.Commune.Name, plan, plan.Units);
        var village3 = commune.Find(NodeLevel.Area, "Thôn 3")!;
        Assert.Equal(["NVH-3"], village3.Units.Select(u => u.Code));
        Assert.Equal("quang-nghiep/NVH-3", village3.Units[0].Key);
    }

    [Fact]
    public void A_unit_in_an_area_the_commune_does_not_list_is_refused_with_its_line()
    {
        var path = Write(j => j["units"]!.AsArray().Single(u => (string?)u!["code"] == "NVH-4")!["area"] = "Thôn 5");
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Matches(@", dòng \d+ \(\$\.units\[8\]\.area\): khu vực ""Thôn 5"" không có trong commune\.areas", ex.Message);
    }

    [Fact]
    public void An_area_listed_twice_is_refused()
    {
        var path = Write(j => j["commune"]!["areas"]!.AsArray().Add("Thôn 2"));
        var ex = Assert.Throws<PlanException>(() => PlanLoader.LoadFile(path));
        Assert.Contains("($.commune.areas[4]): khu vực \"Thôn 2\" rỗng hoặc bị trùng", ex.Message);
    }
}
