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

    [Fact]
    public void An_event_added_in_another_commune_offers_its_villages_and_units_and_is_that_communes_own()
    {
        Chat.Join("hbcb", "Chị Hà Hòa Bình", Role.Official, communeId: "hoa-binh");
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Chat.Say("hbcb", "/sukien");
        Chat.Say("hbcb", "Ngày hội đọc sách Hòa Bình");
        Chat.Say("hbcb", "15/6/2026 8:00");
        Chat.Say("hbcb", "Nhà văn hóa Thôn Đông");
        Chat.Say("hbcb", "bỏ qua");
        Chat.Say("hbcb", "bỏ qua");
        Assert.Contains("Thôn Đông", string.Join(" ", Chat.Queued("hbcb").Last().Choices.Select(c => c.Label)));
        Assert.DoesNotContain("Thôn 1", string.Join(" ", Chat.Queued("hbcb").Last().Choices.Select(c => c.Label)));
        Chat.Say("hbcb", "1");
        var organisers = Chat.Queued("hbcb").Last().Choices.Select(c => c.Label).ToList();
        Assert.Contains("Thư viện xã Hòa Bình", organisers);
        Assert.DoesNotContain("Thư viện Trường Tiểu học Quảng Nghiệp", organisers);
        Assert.Contains("Xem trước", Chat.Ask("hbcb", $"{organisers.IndexOf("Thư viện xã Hòa Bình") + 1}"));
        Assert.Contains("Đã lưu sự kiện số", Chat.Ask("hbcb", "OK"));

        var saved = Store.For("hoa-binh").Events.FindOne(e => e.Title == "Ngày hội đọc sách Hòa Bình");
        Assert.Equal("HB-TV", saved!.OrganiserUnitId);
        Assert.Null(Store.For(Communes.Shipped).Events.FindById(saved.Id));
        Assert.DoesNotContain("Ngày hội đọc sách Hòa Bình", Chat.Ask("admin", "/dssukien"));
        // A unit of the shipped commune cannot report people for Hòa Bình's event.
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 16, 9, 0, 0, TimeSpan.FromHours(7)));
        Assert.Contains($"Không có sự kiện số {saved.Id}", Chat.Ask("lan", $"/thamgia {saved.Id} 120"));
        Assert.Empty(Store.EventFigures.FindAll());
    }
}
