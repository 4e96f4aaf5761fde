using System.Text.Json.Nodes;
using LifelongLearning.Bot.Core.Plans;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Plans;

/// <summary>The city file: the city, its communes each with a plan file beside it, and the city's own targets.</summary>
public sealed class CityLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("city-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ShippedCity => Path.Combine(Path.GetDirectoryName(DefaultPlan.Path)!, "thanh-pho-hai-phong.json");

    /// <summary>Two communes in the folder: a.json (the default plan) and b.json (edited), and a city file naming them.</summary>
    private string City(string targets = "[]", Action<JsonObject>? editB = null, string planB = "b.json")
    {
        File.Copy(DefaultPlan.Path, Path.Combine(_folder, "a.json"), overwrite: true);
        var b = JsonNode.Parse(File.ReadAllText(DefaultPlan.Path))!.AsObject();
        editB?.Invoke(b);
        File.WriteAllText(Path.Combine(_folder, "b.json"), b.ToJsonString());
        var path = Path.Combine(_folder, "thanh-pho.json");
        File.WriteAllText(path, $$"""
            {
              "schemaVersion": 1,
              "name": "Thành phố Thử",
              "communes": [
                { "code": "xa-a", "name": "Xã A", "plan": "a.json" },
                { "code": "xa-b", "name": "Xã B", "plan": "{{planB}}" }
              ],
              "targets": {{targets}}
            }
            """);
        return path;
    }

    private static JsonObject Indicator(JsonObject plan, string code) =>
        plan["indicators"]!.AsArray().Single(i => (string?)i!["code"] == code)!.AsObject();

    [Fact]
    public void The_shipped_city_file_is_Hai_Phong_with_xa_Tan_Ky_on_the_commune_s_plan()
    {
        var city = CityLoader.LoadFile(ShippedCity);
        Assert.Equal("Thành phố Hải Phòng", city.Name);
        var commune = Assert.Single(city.Communes);
        Assert.Equal(("tan-ky", "Xã Tân Kỳ"), (commune.Code, commune.Name));
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ TÂN KỲ", commune.Plan.Commune.BodyFor(2025).IssuingBody);
        Assert.Equal([70m, 90m], city.Indicators.Single(i => i.Code == "TV-HTSD").Targets.Select(t => t.Min));
    }

    [Fact]
    public void A_commune_plan_file_that_is_not_there_is_named_with_the_line_in_both_languages()
    {
        var path = City(planB: "khong-co.json");
        var ex = Assert.Throws<PlanException>(() => CityLoader.LoadFile(path));
        Assert.StartsWith($"{path}, dòng 6 ($.communes[1].plan): kế hoạch của Xã B không dùng được: ", ex.Message);
        Assert.Contains("khong-co.json: không tìm thấy tệp kế hoạch.", ex.Message);
        Assert.EndsWith("/ the plan of this commune cannot be used.", ex.Message);
    }

    [Fact]
    public void The_city_s_own_target_replaces_the_communes_and_a_target_on_an_unknown_indicator_is_refused()
    {
        var city = CityLoader.LoadFile(City("""[{ "indicator": "VH-CLB", "targets": [{ "year": 2030, "min": 95 }] }]"""));
        Assert.Equal([(2030, 95m)], city.Indicators.Single(i => i.Code == "VH-CLB").Targets.Select(t => (t.Year, t.Min)));
        Assert.Equal([70m, 100m], city.Communes[1].Plan.FindIndicator("VH-CLB")!.Targets.Select(t => t.Min)); // the commune keeps its own

        var ex = Assert.Throws<PlanException>(() => CityLoader.LoadFile(City("""[{ "indicator": "TV-KHONG", "targets": [{ "year": 2030, "min": 95 }] }]""")));
        Assert.Contains("($.targets[0].indicator): chỉ tiêu \"TV-KHONG\" không có trong kế hoạch của mọi xã. / indicator \"TV-KHONG\" is not in every commune's plan.", ex.Message);
    }

    [Fact]
    public void An_indicator_one_commune_lacks_is_left_out_of_the_city_and_differing_targets_give_none()
    {
        var city = CityLoader.LoadFile(City(editB: b =>
        {
            b["indicators"]!.AsArray().Remove(Indicator(b, "KT-CANHAN"));
            Indicator(b, "TV-CDS")["targets"]![0]!["min"] = 60;
        }));
        Assert.DoesNotContain(city.Indicators, i => i.Code == "KT-CANHAN");
        Assert.Empty(city.Indicators.Single(i => i.Code == "TV-CDS").Targets);
        Assert.Equal([70m, 90m], city.Indicators.Single(i => i.Code == "TV-HTSD").Targets.Select(t => t.Min));
    }

    [Fact]
    public void Communes_that_make_one_indicator_differently_stop_the_start()
    {
        var path = City(editB: b => Indicator(b, "TV-LUOT")["kind"] = "money");
        var ex = Assert.Throws<PlanException>(() => CityLoader.LoadFile(path));
        Assert.Contains("($.communes[1].plan): chỉ tiêu TV-LUOT trong kế hoạch của Xã B được tính khác với Xã A", ex.Message);
    }

    [Fact]
    public void A_commune_code_used_twice_is_refused()
    {
        var path = City();
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"xa-b\"", "\"XA-A\""));
        var ex = Assert.Throws<PlanException>(() => CityLoader.LoadFile(path));
        Assert.Contains("($.communes[1].code): mã xã \"XA-A\" bị trùng. / commune code \"XA-A\" is used twice.", ex.Message);
    }
}
