using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// An official of another commune in the same store (An Lão) neither reads nor changes the shipped commune's
/// units, people or invites through the commands that read or write them.
/// </summary>
public sealed class CommuneIsolationTests : EngineCommandTestBase
{
    [Fact]
    public void An_official_of_another_commune_sees_and_changes_nothing_of_the_shipped_commune()
    {
        var lan = Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Chat.Join("anlao", "Chị Hà An Lão", Role.Official, communeId: "an-lao");
        Store.Write(() => Store.For("an-lao").Units.Insert(new UnitRecord { Id = "AL-TV", Name = "Thư viện xã An Lão", Kind = "thu-vien-xa" }));

        var units = Chat.Ask("anlao", "/donvi");
        Assert.Contains("AL-TV — Thư viện xã An Lão", units);
        Assert.DoesNotContain("TV-TH", units);
        Assert.DoesNotContain("Cô Lan", units);
        Assert.Contains("Không có đơn vị mã «TV-TH»", Chat.Ask("anlao", "/moi TV-TH"));
        Assert.Contains("Không tìm thấy người có số này", Chat.Ask("anlao", $"/xoa {lan.Id}"));
        Assert.Contains("Mã TV-TH đã có đơn vị dùng", Chat.Ask("anlao", "/themdonvi TV-TH thu-vien-khac Thư viện khác"));

        Assert.Null(Store.Members.FindById(lan.Id).RemovedAt);
        Assert.Equal(("Thư viện Trường Tiểu học Quảng Nghiệp", "tan-ky"), (Store.Units.FindById("TV-TH").Name, Store.Units.FindById("TV-TH").CommuneId));
        Assert.Empty(Store.Invites.Find(i => i.UnitId == "TV-TH"));
        // And the shipped commune's official does not see An Lão's unit.
        Assert.DoesNotContain("AL-TV", Chat.Ask("admin", "/donvi"));
        Assert.Contains("Mã mời người báo cáo của Thư viện xã An Lão", Chat.Ask("anlao", "/moi AL-TV"));
        Assert.Equal("an-lao", Store.Invites.FindOne(i => i.UnitId == "AL-TV").CommuneId);
    }
}
