using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// An official of another commune of the city in the same store (Hòa Bình) neither reads nor changes the shipped
/// commune's units, people or invites through the commands that read or write them.
/// </summary>
public sealed class CommuneIsolationTests : EngineCommandTestBase
{
    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Bot:CityPath"] = TestCityPath };

    [Fact]
    public void An_official_of_another_commune_sees_and_changes_nothing_of_the_shipped_commune()
    {
        var lan = Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Chat.Join("hbcb", "Chị Hà Hòa Bình", Role.Official, communeId: "hoa-binh");

        var units = Chat.Ask("hbcb", "/donvi");
        Assert.Contains("HB-TV — Thư viện xã Hòa Bình", units);
        Assert.DoesNotContain("TV-TH", units);
        Assert.DoesNotContain("Cô Lan", units);
        Assert.Contains("Không có đơn vị mã «TV-TH»", Chat.Ask("hbcb", "/moi TV-TH"));
        Assert.Contains("Không tìm thấy người có số này", Chat.Ask("hbcb", $"/xoa {lan.Id}"));
        Assert.Contains("Mã TV-TH đã có đơn vị dùng", Chat.Ask("hbcb", "/themdonvi TV-TH thu-vien-khac Thư viện khác"));

        Assert.Null(Store.Members.FindById(lan.Id).RemovedAt);
        Assert.Equal(("Thư viện Trường Tiểu học Quảng Nghiệp", "tan-ky"), (Store.Units.FindById("TV-TH").Name, Store.Units.FindById("TV-TH").CommuneId));
        Assert.Empty(Store.Invites.Find(i => i.UnitId == "TV-TH"));
        // And the shipped commune's official does not see Hòa Bình's unit.
        Assert.DoesNotContain("HB-TV", Chat.Ask("admin", "/donvi"));
        Assert.Contains("Mã mời người báo cáo của Thư viện xã Hòa Bình", Chat.Ask("hbcb", "/moi HB-TV"));
        Assert.Equal("hoa-binh", Store.Invites.FindOne(i => i.UnitId == "HB-TV").CommuneId);
    }
}
