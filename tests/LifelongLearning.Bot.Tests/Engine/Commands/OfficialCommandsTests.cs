using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// The officials' commands that had no test of their own, at the engine level on a temporary database:
/// /themdonvi, /donvi, /xoa and /giahan; each bad input gets its Vietnamese answer and changes nothing.
/// </summary>
public sealed class OfficialCommandsTests : EngineCommandTestBase
{
    [Fact]
    public void Moky_of_a_period_the_plan_asks_nothing_in_says_so_and_opens_nothing()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        var before = Store.Outbox.Count();
        Assert.Equal("Kế hoạch không có chỉ tiêu nào báo cáo theo kỳ quý, nên kỳ Quý I năm 2026 không có câu hỏi; bot không mở kỳ này. " +
                     "Các kỳ có câu hỏi: /moky 2026-H1, /moky 2026.", Chat.Ask("admin", "/moky 2026-Q1"));
        Assert.Null(Store.Rounds.FindById("2026-Q1"));
        Assert.Empty(Chat.Queued("lan"));
        Assert.Equal(before + 1, Store.Outbox.Count()); // the answer to the official only
    }

    [Fact]
    public void Themdonvi_adds_a_unit_that_can_be_invited_and_explains_every_mistake()
    {
        Assert.Contains("Gõ: /themdonvi MÃ loại Tên đơn vị", Chat.Ask("admin", "/themdonvi TV-CD"));
        Assert.Contains("Không có loại đơn vị «thu-vien-ma»", Chat.Ask("admin", "/themdonvi TV-CD thu-vien-ma Thư viện cộng đồng Thôn 2"));
        Assert.Contains("Mã TV-TH đã có đơn vị dùng", Chat.Ask("admin", "/themdonvi TV-TH thu-vien-khac Thư viện khác"));
        Assert.Equal("Thư viện Trường Tiểu học Quảng Nghiệp", Store.Units.FindById("TV-TH").Name);
        Assert.Null(Store.Units.FindById("TV-CD"));

        var added = Chat.Ask("admin", "/themdonvi tv-cd thu-vien-khac Thư viện cộng đồng Thôn 2");
        Assert.Equal("Đã thêm đơn vị TV-CD — Thư viện cộng đồng Thôn 2. Gõ /moi TV-CD để tạo mã mời người báo cáo.", added);
        Assert.Equal("thu-vien-khac", Store.Units.FindById("TV-CD").Kind);
        Assert.Contains("Mã mời người báo cáo của Thư viện cộng đồng Thôn 2", Chat.Ask("admin", "/moi TV-CD"));
    }

    [Fact]
    public void Donvi_lists_each_unit_with_its_reporters_and_their_numbers()
    {
        var lan = Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        var units = Chat.Ask("admin", "/donvi");
        Assert.StartsWith("Đơn vị và người báo cáo:", units);
        Assert.Contains($"• TV-TH — {Store.Units.FindById("TV-TH").Name}: Cô Lan (số {lan.Id})", units);
        Assert.Contains($"• TV-XA — {Store.Units.FindById("TV-XA").Name}: chưa có người báo cáo", units);
        Assert.EndsWith("Gõ /xoa SỐ để bỏ một người.", units);
    }

    [Fact]
    public void Xoa_removes_a_reporter_who_then_cannot_report_and_keeps_the_admins()
    {
        var lan = Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Chat.Say("admin", "/donvi"); // an admin becomes a member on the first message
        var admin = Store.Members.FindById(Store.Accounts.FindById("test:admin").MemberId);

        Assert.Contains("Không tìm thấy người có số này", Chat.Ask("admin", "/xoa 999"));
        Assert.Contains("Không tìm thấy người có số này", Chat.Ask("admin", "/xoa"));
        Assert.Contains("Không thể bỏ quản trị viên", Chat.Ask("admin", $"/xoa {admin.Id}"));
        Assert.Null(Store.Members.FindById(admin.Id).RemovedAt);

        Assert.Equal($"Đã bỏ Cô Lan khỏi danh sách. Người này không còn báo cáo được; các số đã gửi vẫn được giữ.", Chat.Ask("admin", $"/xoa {lan.Id}"));
        Assert.NotNull(Store.Members.FindById(lan.Id).RemovedAt);
        Assert.DoesNotContain("Cô Lan", Chat.Ask("admin", "/donvi"));
        Assert.Contains("chỉ dành cho người báo cáo của đơn vị", Chat.Ask("lan", "/baocao"));
        Assert.Contains("Không tìm thấy người có số này", Chat.Ask("admin", $"/xoa {lan.Id}"));
    }

    [Fact]
    public void Giahan_moves_an_open_rounds_deadline_and_tells_its_reporters()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        const string usage = "Gõ: /giahan MÃ-KỲ ngày/tháng/năm, ví dụ /giahan 2026-H1 30/06/2026.";
        Assert.Equal(usage, Chat.Ask("admin", "/giahan 2026-H1"));
        Assert.Equal(usage, Chat.Ask("admin", "/giahan 2026-H1 31/02/2026"));
        Assert.Contains("không đang mở nên không gia hạn được", Chat.Ask("admin", "/giahan 2026-H1 30/06/2026"));

        Assert.Contains("Đã mở kỳ", Chat.Ask("admin", "/moky 2026-H1"));
        var before = Store.Rounds.FindById("2026-H1").Deadline;
        Assert.Equal("Hạn mới phải từ hôm nay trở đi.", Chat.Ask("admin", "/giahan 2026-H1 31/05/2026"));
        Assert.Equal(before, Store.Rounds.FindById("2026-H1").Deadline);

        Assert.Equal("Đã gia hạn kỳ 6 tháng đầu năm 2026 đến 30/06/2026; đã báo 1 người báo cáo.", Chat.Ask("admin", "/giahan 2026-H1 30/06/2026"));
        Assert.Equal(new DateOnly(2026, 6, 30), Store.Rounds.FindById("2026-H1").Deadline);
        Assert.Contains(Chat.Queued("lan"), m => m.Text == "📅 Hạn gửi báo cáo 6 tháng đầu năm 2026 được gia hạn đến 30/06/2026.");
    }

    [Fact]
    public void A_reporter_or_a_resident_is_refused_the_officials_commands_and_nothing_changes()
    {
        var lan = Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        foreach (var command in new[] { "/themdonvi TV-CD thu-vien-khac Thư viện", "/donvi", $"/xoa {lan.Id}", "/giahan 2026-H1 30/06/2026" })
        {
            var name = command.Split(' ')[0];
            Assert.Equal($"Lệnh {name} chỉ dành cho cán bộ theo dõi của xã.", Chat.Ask("lan", command));
            Assert.Equal($"Lệnh {name} chỉ dành cho cán bộ theo dõi của xã.", Chat.Ask("stranger", command));
        }
        Assert.Null(Store.Units.FindById("TV-CD"));
        Assert.Null(Store.Members.FindById(lan.Id).RemovedAt);
    }
}
