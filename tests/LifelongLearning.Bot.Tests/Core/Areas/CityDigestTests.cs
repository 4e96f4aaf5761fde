using LifelongLearning.Bot.Core.Areas;
using Xunit;
using static LifelongLearning.Bot.Tests.Core.Areas.SmallCity;

namespace LifelongLearning.Bot.Tests.Core.Areas;

/// <summary>The city's digest of <see cref="SmallCity"/>, after and before the communes' deadline (19/12/2025).</summary>
public sealed class CityDigestTests
{
    private static string Digest(DateOnly today) =>
        CityDigest.Text(RollUp.Tree(SmallCity.Tree, Year2025, Book(), NodeLevel.Commune), today);

    private static string NameOf(string code) => Plan.FindIndicator(code)!.Name;

    [Fact]
    public void The_digest_counts_units_and_complete_communes_and_lists_each_commune()
    {
        var lines = Digest(new DateOnly(2026, 1, 5)).Split('\n');
        Assert.Equal("🏙️ Thành phố Thử — năm 2025: tổng hợp 2 xã", lines[0]);
        Assert.Equal("Đã báo cáo: 7/8 đơn vị (6 đúng hạn, 1 muộn); 1/2 xã đã đủ.", lines[1]);
        Assert.Contains("• Xã A: 4/5 đơn vị", lines);
        Assert.Contains("• Xã B: 3/3 đơn vị (1 muộn) ✅", lines);
    }

    [Fact]
    public void A_commune_past_its_deadline_with_units_missing_is_named_and_not_before()
    {
        Assert.Contains("⏰ Quá hạn 19/12/2025, còn thiếu báo cáo (1 xã): Xã A (1/5 đơn vị chưa báo cáo).", Digest(new DateOnly(2026, 1, 5)));
        Assert.DoesNotContain("⏰", Digest(new DateOnly(2025, 12, 19)));
    }

    [Fact]
    public void The_city_figure_is_held_against_the_city_s_target_and_each_commune_against_its_own()
    {
        var text = Digest(new DateOnly(2026, 1, 5));
        var section = text[text.IndexOf("Toàn thành phố Thử:", StringComparison.Ordinal)..];
        var city = section.Split('\n').First(l => l.StartsWith($"• {NameOf("TV-HTSD")} (TV-HTSD):", StringComparison.Ordinal));
        Assert.Contains("66,7%", city);
        Assert.Contains("đạt", city);
        Assert.DoesNotContain("chưa đạt", city); // 66,7% ≥ the city's 60%, though Xã A's 50% misses its 70%
        Assert.Contains($"• {NameOf("TV-HTSD")} (TV-HTSD): đạt 1/2 xã; chưa đạt (1): Xã A (50%).", text);
        Assert.Contains($"• {NameOf("TV-LUOT")} (TV-LUOT): đạt 1/2 xã; chưa đạt (1): Xã A (+8,3%).", text);
        Assert.Contains($"• {NameOf("VH-CLB")} (VH-CLB): đạt 0/2 xã; chưa đạt (1): Xã B (0%); chưa đủ số liệu để đánh giá (1): Xã A (1/2 đơn vị).", text);
    }
}
