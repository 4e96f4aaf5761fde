using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Files;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>
/// /thongbao: an official writes an announcement, picks everyone or one village, sees how many people
/// it reaches, and confirms. A photo may come with the text (as its caption), or first and the text after. Every recipient's message is written to the outbox in that one transaction,
/// before the first one leaves, so a crash in the middle skips nobody.
/// </summary>
public sealed class AnnouncementCommands(BotStore store, Plan plan, CommuneClock clock, Audience audience, Broadcaster broadcaster)
{
    public void Start(Turn turn)
    {
        turn.Conversation.Reset();
        turn.Conversation.Mode = ConversationMode.Announcing;
        turn.Say("Gửi nội dung thông báo cho người dân trong một tin (tối đa 1.500 ký tự); có thể gửi kèm một ảnh, nội dung ghi ở chú thích ảnh. Gõ /huy để thôi.");
    }

    /// <summary>A photo is taken until the text has come (with it as caption, or first and the text after).</summary>
    public static bool TakesPhoto(Conversation c) => c.Mode == ConversationMode.Announcing && c.AnnouncementText is null;

    public void Continue(Turn turn, string text)
    {
        var c = turn.Conversation;
        if (c.AnnouncementText is null)
        {
            if (turn.Message.PhotoRef is { } photo) c.AnnouncementPhoto = photo;
            if (text.Length == 0)
            {
                turn.Say(c.AnnouncementPhoto is null ? "Vui lòng gửi nội dung thông báo." : "Đã nhận ảnh. Vui lòng gửi nội dung thông báo.");
                return;
            }
            if (text.Length > 1500)
            {
                turn.Say($"Thông báo dài {VietnameseFormat.Number(text.Length)} ký tự; vui lòng rút gọn còn tối đa 1.500 ký tự để Zalo nhận được.");
                return;
            }
            c.AnnouncementText = text;
            var choices = AreaChoice.Choices(plan.Commune);
            c.NumberedChoices = choices;
            turn.Say(new Reply("Gửi cho ai?", choices, Numbered: true));
            return;
        }
        if (c.NumberedChoices.Count > 0)
        {
            if (!AreaChoice.TryParse(plan.Commune, text, out var area))
            {
                turn.Say(new Reply("Vui lòng chọn số trong danh sách.", c.NumberedChoices, Numbered: true));
                return;
            }
            c.AnnouncementArea = area;
            c.NumberedChoices = [];
            var count = audience.Residents(area).Count;
            var photoNote = c.AnnouncementPhoto is null ? "" : "\n" + PhotoCopies.PreviewNote(store, c.AnnouncementPhoto);
            turn.Say(new Reply($"Xem trước:\n{c.AnnouncementText}{photoNote}\n\nGửi tới {VietnameseFormat.Number(count)} người ({area ?? "cả xã"}). Gõ OK để gửi, /huy để thôi.",
                [new Choice("✅ Gửi", "OK")]));
            return;
        }
        if (Words.Fold(text) is not ("ok" or "gui"))
        {
            turn.Say("Gõ OK để gửi thông báo, hoặc /huy để thôi.");
            return;
        }
        var recipients = audience.Residents(c.AnnouncementArea);
        var broadcastId = $"b{clock.UtcNow:yyyyMMddHHmmss}-{turn.Member!.Id}";
        broadcaster.Queue(broadcastId, turn.Member.Id, recipients, $"📢 {c.AnnouncementText}", c.AnnouncementPhoto);
        c.Reset();
        turn.Say($"Đang gửi thông báo tới {VietnameseFormat.Number(recipients.Count)} người. Bot sẽ báo kết quả khi gửi xong.");
    }
}
