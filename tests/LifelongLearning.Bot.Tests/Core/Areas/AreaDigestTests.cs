using LifelongLearning.Bot.Core.Areas;
using Xunit;
using static LifelongLearning.Bot.Tests.Core.Areas.SmallCity;

namespace LifelongLearning.Bot.Tests.Core.Areas;

/// <summary>Xã A's digest by area, read as an official reads it.</summary>
public sealed class AreaDigestTests
{
    private static string[] Sections() =>
        AreaDigest.Text(SmallCity.Tree.Find(NodeLevel.Commune, "xa-a")!, Year2025, Book()).Split("\n\n");

    // The figure's own line: DigestWriter's wording around the value is not this test's business.
    private static string LineOf(string section, string code) => section.Split('\n').Single(l => l.Contains(code, StringComparison.Ordinal));

    [Fact]
    public void The_digest_opens_with_the_commune_s_completeness_and_its_deadline()
    {
        var head = Sections()[0];
        Assert.Equal("📍 Xã A — số liệu theo khu vực\n📋 Năm 2025 — hạn 19/12/2025\nĐã báo cáo: 4/5 đơn vị (4 đúng hạn, 0 muộn).", head);
    }

    [Fact]
    public void Each_village_has_its_section_with_only_the_figures_its_units_are_asked()
    {
        var sections = Sections();
        Assert.Equal(["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", AreaDigest.OwnUnits],
            sections.Skip(1).Select(s => s[3..].Split(new[] { " — ", ":" }, 2, StringSplitOptions.None)[0]));

        var village1 = sections[1];
        Assert.StartsWith("▪️ Thôn 1 — đã báo cáo 1/1 đơn vị (1 đúng hạn, 0 muộn).", village1);
        Assert.Contains("100%", LineOf(village1, "(VH-CLB)"));
        Assert.DoesNotContain("TV-HTSD", village1);

        var village2 = sections[2];
        Assert.Contains("Chưa báo cáo (1): Nhà văn hóa Thôn 2.", village2);
        Assert.Contains("chưa có số liệu", LineOf(village2, "(VH-CLB)"));
        Assert.Equal("▪️ Thôn 3: chưa có đơn vị nào.", sections[3]);
    }

    [Fact]
    public void The_commune_s_own_units_come_last_with_the_library_figures()
    {
        var own = Sections()[^1];
        Assert.StartsWith($"▪️ {AreaDigest.OwnUnits} — đã báo cáo 3/3 đơn vị", own);
        Assert.Contains("50%", LineOf(own, "(TV-HTSD)")); // TH có, MN không
        Assert.Contains("1.500 lượt", LineOf(own, "(TV-LUOT)"));
        Assert.DoesNotContain("VH-CLB", own);
    }

    [Fact]
    public void A_commune_whose_plan_lists_no_areas_is_told_so()
    {
        var plan = Plan with { Commune = Plan.Commune with { Areas = [] } };
        var commune = LifelongLearning.Bot.Core.Areas.Tree.Commune("xa-c", "Xã C", plan, plan.Units);
        Assert.EndsWith("Kế hoạch của xã chưa chia khu vực (commune.areas), nên chưa có số liệu theo khu vực.", AreaDigest.Text(commune, Year2025, Book()));
    }
}
