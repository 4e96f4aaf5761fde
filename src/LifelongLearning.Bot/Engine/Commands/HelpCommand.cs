using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>/trogiup: the commands this person may use, and nothing else (read from <see cref="CommandTable"/>).</summary>
public sealed class HelpCommand
{
    /// <summary>The commands of the caller's role, from the table, then the hints that are not commands.</summary>
    public void Show(Turn turn, CommandTable table)
    {
        var users = Command.UsersOf(turn);
        var lines = new List<string> { "Các lệnh của bot:" };
        var shown = new HashSet<string>();
        foreach (var command in table.All)
        {
            if (command.Help is null || !command.ShownTo(users) || (command.MembersOnly && turn.Member is null)) continue;
            if (command.Name == "trogiup") continue; // last, after the hints
            if (shown.Add(command.Name)) lines.Add(command.Help);
        }
        lines.AddRange(users switch
        {
            CommandUsers.Reporters =>
            [
                "Khi đang trả lời: «bỏ qua» nếu không có số liệu, «quay lại» để sửa câu trước.",
                "Biết mẫu thì gửi một tin: «TV-LUOT 1.250; TV-HTSD có».",
            ],
            CommandUsers.Residents => ["Cán bộ đơn vị: gửi mã mời (ví dụ ABCD-EFGH) để đăng ký báo cáo."],
            _ => [],
        });
        lines.Add(table.All.First(c => c.Name == "trogiup").Help!);
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
