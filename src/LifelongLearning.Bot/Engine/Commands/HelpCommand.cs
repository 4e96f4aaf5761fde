using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>/trogiup: the commands this person may use, and nothing else.</summary>
public sealed class HelpCommand
{
    public void Show(Turn turn)
    {
        var lines = new List<string> { "Các lệnh của bot:" };
        if (turn.Role == Role.Reporter)
            lines.AddRange([
                "/baocao — bắt đầu hoặc tiếp tục báo cáo",
                "/sua — sửa số đã gửi (đến khi kỳ báo cáo đóng)",
                "/trangthai — đơn vị còn thiếu gì",
                "/huy — dừng lại (số đã nhập vẫn được giữ)",
                "Khi đang trả lời: «bỏ qua» nếu không có số liệu, «quay lại» để sửa câu trước.",
                "Biết mẫu thì gửi một tin: «TV-LUOT 1.250; TV-HTSD có».",
                "/thamgia SỐ-SỰ-KIỆN SỐ-NGƯỜI — báo số người tham gia một sự kiện",
            ]);
        if (turn.IsOfficial)
            lines.AddRange([
                "/trangthai — tình hình báo cáo từng đơn vị",
                "/tonghop — bản tổng hợp mới nhất",
                "/moi MÃ-ĐƠN-VỊ — tạo mã mời cho người báo cáo của đơn vị; /moi canbo — mời cán bộ",
                "/donvi — danh sách đơn vị và người báo cáo",
                "/themdonvi MÃ loại Tên đơn vị — thêm đơn vị",
                "/xoa SỐ — bỏ một người khỏi đơn vị",
                "/moky MÃ-KỲ — mở kỳ báo cáo sớm (ví dụ /moky 2026-H1)",
                "/thongbao — gửi thông báo cho người dân (có thể kèm ảnh)",
                "/xuat KỲ — xuất dự thảo báo cáo (Word), bảng tổng hợp (Excel): /xuat 2025, /xuat 2026-H1, /xuat 2023-2025",
                "/sukien — thêm sự kiện; /dssukien — lịch sự kiện; /huysukien SỐ — hủy sự kiện",
                "/web — liên kết đăng nhập trang theo dõi trên máy tính (dùng một lần, 10 phút)",
            ]);
        if (turn.Role == Role.Resident)
            lines.AddRange([
                "/start — đăng ký nhận thông báo sự kiện",
                "/khuvuc — chọn thôn, khu dân cư quan tâm",
                "/lich — các sự kiện sắp tới",
                "/ngung — thôi nhận thông báo",
                "Cán bộ đơn vị: gửi mã mời (ví dụ ABCD-EFGH) để đăng ký báo cáo.",
            ]);
        if (turn.Member is not null)
            lines.Add("/lienket — dùng bot trên cả Zalo và Telegram (lấy mã rồi gửi mã từ kênh kia); /lienket ca-hai — nhận nhắc nhở ở cả hai");
        lines.Add("/trogiup — xem lại hướng dẫn này");
        turn.Say(string.Join("\n", lines));
    }

    public void Hint(Turn turn) =>
        turn.Say(turn.Role switch
        {
            Role.Reporter => "Bot chưa hiểu tin này. Gõ /baocao để báo cáo, hoặc /trogiup để xem hướng dẫn.",
            Role.Official or Role.Admin => "Bot chưa hiểu tin này. Gõ /trogiup để xem các lệnh.",
            _ => "Chào anh/chị! Gõ /start để đăng ký nhận thông báo, hoặc gửi mã mời nếu anh/chị là cán bộ đơn vị.",
        });
}
