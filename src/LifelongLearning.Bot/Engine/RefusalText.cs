namespace LifelongLearning.Bot.Engine;

/// <summary>
/// A platform's refusal (English on Telegram, whatever Zalo says) told to an official in Vietnamese. The
/// platform's own words follow in quotes, because Zalo documents no codes and they may be all there is to go on.
/// </summary>
public static class RefusalText
{
    private static readonly (string Clue, string Meaning)[] Known =
    [
        ("blocked", "người này đã chặn bot"),
        ("deactivated", "tài khoản của người này đã bị xóa hoặc khóa"),
        ("chat not found", "không tìm thấy cuộc trò chuyện (người này chưa nhắn cho bot, hoặc đã xóa cuộc trò chuyện)"),
        ("kicked", "bot đã bị mời ra khỏi nhóm"),
        ("not a member", "bot không còn trong nhóm"),
    ];

    public static string Explain(string reason)
    {
        var meaning = Known.FirstOrDefault(k => reason.Contains(k.Clue, StringComparison.OrdinalIgnoreCase)).Meaning
            ?? "nền tảng từ chối gửi";
        return $"{meaning} (nền tảng ghi: «{reason}»)";
    }
}
