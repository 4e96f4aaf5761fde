using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>
/// /thongbao: an official writes an announcement, picks everyone or one village, sees how many people
/// it reaches, and confirms. Every recipient's message is written to the outbox in that one transaction,
/// before the first one leaves, so a crash in the middle skips nobody.
/// </summary>
public sealed class AnnouncementCommands(BotStore store, PlanHolder time, Messenger messenger)
{
    public void Start(Turn turn)
    {
        if (!turn.IsOfficial)
        {
            turn.Say("Lệnh này chỉ dành cho cán bộ theo dõi của xã.");
            return;
        }
        turn.Conversation.Reset();
        turn.Conversation.Mode = ConversationMode.Announcing;
        turn.Say("Gửi nội dung thông báo cho người dân trong một tin (tối đa 1.500 ký tự). Gõ /huy để thôi.");
    }

    public void Continue(Turn turn, string text)
    {
        var c = turn.Conversation;
        if (c.AnnouncementText is null)
        {
            if (text.Length > 1500)
            {
                turn.Say($"Thông báo dài {VietnameseFormat.Number(text.Length)} ký tự; vui lòng rút gọn còn tối đa 1.500 ký tự để Zalo nhận được.");
                return;
            }
            c.AnnouncementText = text;
            var choices = time.Plan.Commune.Areas.Select(a => new Choice(a, a)).Prepend(new Choice("Cả xã", "cả xã")).ToList();
            c.NumberedChoices = choices;
            turn.Say(new Reply("Gửi cho ai?", choices, Numbered: true));
            return;
        }
        if (c.NumberedChoices.Count > 0)
        {
            var area = time.Plan.Commune.Areas.FirstOrDefault(a => Words.Fold(a) == Words.Fold(text));
            if (area is null && Words.Fold(text) is not ("ca xa" or "tat ca"))
            {
                turn.Say(new Reply("Vui lòng chọn số trong danh sách.", c.NumberedChoices, Numbered: true));
                return;
            }
            c.AnnouncementArea = area;
            c.NumberedChoices = [];
            var count = Recipients(area).Count;
            turn.Say(new Reply($"Xem trước:\n{c.AnnouncementText}\n\nGửi tới {VietnameseFormat.Number(count)} người ({area ?? "cả xã"}). Gõ OK để gửi, /huy để thôi.",
                [new Choice("✅ Gửi", "OK")]));
            return;
        }
        if (Words.Fold(text) is not ("ok" or "gui"))
        {
            turn.Say("Gõ OK để gửi thông báo, hoặc /huy để thôi.");
            return;
        }
        var recipients = Recipients(c.AnnouncementArea);
        var broadcastId = $"b{time.UtcNow:yyyyMMddHHmmss}-{turn.Member!.Id}";
        foreach (var account in recipients)
            messenger.Enqueue(new OutboxMessage
            {
                Channel = account.Channel, ChatId = account.ChatId, Text = $"📢 {c.AnnouncementText}\n(Gõ /ngung để thôi nhận thông báo.)",
                Kind = OutboxKinds.Broadcast, BroadcastId = broadcastId, DedupKey = $"{broadcastId}:{account.Id}",
            });
        store.Broadcasts.Insert(new Broadcast { Id = broadcastId, OfficialId = turn.Member.Id, Recipients = recipients.Count, CreatedAt = time.UtcNow });
        c.Reset();
        turn.Say($"Đang gửi thông báo tới {VietnameseFormat.Number(recipients.Count)} người. Bot sẽ báo kết quả khi gửi xong.");
    }

    /// <summary>Each active subscriber once, on the account they used last; an area also reaches those who chose none.</summary>
    private List<ChatAccount> Recipients(string? area)
    {
        var result = new List<ChatAccount>();
        foreach (var s in store.Subscribers.Find(s => s.Active))
        {
            if (area is not null && s.Area is not null && s.Area != area) continue;
            if (messenger.PreferredAccount(s.Id) is { } account) result.Add(account);
        }
        return result;
    }
}
