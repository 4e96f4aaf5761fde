using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Reporting;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>/baocao, /sua, /huy, a reporter's /trangthai, and every answer typed during a report.</summary>
public sealed class ReportCommands(BotStore store, RoundService rounds, PlanHolder time)
{
    public void Start(Turn turn)
    {
        if (UnitOf(turn) is not { } unit) return;
        var c = turn.Conversation;
        if (c.Mode == ConversationMode.Reporting && rounds.Find(c.RoundId!) is { Status: RoundStatus.Open } current)
        {
            turn.Say(ReportSession.Resume(c, rounds.ContextFor(current, unit)).Replies);
            return;
        }
        var open = rounds.OpenRounds().Where(r => rounds.IndicatorsFor(unit, r).Count > 0).ToList();
        if (open.Count == 0)
        {
            turn.Say("Hiện không có kỳ báo cáo nào đang mở. Bot sẽ nhắn khi đến kỳ.");
            return;
        }
        var round = open.FirstOrDefault(r => !rounds.HasReported(r.Id, unit.Id));
        if (round is null)
        {
            turn.Say($"{unit.Name} đã gửi báo cáo {string.Join(", ", open.Select(r => r.Period.Label))}. Gõ /sua nếu cần sửa số.");
            return;
        }
        if (HoldsKeptDraft(c, round, unit))
        {
            c.Mode = ConversationMode.Reporting;
            turn.Say(ReportSession.Resume(c, rounds.ContextFor(round, unit)).Replies);
            return;
        }
        turn.Say(ReportSession.Begin(c, round.Id, unit.Id, rounds.ContextFor(round, unit), new Dictionary<string, Core.Answers.AnswerValue>()).Replies);
    }

    public void Correct(Turn turn)
    {
        if (UnitOf(turn) is not { } unit) return;
        var round = rounds.OpenRounds().FirstOrDefault(r => rounds.HasReported(r.Id, unit.Id));
        if (round is null)
        {
            turn.Say("Không có báo cáo nào để sửa: đơn vị chưa gửi báo cáo của kỳ đang mở, hoặc kỳ đã đóng. Gõ /baocao để báo cáo.");
            return;
        }
        turn.Say(ReportSession.Begin(turn.Conversation, round.Id, unit.Id, rounds.ContextFor(round, unit), rounds.ConfirmedAnswers(round.Id, unit.Id)).Replies);
    }

    public void Leave(Turn turn)
    {
        var c = turn.Conversation;
        if (c.Mode == ConversationMode.Idle)
        {
            turn.Say("Không có việc gì đang dở. Gõ /trogiup để xem các lệnh.");
            return;
        }
        if (c.Mode == ConversationMode.Announcing)
        {
            c.Reset();
            turn.Say("Đã hủy thông báo, chưa gửi cho ai.");
            return;
        }
        if (c.Mode == ConversationMode.AddingEvent)
        {
            c.Reset();
            turn.Say("Đã thôi thêm sự kiện, chưa lưu gì.");
            return;
        }
        c.Mode = ConversationMode.Idle;
        c.Pending = null;
        c.NumberedChoices = [];
        turn.Say(c.IsCorrection
            ? "Đã dừng sửa. Báo cáo đã gửi giữ nguyên."
            : "Đã dừng. Những số đã nhập được giữ lại; gõ /baocao để tiếp tục. Báo cáo đã gửi trước đây không thay đổi.");
    }

    public void Continue(Turn turn, string text)
    {
        var c = turn.Conversation;
        var round = c.RoundId is null ? null : rounds.Find(c.RoundId);
        var unit = c.UnitId is null ? null : store.Units.FindById(c.UnitId);
        if (round is not { Status: RoundStatus.Open } || unit is null || turn.Member?.UnitId != unit.Id)
        {
            c.Reset();
            turn.Say("Kỳ báo cáo này đã đóng, không nhận thêm số liệu. Gõ /trangthai để xem kỳ đang mở.");
            return;
        }
        var step = ReportSession.Handle(c, text, rounds.ContextFor(round, unit));
        if (step.Submitted is { } values)
            rounds.Submit(round, unit.Id, turn.Member!, turn.Message.Channel, values);
        turn.Say(step.Replies);
    }

