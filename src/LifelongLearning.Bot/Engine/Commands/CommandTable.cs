using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine.Cities;
using LifelongLearning.Bot.Engine.Events;
using static LifelongLearning.Bot.Engine.Commands.CommandUsers;

using LifelongLearning.Bot.Engine.Flows;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>
/// Every command, declared once. <see cref="BotEngine"/> dispatches from it, refuses from it, /trogiup lists
/// from it, Telegram's menu is published from it, and a test holds the README's command list against it.
/// The order is the order of /trogiup and of the menu.
/// </summary>
public sealed class CommandTable
{
    public CommandTable(
        StartCommand start, ReportFlow report, ReportCommands reportStatus, OfficialCommands official, HelpCommand help, ResidentCommands residents,
        AnnouncementFlow announcements, ExportCommands exports, LinkCommand link, EventFlow events, ConversationFlows flows,
        EventListCommands eventList, ParticipationCommand participation, WebCommand web, CityCommands city)
    {
        All =
        [
            // Unit heads
            new("baocao", Reporters, "/baocao — bắt đầu hoặc tiếp tục báo cáo", "Bắt đầu hoặc tiếp tục báo cáo", (t, _) => report.Start(t)),
            new("sua", Reporters, "/sua — sửa số đã gửi (đến khi kỳ báo cáo đóng)", "Sửa số liệu đã gửi", (t, _) => report.Correct(t)),
            new("trangthai", Reporters | Residents, "/trangthai — đơn vị còn thiếu gì", "Xem đơn vị còn thiếu gì", (t, _) => reportStatus.Status(t),
                InGroups: true, HelpUsers: Reporters),
            new("huy", Reporters | Residents, "/huy — dừng lại (số đã nhập vẫn được giữ)", "Dừng việc đang làm", (t, _) => flows.Cancel(t),
                HelpUsers: Reporters),
            new("thamgia", Reporters, "/thamgia SỐ-SỰ-KIỆN SỐ-NGƯỜI — báo số người tham gia một sự kiện", "Báo số người tham gia sự kiện",
                participation.Handle),
            // Officials
            new("trangthai", Officials, "/trangthai — tình hình báo cáo từng đơn vị", "Tình hình báo cáo từng đơn vị", (t, _) => official.Status(t),
                InGroups: true),
            // A commune official reads their own commune only: «/tonghop another-commune» is refused, not ignored.
            new("tonghop", Officials, "/tonghop — bản tổng hợp mới nhất", "Tổng hợp của xã",
                (t, a) => { if (a.Length > 0) t.Say(CityCommands.OwnCommuneOnly); else official.Digest(t); }, InGroups: true),
            new("moi", Officials, "/moi MÃ-ĐƠN-VỊ — tạo mã mời cho người báo cáo của đơn vị; /moi canbo — mời cán bộ", "Tạo mã mời",
                official.Invite),
            new("donvi", Officials, "/donvi — danh sách đơn vị và người báo cáo", "Danh sách đơn vị", (t, _) => official.ListUnits(t)),
            new("themdonvi", Officials, "/themdonvi MÃ loại Tên đơn vị — thêm đơn vị", "Thêm đơn vị", official.AddUnit),
            new("xoa", Officials, "/xoa SỐ — bỏ một người khỏi đơn vị", "Bỏ một người khỏi đơn vị", official.RemoveMember),
            new("moky", Officials, "/moky MÃ-KỲ — mở kỳ báo cáo sớm (ví dụ /moky 2026-H1)", "Mở kỳ báo cáo", official.OpenRound),
            new("giahan", Officials, "/giahan MÃ-KỲ ngày/tháng/năm — gia hạn kỳ đang mở (ví dụ /giahan 2026-H1 30/06/2026)",
                "Gia hạn kỳ báo cáo", official.ExtendDeadline),
            new("thongbao", Officials | City, "/thongbao — gửi thông báo cho người dân (có thể kèm ảnh)", "Gửi thông báo cho người dân",
                (t, _) => announcements.Start(t)),
            new("xuat", Officials,
                "/xuat KỲ — xuất dự thảo báo cáo (Word), bảng tổng hợp (Excel): /xuat 2025, /xuat 2026-H1, /xuat 2023-2025",
                "Xuất báo cáo Word, Excel", exports.Request),
            new("sukien", Officials, "/sukien — thêm sự kiện", "Thêm sự kiện", (t, _) => events.Start(t)),
            new("dssukien", Officials, "/dssukien — lịch sự kiện", "Lịch sự kiện", (t, _) => eventList.List(t)),
            new("huysukien", Officials, "/huysukien SỐ — hủy sự kiện anh/chị đã thêm", "Hủy sự kiện", eventList.Cancel),
            new("web", Officials, "/web — liên kết đăng nhập trang theo dõi trên máy tính (dùng một lần, 10 phút)", "Trang theo dõi trên máy tính",
                (t, _) => web.Handle(t)),
            new("huy", Officials | City, "/huy — thôi việc đang làm dở (thông báo, sự kiện)", "Thôi việc đang làm dở", (t, _) => flows.Cancel(t)),
            // City officials (Turn.IsCity): every commune's figures, read; nothing of a commune changed.
            new("tonghop", City, "/tonghop — tổng hợp các xã của thành phố; /tonghop SỐ hoặc MÃ-XÃ — tổng hợp một xã", "Tổng hợp các xã",
                city.Digest, InGroups: true),
            new("xuat", City, "/xuat KỲ — bảng tổng hợp Excel của thành phố, một dòng mỗi xã (ví dụ /xuat 2025)", "Xuất bảng tổng hợp thành phố",
                city.Export),
            // Residents (anyone may type them; they are shown to residents)
            // In a group, /start (sent by Telegram when someone adds the bot) shows what the bot does there.
            new("start", Everyone, "/start — đăng ký nhận thông báo sự kiện", "Đăng ký nhận thông báo",
                (t, a) => { if (t.Message.IsGroup) help.Show(t, this); else start.Handle(t, a); }, InGroups: true, HelpUsers: Residents),
            new("dangky", Everyone, null, null, start.Subscribe),
            new("khuvuc", Everyone, "/khuvuc — chọn thôn, khu dân cư quan tâm", "Chọn thôn, khu dân cư", residents.ChooseArea,
                HelpUsers: Residents),
            new("lich", Everyone, "/lich — các sự kiện sắp tới", "Sự kiện sắp tới", (t, _) => residents.Calendar(t), InGroups: true,
                HelpUsers: Residents),
            new("ngung", Everyone, "/ngung — thôi nhận thông báo", "Ngừng nhận thông báo", (t, _) => residents.Leave(t), HelpUsers: Residents),
            // Everyone
            new("lienket", Everyone,
                "/lienket — dùng bot trên cả Zalo và Telegram (lấy mã rồi gửi mã từ kênh kia); /lienket ca-hai — nhận nhắc nhở ở cả hai",
                "Liên kết Zalo và Telegram", (t, a) =>
                {
                    if (a.Length == 0) link.Create(t);
                    else if (!link.TryChoose(t, a)) start.Handle(t, a);
                }, MembersOnly: true),
            new("trogiup", Everyone, "/trogiup — xem lại hướng dẫn này", "Hướng dẫn", (t, _) => help.Show(t, this), ["help"], InGroups: true),
        ];
        foreach (var command in All)
            foreach (var name in command.Names)
            {
                if (!_byName.TryGetValue(name, out var list)) _byName[name] = list = [];
                list.Add(command);
            }
    }

