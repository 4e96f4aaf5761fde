using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Files;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine.Events;

/// <summary>
/// /sukien: an official adds an event in seven short steps (title, time, place, description, photo, village,
/// organiser), each answerable by typing because Zalo has no buttons; a preview with the number of residents
/// it reaches, then OK. The draft lives in the conversation, so a restart resumes at the same step.
/// </summary>
public sealed class EventCommands(
    BotStore store, PlanHolder time, EventCalendar calendar, Audience audience, IOptions<EventOptions> options)
{
    private const int Title = 0, When = 1, Place = 2, Description = 3, Photo = 4, Area = 5, Organiser = 6, Confirm = 7;
    private const string Steps = "/7";

    public void Start(Turn turn)
    {
        var c = turn.Conversation;
        c.Reset();
        c.Mode = ConversationMode.AddingEvent;
        c.EventStep = Title;
        turn.Say($"Thêm sự kiện mới. Gõ /huy bất cứ lúc nào để thôi.\n1{Steps}. Tên sự kiện là gì?");
    }

    /// <summary>Only step 5 takes a photo.</summary>
    public static bool TakesPhoto(Conversation c) => c.Mode == ConversationMode.AddingEvent && c.EventStep == Photo;

    public void Continue(Turn turn, string text)
    {
        var c = turn.Conversation;
        var draft = c.EventDraft;
        var skip = Words.Fold(text) is "bo qua" or "khong" or "khong co";
        switch (c.EventStep)
        {
            case Title:
                if (text.Length is < 3 or > 200)
                {
                    turn.Say("Tên sự kiện cần từ 3 đến 200 ký tự. Vui lòng gửi lại tên.");
                    return;
                }
                draft["title"] = text;
                Next(turn, When, $"2{Steps}. Sự kiện diễn ra lúc nào? Gõ ngày và giờ, ví dụ «21/4/2026 8:00» hoặc «21/4 8h»; chỉ gõ ngày nếu sự kiện diễn ra cả ngày.");
                return;
            case When:
                if (!EventTimeParser.TryParse(text, time.Today, out var day, out var at))
                {
                    turn.Say("Bot chưa hiểu ngày giờ này. Gõ theo mẫu «21/4/2026 8:00», «21/4 8h» hoặc «21/4/2026».");
                    return;
                }
                var starts = time.ToUtc(day, at ?? TimeOnly.MinValue);
                if (day < time.Today || (at is not null && starts <= time.UtcNow))
                {
                    turn.Say("Thời điểm này đã qua. Vui lòng gõ một ngày giờ sắp tới.");
                    return;
                }
                draft["startsAt"] = starts.ToString("O");
                draft["allDay"] = at is null ? "1" : "0";
                Next(turn, Place, $"3{Steps}. Địa điểm ở đâu? (ví dụ «Nhà văn hóa Thôn 2»)");
                return;
            case Place:
                if (text.Length is < 2 or > 200)
                {
                    turn.Say("Vui lòng gõ địa điểm (từ 2 đến 200 ký tự).");
                    return;
                }
                draft["place"] = text;
                Next(turn, Description, $"4{Steps}. Giới thiệu ngắn về sự kiện (nội dung, ai nên tham gia). Gõ «bỏ qua» nếu không cần.");
                return;
            case Description:
                if (!skip && text.Length > 1000)
                {
                    turn.Say($"Phần giới thiệu dài {VietnameseFormat.Number(text.Length)} ký tự; vui lòng rút gọn còn tối đa 1.000 ký tự.");
                    return;
                }
                if (!skip) draft["description"] = text;
                Next(turn, Photo, $"5{Steps}. Gửi một ảnh cho sự kiện (áp phích, giấy mời), hoặc gõ «bỏ qua».");
                return;
            case Photo:
                if (turn.Message.PhotoRef is { } photo) draft["photo"] = photo;
                else if (!skip)
                {
                    turn.Say("Vui lòng gửi một ảnh, hoặc gõ «bỏ qua» nếu không có ảnh.");
                    return;
                }
                AskArea(turn);
                return;
            case Area:
                if (!AreaChoice.TryParse(time.Plan.Commune, text, out var area))
                {
                    turn.Say(new Reply("Vui lòng chọn số trong danh sách.", c.NumberedChoices, Numbered: true));
                    return;
                }
                if (area is not null) draft["area"] = area;
                AskOrganiser(turn);
                return;
            case Organiser:
                var unit = skip ? null : store.Units.FindById(text.Trim().ToUpperInvariant());
                if (!skip && unit is not { Active: true })
                {
                    turn.Say(new Reply("Vui lòng chọn số trong danh sách, hoặc gõ «bỏ qua».", c.NumberedChoices, Numbered: true));
                    return;
                }
                if (unit is not null) draft["unit"] = unit.Id;
                c.NumberedChoices = [];
                c.EventStep = Confirm;
                Preview(turn);
                return;
            default:
                if (Words.Fold(text) is not ("ok" or "luu"))
                {
                    turn.Say("Gõ OK để lưu sự kiện, hoặc /huy để thôi.");
                    return;
                }
                Save(turn);
                return;
        }
    }

    private static void Next(Turn turn, int step, string question)
    {
        turn.Conversation.EventStep = step;
        turn.Say(question);
    }

    private void AskArea(Turn turn)
    {
        var choices = AreaChoice.Choices(time.Plan.Commune);
        turn.Conversation.NumberedChoices = choices;
        turn.Conversation.EventStep = Area;
        turn.Say(new Reply($"6{Steps}. Sự kiện dành cho bà con ở đâu?", choices, Numbered: true));
    }

    private void AskOrganiser(Turn turn)
    {
        var choices = store.Units.Find(u => u.Active).OrderBy(u => u.Id).Select(u => new Choice(u.Name, u.Id))
            .Append(new Choice("Không có đơn vị nào", "bỏ qua")).ToList();
        turn.Conversation.NumberedChoices = choices;
        turn.Conversation.EventStep = Organiser;
        turn.Say(new Reply($"7{Steps}. Đơn vị nào tổ chức? Sau sự kiện, bot sẽ hỏi đơn vị đó số người tham gia.", choices, Numbered: true));
    }

    private EventRecord FromDraft(Turn turn)
    {
        var d = turn.Conversation.EventDraft;
        return new EventRecord
        {
            Title = d["title"],
            StartsAt = DateTime.Parse(d["startsAt"], null, System.Globalization.DateTimeStyles.RoundtripKind),
            AllDay = d["allDay"] == "1",
            Place = d.GetValueOrDefault("place"),
            Description = d.GetValueOrDefault("description"),
            PhotoFileId = d.GetValueOrDefault("photo"),
            Area = d.GetValueOrDefault("area"),
            OrganiserUnitId = d.GetValueOrDefault("unit"),
            CreatedBy = turn.Member!.Id,
            CreatedAt = time.UtcNow,
        };
    }

    private void Preview(Turn turn)
    {
        var e = FromDraft(turn);
        var reach = audience.Residents(e.Area).Count;
        var unit = e.OrganiserUnitId is null ? "không có" : store.Units.FindById(e.OrganiserUnitId)?.Name;
        turn.Say(new Reply(
            $"Xem trước:\n{calendar.Describe(e)}\n{(e.PhotoFileId is null ? "" : PhotoCopies.PreviewNote(store, e.PhotoFileId) + "\n")}Đơn vị tổ chức: {unit}\n\n" +
            $"Bot sẽ báo cho {VietnameseFormat.Number(reach)} người đang nhận thông báo{Schedule()}. Gõ OK để lưu, /huy để thôi.",
            [new Choice("✅ Lưu", "OK")]));
    }

    private string Schedule() => options.Value.DaysBefore > 0 ? $" {options.Value.DaysBefore} ngày trước và sáng ngày diễn ra" : " vào sáng ngày diễn ra";

    private void Save(Turn turn)
    {
        var e = FromDraft(turn);
        store.Events.Insert(e);
        turn.Conversation.Reset();
        turn.Say($"Đã lưu sự kiện số {e.Id}: {e.Title} ({calendar.WhenOf(e)}). Bot sẽ báo cho bà con{Schedule()}. " +
                 $"Gõ /dssukien để xem lịch, /huysukien {e.Id} để hủy.");
    }
}
