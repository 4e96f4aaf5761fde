using LifelongLearning.Bot.Core.Time;
using System.Globalization;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Events;

/// <summary>
/// /thamgia SỐ-SỰ-KIỆN SỐ-NGƯỜI: a unit's reporter says how many took part in an event. One typed line,
/// so it works the same on Telegram and Zalo and never interrupts a report in progress; sending it again
/// corrects the figure (every revision is kept).
/// </summary>
public sealed class ParticipationCommand(BotStore store, CommuneClock clock, EventCalendar calendar, EventFigures figures)
{
    public void Handle(Turn turn, string args)
    {
        var unit = turn.Member?.UnitId is { } unitId ? store.Units.FindById(unitId) : null;
        if (turn.Role != Role.Reporter || unit is null)
        {
            turn.Say("Lệnh này dành cho người báo cáo của đơn vị.");
            return;
        }
        var parts = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !int.TryParse(parts[0], out var eventId) || !TryCount(parts[1], out var people))
        {
            turn.Say("Gõ /thamgia SỐ-SỰ-KIỆN SỐ-NGƯỜI, ví dụ /thamgia 12 150.");
            return;
        }
        // An event of another commune is, for this unit, not there.
        var e = store.For(unit.CommuneId).Events.FindById(eventId);
        if (e is null || e.CancelledAt is not null)
        {
            turn.Say($"Không có sự kiện số {eventId}. Số sự kiện có trong tin bot đã gửi.");
            return;
        }
        if (calendar.FirstDayOf(e) > clock.Today)
        {
            turn.Say($"Sự kiện «{e.Title}» chưa diễn ra ({calendar.WhenOf(e)}). Vui lòng báo sau sự kiện.");
            return;
        }
        var figure = figures.Record(e, unit.Id, people, turn.Member!, turn.Message.Channel);
        var corrected = figure.Revisions.Count > 1 ? " (đã sửa)" : "";
        turn.Say($"Đã ghi{corrected}: {VietnameseFormat.Number(people)} người tham gia «{e.Title}» của {unit.Name}. Gõ lại lệnh với số mới nếu cần sửa.");
    }

    /// <summary>"150", "1.250" or "1 250" people: Vietnamese thousands separators.</summary>
    private static bool TryCount(string text, out int count) =>
        int.TryParse(text.Replace(".", "").Replace(" ", ""), NumberStyles.None, CultureInfo.InvariantCulture, out count) && count <= 1_000_000;
}
