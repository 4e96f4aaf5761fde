using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine.Flows;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine.Events;

/// <summary>
/// /sukien: an official adds an event in seven short steps (title, time, place, description, photo, village,
/// organiser), each answerable by typing because Zalo has no buttons; «quay lại» goes back a step; a preview
/// with the number of residents it reaches, where a field is changed by its number, then OK. The draft
/// lives in the conversation, so a restart resumes at the same step. The event is the official's own commune's:
/// its villages, its units, its residents.
/// </summary>
public sealed class EventFlow : StepFlow<EventDraft>
{
    private readonly BotStore _store;
    private readonly CommuneDirectory _communes;
    private readonly CommuneClock _clock;
    private readonly EventCalendar _calendar;
    private readonly Audience _audience;
    private readonly EventOptions _options;
    private readonly IReadOnlyList<FlowStep<EventDraft>> _steps;

    public EventFlow(BotStore store, CommuneDirectory communes, CommuneClock clock, EventCalendar calendar, Audience audience, IOptions<EventOptions> options)
    {
        (_store, _communes, _clock, _calendar, _audience, _options) = (store, communes, clock, calendar, audience, options.Value);
        _steps =
        [
            new("Tên", _ => "Tên sự kiện là gì?", TakeTitle),
            new("Thời gian", _ => "Sự kiện diễn ra lúc nào? Gõ ngày và giờ, ví dụ «21/4/2026 8:00» hoặc «21/4 8h»; chỉ gõ ngày nếu sự kiện diễn ra cả ngày.", TakeTime),
            new("Địa điểm", _ => "Địa điểm ở đâu? (ví dụ «Nhà văn hóa Thôn 2»)", TakePlace),
            new("Giới thiệu", _ => "Giới thiệu ngắn về sự kiện (nội dung, ai nên tham gia). Gõ «bỏ qua» nếu không cần.", TakeDescription),
            new("Ảnh", _ => "Gửi một ảnh cho sự kiện (áp phích, giấy mời), hoặc gõ «bỏ qua».", TakePhoto, TakesPhoto: true),
            new("Nơi nhận tin", AskArea, TakeArea),
            new("Đơn vị tổ chức", AskOrganiser, TakeOrganiser),
        ];
    }

    public override ConversationMode Mode => ConversationMode.AddingEvent;
    protected override IReadOnlyList<FlowStep<EventDraft>> Steps => _steps;
    protected override string Opening => "Thêm sự kiện mới. Gõ «quay lại» để sửa câu trước, /huy bất cứ lúc nào để thôi.";
    protected override string Cancelled => "Đã thôi thêm sự kiện, chưa lưu gì.";
    protected override IReadOnlySet<string> FinishWords { get; } = new HashSet<string> { "ok", "luu" };
    protected override string PreviewHint => "Gõ OK để lưu sự kiện";
    protected override EventDraft DraftOf(Conversation c) => c.Event;

    private static bool IsSkip(string text) => Words.Fold(text) is "bo qua" or "khong" or "khong co";

    private static Reply? TakeTitle(Turn turn, string text, EventDraft draft)
    {
        if (text.Length is < 3 or > 200) return "Tên sự kiện cần từ 3 đến 200 ký tự. Vui lòng gửi lại tên.";
        draft.Title = text;
        return null;
    }

    private Reply? TakeTime(Turn turn, string text, EventDraft draft)
    {
        if (!EventTimeParser.TryParse(text, _clock.Today, out var day, out var at))
            return "Bot chưa hiểu ngày giờ này. Gõ theo mẫu «21/4/2026 8:00», «21/4 8h» hoặc «21/4/2026».";
        var starts = _clock.ToUtc(day, at ?? TimeOnly.MinValue);
        if (day < _clock.Today || (at is not null && starts <= _clock.UtcNow)) return "Thời điểm này đã qua. Vui lòng gõ một ngày giờ sắp tới.";
        draft.StartsAt = starts;
        draft.AllDay = at is null;
        return null;
    }

    private static Reply? TakePlace(Turn turn, string text, EventDraft draft)
    {
        if (text.Length is < 2 or > 200) return "Vui lòng gõ địa điểm (từ 2 đến 200 ký tự).";
        draft.Place = text;
        return null;
    }