    /// <summary>A reporter not in a conversation sends the whole form in one message.</summary>
    public bool TryOneMessageForm(Turn turn, string text)
    {
        var unit = turn.Member?.UnitId is { } id ? store.Units.FindById(id) : null;
        if (unit is null || BulkForm.TryRead(text, time.Plan) is null) return false;
        var round = rounds.OpenRounds().FirstOrDefault(r => rounds.IndicatorsFor(unit, r).Count > 0);
        if (round is null)
        {
            turn.Say("Hiện không có kỳ báo cáo nào đang mở, nên bot chưa nhận số liệu này.");
            return true;
        }
        var ctx = rounds.ContextFor(round, unit);
        var c = turn.Conversation;
        var confirmed = rounds.ConfirmedAnswers(round.Id, unit.Id);
        if (confirmed.Count == 0 && HoldsKeptDraft(c, round, unit)) c.Mode = ConversationMode.Reporting;
        else ReportSession.Begin(c, round.Id, unit.Id, ctx, confirmed);
        turn.Say(ReportSession.Handle(c, text, ctx).Replies);
        return true;
    }

    /// <summary>A report left with /huy keeps its draft, so /baocao and the one-message form pick it up where it was.</summary>
    private static bool HoldsKeptDraft(Conversation c, Round round, UnitRecord unit) =>
        c.RoundId == round.Id && c.UnitId == unit.Id && c.Draft.Count > 0 && !c.IsCorrection;

    public void Status(Turn turn)
    {
        if (UnitOf(turn) is not { } unit) return;
        var open = rounds.OpenRounds().Where(r => rounds.IndicatorsFor(unit, r).Count > 0).ToList();
        if (open.Count == 0)
        {
            turn.Say($"{unit.Name}: hiện không có kỳ báo cáo nào đang mở.");
            return;
        }
        var lines = new List<string> { $"{unit.Name}:" };
        foreach (var round in open)
        {
            var confirmed = rounds.ConfirmedAnswers(round.Id, unit.Id);
            var deadline = VietnameseFormat.Date(round.DeadlineDay);
            if (confirmed.Count == 0)
            {
                lines.Add($"• {round.Period.Label}: chưa gửi, hạn {deadline}. Gõ /baocao.");
                continue;
            }
            var missing = rounds.IndicatorsFor(unit, round).Where(i => confirmed.GetValueOrDefault(i.Code) is not { IsMissing: false }).ToList();
            lines.Add(missing.Count == 0
                ? $"• {round.Period.Label}: đã gửi đủ. Có thể sửa bằng /sua đến {VietnameseFormat.Date(DateOnly.FromDateTime(round.ClosesOn))}."
                : $"• {round.Period.Label}: đã gửi, còn bỏ trống {missing.Count} mục:\n{string.Join("\n", missing.Select(i => "   – " + i.Name))}\n  Gõ /sua để bổ sung.");
        }
        if (turn.Conversation.Mode == ConversationMode.Reporting) lines.Add("Anh/chị đang báo cáo dở; gõ /baocao để tiếp tục.");
        turn.Say(string.Join("\n", lines));
    }

    private UnitRecord? UnitOf(Turn turn)
    {
        if (turn.Role != Role.Reporter || turn.Member?.UnitId is not { } unitId)
        {
            turn.Say(turn.IsOfficial
                ? "Lệnh này dành cho người báo cáo của đơn vị. Cán bộ theo dõi dùng /trangthai và /tonghop."
                : "Chỉ người báo cáo của đơn vị mới báo cáo được. Nếu anh/chị là cán bộ đơn vị, hãy gửi mã mời do xã cấp.");
            return null;
        }
        var unit = store.Units.FindById(unitId);
        if (unit is not { Active: true })
        {
            turn.Say("Đơn vị của anh/chị không còn trong danh sách báo cáo. Vui lòng liên hệ cán bộ xã.");
            return null;
        }
        return unit;
    }
}
