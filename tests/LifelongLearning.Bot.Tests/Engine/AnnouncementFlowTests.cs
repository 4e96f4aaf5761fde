using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Engine.Commands;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

/// <summary>
/// /thongbao as a list of steps: «quay lại» at each step, a preview whose fields are changed by number keeping the
/// others, and one owner of the conversation in a turn.
/// </summary>
public sealed class AnnouncementFlowTests : EngineCommandTestBase
{
    [Fact]
    public void Quay_lai_at_each_step_goes_back_and_the_preview_changes_a_field_by_its_number_keeping_the_other()
    {
        Chat.Say("nga", "/start");
        Chat.Say("nga", "đồng ý");
        Chat.Say("nga", "/khuvuc Thôn 1");

        Assert.StartsWith("1/2. Gửi nội dung thông báo", Chat.Ask("admin", "/thongbao"));
        Assert.Equal("Đây là câu đầu tiên.\n1/2. Gửi nội dung thông báo", Chat.Ask("admin", "quay lại")[..("Đây là câu đầu tiên.\n1/2. Gửi nội dung thông báo".Length)]);
        Assert.StartsWith("2/2. Gửi cho ai?", Chat.Ask("admin", "Lớp tin học thứ bảy"));
        Assert.StartsWith("1/2. Gửi nội dung thông báo", Chat.Ask("admin", "quay lại"));
        Assert.StartsWith("2/2. Gửi cho ai?", Chat.Ask("admin", "Lớp tin học miễn phí thứ bảy"));

        var preview = Chat.Ask("admin", "2"); // Thôn 1
        Assert.StartsWith("Xem trước:\nLớp tin học miễn phí thứ bảy", preview);
        Assert.Contains("Gửi tới 1 người (Thôn 1)", preview);
        Assert.Contains("gõ số của mục đó: 1 nội dung · 2 nơi nhận.", preview);
        Assert.StartsWith("2/2. Gửi cho ai?", Chat.Ask("admin", "quay lại")); // back from the preview: its last step
        Assert.Contains("(cả xã)", Chat.Ask("admin", "1"));

        Assert.StartsWith("1/2. Gửi nội dung thông báo", Chat.Ask("admin", "1"));
        Assert.Contains("Lớp tin học miễn phí thứ bảy\n", Chat.Ask("admin", "quay lại")); // back from an edit: the preview, unchanged
        Chat.Say("admin", "1");
        preview = Chat.Ask("admin", "Lớp tin học miễn phí sáng thứ bảy");
        Assert.StartsWith("Xem trước:\nLớp tin học miễn phí sáng thứ bảy", preview);
        Assert.Contains("(cả xã)", preview); // the other field kept
        Chat.Say("admin", "2");
        preview = Chat.Ask("admin", "Thôn 1");
        Assert.Contains("Lớp tin học miễn phí sáng thứ bảy", preview);
        Assert.Contains("Gửi tới 1 người (Thôn 1)", preview);
        Assert.Contains("một số từ 1 đến 2 để sửa mục đó", Chat.Ask("admin", "5"));

        Assert.StartsWith("Đang gửi thông báo tới 1 người", Chat.Ask("admin", "OK"));
        Assert.Single(Store.Outbox.FindAll(), m => m.Kind == OutboxKinds.Broadcast && m.Text.Contains("Lớp tin học miễn phí sáng thứ bảy"));
    }

    [Fact]
    public void Two_announcements_sent_within_one_second_both_reach_the_resident()
    {
        // The clock stands still: both are sent in the same second (a quick official, or a fast test host).
        Chat.Say("nga", "/start");
        Chat.Say("nga", "đồng ý");
        foreach (var text in new[] { "Họp thôn tối thứ sáu", "Lớp tin học sáng thứ bảy" })
        {
            Chat.Say("admin", "/thongbao");
            Chat.Say("admin", text);
            Chat.Say("admin", "1"); // cả xã
            Assert.StartsWith("Đang gửi thông báo tới 1 người", Chat.Ask("admin", "OK"));
        }

        Assert.Single(Chat.Queued("nga"), m => m.Kind == OutboxKinds.Broadcast && m.Text.Contains("Họp thôn tối thứ sáu"));
        Assert.Single(Chat.Queued("nga"), m => m.Kind == OutboxKinds.Broadcast && m.Text.Contains("Lớp tin học sáng thứ bảy"));
        Assert.Equal(2, Store.Broadcasts.Count()); // each its own delivery report
    }

    [Fact]
    public void Huy_leaves_an_announcement_at_any_step_and_sends_nothing()
    {
        Chat.Say("nga", "/start");
        Chat.Say("nga", "đồng ý");
        Chat.Say("admin", "/thongbao");
        Chat.Say("admin", "Họp câu lạc bộ đọc sách");
        Assert.Equal("Đã hủy thông báo, chưa gửi cho ai.", Chat.Ask("admin", "/huy"));
        Assert.Equal("Không có việc gì đang dở. Gõ /trogiup để xem các lệnh.", Chat.Ask("admin", "/huy"));
        Assert.DoesNotContain(Chat.Queued("nga"), m => m.Text.Contains("Họp câu lạc bộ"));
    }

    [Fact]
    public void An_admin_who_also_reports_for_a_unit_keeps_the_report_a_round_they_open_begins()
    {
        // The round /moky opens asks every unit head, this admin too, inside the admin's own turn: the turn's one
        // copy of the conversation gets the report, and the turn's save does not put the old one back.
        Chat.Join("admin", "Cô Lan", Role.Reporter, "TV-TH");
        Assert.Contains("Đã mở kỳ", Chat.Ask("admin", "/moky 2026-H1"));
        Assert.Equal(ConversationMode.Reporting, Store.Conversations.FindById(Store.Accounts.FindById("test:admin")!.MemberId)!.Mode);
        Assert.Contains("Câu 2/", Chat.Ask("admin", "có"));
    }
}