    private static Reply? TakeDescription(Turn turn, string text, EventDraft draft)
    {
        var skip = IsSkip(text);
        if (!skip && text.Length > 1000)
            return $"Phần giới thiệu dài {VietnameseFormat.Number(text.Length)} ký tự; vui lòng rút gọn còn tối đa 1.000 ký tự.";
        draft.Description = skip ? null : text;
        return null;
    }

    private static Reply? TakePhoto(Turn turn, string text, EventDraft draft)
    {
        if (turn.Message.PhotoRef is { } photo) turn.Conversation.Photo = photo;
        else if (IsSkip(text)) turn.Conversation.Photo = null;
        else return "Vui lòng gửi một ảnh, hoặc gõ «bỏ qua» nếu không có ảnh.";
        return null;
    }

    private Reply AskArea(Turn turn)
    {
        var choices = AreaChoice.Choices(_communes.PlanOf(turn.CommuneId).Commune);
        turn.Conversation.NumberedChoices = choices;
        return new Reply("Sự kiện dành cho bà con ở đâu?", choices, Numbered: true);
    }

    private Reply? TakeArea(Turn turn, string text, EventDraft draft)
    {
        if (!AreaChoice.TryParse(_communes.PlanOf(turn.CommuneId).Commune, text, out var area))
            return new Reply("Vui lòng chọn số trong danh sách.", turn.Conversation.NumberedChoices, Numbered: true);
        draft.Area = area;
        return null;
    }

    private Reply AskOrganiser(Turn turn)
    {
        var choices = _store.For(turn.CommuneId).Units.Find(u => u.Active).OrderBy(u => u.Id).Select(u => new Choice(u.Name, u.Id))
            .Append(new Choice("Không có đơn vị nào", "bỏ qua")).ToList();
        turn.Conversation.NumberedChoices = choices;
        return new Reply("Đơn vị nào tổ chức? Sau sự kiện, bot sẽ hỏi đơn vị đó số người tham gia.", choices, Numbered: true);
    }

    private Reply? TakeOrganiser(Turn turn, string text, EventDraft draft)
    {
        var skip = IsSkip(text);
        var unit = skip ? null : _store.For(turn.CommuneId).Units.FindById(text.Trim().ToUpperInvariant());
        if (!skip && unit is not { Active: true })
            return new Reply("Vui lòng chọn số trong danh sách, hoặc gõ «bỏ qua».", turn.Conversation.NumberedChoices, Numbered: true);
        draft.OrganiserUnitId = unit?.Id;
        return null;
    }

    private EventRecord FromDraft(Turn turn)
    {
        var d = turn.Conversation.Event;
        return new EventRecord
        {
            Title = d.Title!,
            StartsAt = d.StartsAt!.Value,
            AllDay = d.AllDay,
            Place = d.Place,
            Description = d.Description,
            PhotoFileId = turn.Conversation.Photo,
            Area = d.Area,
            OrganiserUnitId = d.OrganiserUnitId,
            CreatedBy = turn.Member!.Id,
            CreatedAt = _clock.UtcNow,
        };
    }

    protected override Reply Preview(Turn turn)
    {
        var e = FromDraft(turn);
        var reach = _audience.Residents(turn.CommuneId, e.Area).Count;
        var unit = e.OrganiserUnitId is null ? "không có" : _store.Units.FindById(e.OrganiserUnitId)?.Name;
        return new Reply(
            $"Xem trước:\n{_calendar.Describe(e)}\n{(e.PhotoFileId is null ? "" : PhotoCopies.PreviewNote(_store, e.PhotoFileId) + "\n")}Đơn vị tổ chức: {unit}\n\n" +
            $"Bot sẽ báo cho {VietnameseFormat.Number(reach)} người đang nhận thông báo{Schedule()}. Gõ OK để lưu, /huy để thôi.",
            [new Choice("✅ Lưu", "OK")]);
    }

    private string Schedule() => _options.DaysBefore > 0 ? $" {_options.DaysBefore} ngày trước và sáng ngày diễn ra" : " vào sáng ngày diễn ra";

    protected override void Finish(Turn turn)
    {
        var e = FromDraft(turn);
        _store.For(turn.CommuneId).Events.Insert(e);
        turn.Conversation.Reset();
        turn.Say($"Đã lưu sự kiện số {e.Id}: {e.Title} ({_calendar.WhenOf(e)}). Bot sẽ báo cho bà con{Schedule()}. " +
                 $"Gõ /dssukien để xem lịch, /huysukien {e.Id} để hủy.");
    }
}
