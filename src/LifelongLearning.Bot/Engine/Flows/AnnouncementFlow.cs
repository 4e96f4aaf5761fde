using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Flows;

/// <summary>
/// /thongbao: an official writes an announcement (a photo may come with the text as its caption, or first and the
/// text after), picks everyone or one village, sees how many people it reaches, and confirms; «quay lại» steps
/// back and the preview changes a field by its number. Everything the announcement needs is stored in that one
/// transaction, before the first message leaves (the first batch of rows, the other recipients as batches written
/// after it: <see cref="Broadcaster.Queue"/>), so a crash in the middle skips nobody.
/// </summary>
public sealed class AnnouncementFlow : StepFlow<AnnouncementDraft>
{
    private readonly BotStore _store;
    private readonly Plan _plan;
    private readonly CommuneClock _clock;
    private readonly Audience _audience;
    private readonly Broadcaster _broadcaster;
    private readonly CommuneDirectory _communes;

    public AnnouncementFlow(BotStore store, Plan plan, CommuneClock clock, Audience audience, Broadcaster broadcaster, CommuneDirectory communes)
    {
        (_store, _plan, _clock, _audience, _broadcaster, _communes) = (store, plan, clock, audience, broadcaster, communes);
        Steps =
        [
            new("Nội dung", _ => "Gửi nội dung thông báo cho người dân trong một tin (tối đa 1.500 ký tự); có thể gửi kèm một ảnh, nội dung ghi ở chú thích ảnh. Gõ /huy để thôi.",
                TakeText, TakesPhoto: true),
            new("Nơi nhận", AskArea, TakeArea),
        ];
    }

    public override ConversationMode Mode => ConversationMode.Announcing;
    protected override IReadOnlyList<FlowStep<AnnouncementDraft>> Steps { get; }
    protected override string? Opening => null;
    protected override string Cancelled => "Đã hủy thông báo, chưa gửi cho ai.";
    protected override IReadOnlySet<string> FinishWords { get; } = new HashSet<string> { "ok", "gui" };
    protected override string PreviewHint => "Gõ OK để gửi thông báo";
    protected override AnnouncementDraft DraftOf(Conversation c) => c.Announcement;

    private static Reply? TakeText(Turn turn, string text, AnnouncementDraft draft)
    {
        // A photo sent alone is kept, and the text is asked for: it is the caption's place.
        if (turn.Message.PhotoRef is { } photo) turn.Conversation.Photo = photo;
        if (text.Length == 0)
            return turn.Conversation.Photo is null ? "Vui lòng gửi nội dung thông báo." : "Đã nhận ảnh. Vui lòng gửi nội dung thông báo.";
        if (text.Length > 1500)
            return $"Thông báo dài {VietnameseFormat.Number(text.Length)} ký tự; vui lòng rút gọn còn tối đa 1.500 ký tự để Zalo nhận được.";
        draft.Text = text;
        return null;
    }

    private const string WholeCity = "cả thành phố";

    // A city official sends to the whole city or to one commune; a commune official to their commune or a village.
    private Reply AskArea(Turn turn)
    {
        var choices = turn.IsCity && _communes.City is { } city
            ? [new Choice("Cả thành phố", WholeCity), .. city.Communes.Select(c => new Choice(c.Name, c.Code))]
            : AreaChoice.Choices(_plan.Commune);
        turn.Conversation.NumberedChoices = choices;
        return new Reply("Gửi cho ai?", choices, Numbered: true);
    }

    private Reply? TakeArea(Turn turn, string text, AnnouncementDraft draft)
    {
        if (turn.IsCity && _communes.City is { } city)
        {
            var folded = Words.Fold(text);
            var commune = city.FindCommune(text.Trim()) ?? city.Communes.FirstOrDefault(c => Words.Fold(c.Name) == folded);
            if (commune is null && folded is not ("ca thanh pho" or "tat ca"))
                return new Reply("Vui lòng chọn số trong danh sách.", turn.Conversation.NumberedChoices, Numbered: true);
            (draft.Commune, draft.Area) = (commune?.Code, null);
            return null;
        }
        if (!AreaChoice.TryParse(_plan.Commune, text, out var area))
            return new Reply("Vui lòng chọn số trong danh sách.", turn.Conversation.NumberedChoices, Numbered: true);
        draft.Area = area;
        return null;
    }

    protected override Reply Preview(Turn turn)
    {
        var c = turn.Conversation;
        var count = Recipients(turn).Count;
        var photoNote = c.Photo is null ? "" : "\n" + PhotoCopies.PreviewNote(_store, c.Photo);
        var reach = turn.IsCity
            ? c.Announcement.Commune is { } code ? _communes.City?.FindCommune(code)?.Name ?? code : WholeCity
            : c.Announcement.Area ?? "cả xã";
        return new Reply($"Xem trước:\n{c.Announcement.Text}{photoNote}\n\nGửi tới {VietnameseFormat.Number(count)} người ({reach}). Gõ OK để gửi, /huy để thôi.",
            [new Choice("✅ Gửi", "OK")]);
    }

    /// <summary>A city official's reach every commune (or the one chosen); a commune official's, their commune only.</summary>
    private List<ChatAccount> Recipients(Turn turn) => turn.IsCity
        ? _audience.Residents(turn.Conversation.Announcement.Commune, null)
        : _audience.Residents(turn.CommuneId, turn.Conversation.Announcement.Area);

    protected override void Finish(Turn turn)
    {
        var c = turn.Conversation;
        var recipients = Recipients(turn);
        var broadcastId = _broadcaster.FreeId($"b{_clock.UtcNow:yyyyMMddHHmmss}-{turn.Member!.Id}");
        _broadcaster.Queue(broadcastId, turn.Member.Id, recipients, $"📢 {c.Announcement.Text}", c.Photo);
        c.Reset();
        turn.Say($"Đang gửi thông báo tới {VietnameseFormat.Number(recipients.Count)} người. Bot sẽ báo kết quả khi gửi xong.");
    }
}