    public IReadOnlyList<Command> All { get; }

    private readonly Dictionary<string, List<Command>> _byName = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads «/name args». The name is folded (accents and case dropped) and may be typed in up to three
    /// words («/tong hop», «/huy su kien 3»): the longest run of words that names a command wins.
    /// Declarations is empty when no command has the name.
    /// </summary>
    public CommandLine Parse(string text)
    {
        var body = text.TrimStart('/');
        var words = body.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return new("", "", []);
        var first = words[0];
        var at = first.IndexOf('@');
        if (at >= 0) first = first[..at];
        for (var n = Math.Min(3, words.Length); n >= 1; n--)
        {
            var name = string.Concat(words[1..n].Prepend(first).Select(w => Words.Fold(w)));
            if (_byName.TryGetValue(name, out var found)) return new(name, After(body, n), found);
        }
        return new(Words.Fold(first), After(body, 1), []);
    }

    /// <summary>
    /// A command typed without its slash as the whole message («tong hop», «tổng hợp»), for the caller;
    /// null when the text is not exactly the name of a command this person may use.
    /// </summary>
    public Command? PlainCommand(string text, Turn turn)
    {
        if (text.Length > 40 || text.Any(char.IsDigit)) return null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 3) return null;
        var name = string.Concat(words.Select(w => Words.Fold(w)));
        return _byName.TryGetValue(name, out var found) ? found.FirstOrDefault(c => c.Allows(turn)) : null;
    }

    /// <summary>The one command nearest to a mistyped name (one letter off for short names, two for longer), if only one is.</summary>
    public string? Nearest(string typed, Turn turn)
    {
        if (typed.Length == 0) return null;
        var limit = typed.Length <= 4 ? 1 : 2;
        // What this person may use comes first: an official's «/tonhop» is /tonghop.
        foreach (var pool in new[] { All.Where(c => c.Allows(turn)), All })
        {
            var near = pool.SelectMany(c => c.Names.Select(n => (c.Name, Distance: Distance(typed, n))))
                .Where(x => x.Distance <= limit).ToList();
            if (near.Count == 0) continue;
            var best = near.Min(x => x.Distance);
            var names = near.Where(x => x.Distance == best).Select(x => x.Name).Distinct().ToList();
            return names.Count == 1 ? names[0] : null;
        }
        return null;
    }

    /// <summary>The one refusal of a command the caller may not use.</summary>
    public static string Refusal(string name, IEnumerable<Command> declarations, Turn turn)
    {
        var users = declarations.Aggregate((CommandUsers)0, (u, c) => u | c.Users);
        if (turn.IsCity) return CityCommands.Refusal(name);
        if (!users.HasFlag(Reporters)) return $"Lệnh /{name} chỉ dành cho cán bộ theo dõi của xã.";
        return turn.IsOfficial
            ? $"Lệnh /{name} chỉ dành cho người báo cáo của đơn vị. Cán bộ theo dõi dùng /trangthai và /tonghop."
            : $"Lệnh /{name} chỉ dành cho người báo cáo của đơn vị. Nếu anh/chị là cán bộ đơn vị, hãy gửi mã mời do xã cấp.";
    }

    /// <summary>The text after the first <paramref name="words"/> words, as typed (its own spaces and lines kept).</summary>
    private static string After(string body, int words)
    {
        var i = 0;
        for (var w = 0; w < words; w++)
        {
            while (i < body.Length && char.IsWhiteSpace(body[i])) i++;
            while (i < body.Length && !char.IsWhiteSpace(body[i])) i++;
        }
        return body[i..].Trim();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

/// <summary>A typed command: its folded name, the rest of the line, and the declarations of that name.</summary>
public sealed record CommandLine(string Name, string Args, IReadOnlyList<Command> Declarations);
