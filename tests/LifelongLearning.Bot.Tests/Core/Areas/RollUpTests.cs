using LifelongLearning.Bot.Core.Areas;
using Xunit;
using static LifelongLearning.Bot.Tests.Core.Areas.SmallCity;

namespace LifelongLearning.Bot.Tests.Core.Areas;

/// <summary>Every figure of <see cref="SmallCity"/> at every level, computed by hand.</summary>
public sealed class RollUpTests
{
    private static NodeFigures All() => RollUp.Tree(SmallCity.Tree, Year2025, Book());

    private static NodeFigures Commune(string code) => All().Children.Single(c => c.Node.Code == code);

    [Fact]
    public void Completeness_is_counted_at_the_city_the_commune_and_the_area()
    {
        var city = All();
        Assert.Equal((8, 7, 1), (city.Completeness.Expected, city.Completeness.Answered, city.Completeness.Late.Count));
        Assert.Equal(["Nhà văn hóa Thôn 2 (Xã A)"], city.Completeness.Missing);

        var a = Commune("xa-a");
        Assert.Equal((5, 4), (a.Completeness.Expected, a.Completeness.Answered));
        Assert.Equal(["Nhà văn hóa Thôn 2"], a.Completeness.Missing);
        var b = Commune("xa-b");
        Assert.True(b.IsComplete);
        Assert.Equal(["Thư viện Trường Tiểu học B"], b.Completeness.Late);

        var village2 = a.Children.Single(c => c.Node.Code == "Thôn 2");
        Assert.Equal((1, 0), (village2.Completeness.Expected, village2.Completeness.Answered));
        Assert.Null(village2.FigureOf("VH-CLB")!.Value); // not reported: no value, never 0%
    }

    [Fact]
    public void A_share_is_made_at_each_level_and_judged_against_that_level_s_target()
    {
        // A: TH có, MN không → 1/2 = 50% < 70% (the commune's plan). B: TH có → 1/1 = 100%.
        var a = Commune("xa-a").FigureOf("TV-HTSD")!;
        Assert.Equal((50m, 2, 2, false), (a.Value, a.UnitsCounted, a.UnitsExpected, a.OnTrack));
        var b = Commune("xa-b").FigureOf("TV-HTSD")!;
        Assert.Equal((100m, true), (b.Value, b.OnTrack));
        // City: 2 «có» of 3 school libraries = 66,7%, at or above the city's own 60%.
        var city = All().FigureOf("TV-HTSD")!;
        Assert.Equal((66.7m, 3, 3, 60m, true), (city.Value, city.UnitsCounted, city.UnitsExpected, city.Target!.Min, city.OnTrack));
    }

    [Fact]
    public void Sums_and_like_for_like_growth_roll_up_over_the_units_that_reported_both_years()
    {
        // A: 1000 + 300 + 200 = 1500; growth over TV-XA, TV-TH only: 1200 → 1300 = +8,3% < 10%.
        var a = Commune("xa-a").FigureOf("TV-LUOT")!;
        Assert.Equal((1500m, 8.3m, 2, false), (a.Value, a.Growth!.Percent, a.Growth.UnitsCompared, a.OnTrack));
        // B: 600; 400 → 500 = +25%.
        var b = Commune("xa-b").FigureOf("TV-LUOT")!;
        Assert.Equal((600m, 25m, true), (b.Value, b.Growth!.Percent, b.OnTrack));
        // City: 2100; the same unit codes in two communes stay two units: 1600 → 1800 = +12,5%.
        var city = All().FigureOf("TV-LUOT")!;
        Assert.Equal((2100m, 5, 12.5m, 3, true), (city.Value, city.UnitsCounted, city.Growth!.Percent, city.Growth.UnitsCompared, city.OnTrack));
    }

    [Fact]
    public void Too_few_answers_give_no_verdict_at_any_level()
    {
        // Cultural houses: A has 1 of 2 (100%, below 80% coverage), B 1 of 1 «không» (0%), the city 2 of 3 (50%).
        var a = Commune("xa-a").FigureOf("VH-CLB")!;
        Assert.Equal((100m, 1, 2, (bool?)null), (a.Value, a.UnitsCounted, a.UnitsExpected, a.OnTrack));
        Assert.Equal((0m, (bool?)false), (Commune("xa-b").FigureOf("VH-CLB")!.Value, Commune("xa-b").FigureOf("VH-CLB")!.OnTrack));
        var city = All().FigureOf("VH-CLB")!;
        Assert.Equal((50m, 2, 3, (bool?)null), (city.Value, city.UnitsCounted, city.UnitsExpected, city.OnTrack));
        // Thôn 1 of A alone: 1/1 «có» = 100%, met.
        var village1 = Commune("xa-a").Children.Single(c => c.Node.Code == "Thôn 1").FigureOf("VH-CLB")!;
        Assert.Equal((100m, (bool?)true), (village1.Value, village1.OnTrack));
    }

    [Fact]
    public void A_commune_has_its_areas_then_its_own_units_and_the_tree_stops_where_asked()
    {
        var a = SmallCity.Tree.Find(NodeLevel.Commune, "xa-a")!;
        Assert.Equal(["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "TV-XA", "TV-TH", "TV-MN"], a.Children.Select(c => c.Code));
        Assert.Equal(5, a.Units.Count);
        var communes = RollUp.Tree(SmallCity.Tree, Year2025, Book(), NodeLevel.Commune);
        Assert.All(communes.Children, c => Assert.Empty(c.Children));
    }
}
