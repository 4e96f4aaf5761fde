using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Reporting;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Flows;

/// <summary>
/// The unit head's report (/baocao, /sua, the one-message form): one question per indicator, «quay lại», a summary
/// edited by number, then OK (<see cref="ReportSession"/> holds the steps). /huy keeps a report's draft, so
/// /baocao picks it up where it was.
/// </summary>
public sealed class ReportFlow(BotStore store, RoundService rounds, Plan plan) : IConversationFlow
{
    public ConversationMode Mode => ConversationMode.Reporting;

    /// <summary>Anyone with a report begun; <see cref="Continue"/> checks the unit is still theirs.</summary>
    public bool Allows(Role role) => true;

    /// <summary>A report takes no photo.</summary>
    public bool TakesPhoto(Conversation c) => false;

    public void Start(Turn turn)
    {
        if (UnitOf(turn) is not { } unit) return;
        var c = turn.Conversation;
        if (c.Mode == ConversationMode.Reporting && rounds.Find(c.RoundId!) is { Status: RoundStatus.Open } current)
        {
            turn.Say(ReportSession.Resume(c, rounds.ContextFor(current, unit)).Replies);
            return;
        }
        var open = rounds.OpenRounds(unit.CommuneId).Where(r => rounds.IndicatorsFor(unit, r).Count > 0).ToList();
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
        var round = rounds.OpenRounds(unit.CommuneId).FirstOrDefault(r => rounds.HasReported(r.Id, unit.Id));
        if (round is null)
        {
            turn.Say("Không có báo cáo nào để sửa: đơn vị chưa gửi báo cáo của kỳ đang mở, hoặc kỳ đã đóng. Gõ /baocao để báo cáo.");
            return;
        }
        turn.Say(ReportSession.Begin(turn.Conversation, round.Id, unit.Id, rounds.ContextFor(round, unit), rounds.ConfirmedAnswers(round.Id, unit.Id)).Replies);
    }

    public void Cancel(Turn turn)
    {
        var c = turn.Conversation;
        c.Mode = ConversationMode.Idle;
        c.Pending = null;
        c.NumberedChoices = [];
        turn.Say(c.IsCorrection
            ? "Đã dừng sửa. Báo cáo đã gửi giữ nguyên."
            : "Đã dừng. Những số đã nhập được giữ lại; gõ /baocao để tiếp tục. Báo cáo đã gửi trước đây không thay đổi.");
    }

    public void Continue(Turn turn, string text)
    {
        if (StillOpen(turn) is not ({ } round, { } unit)) return;
        var step = ReportSession.Handle(turn.Conversation, text, rounds.ContextFor(round, unit));
        if (step.Submitted is { } values)
            rounds.Submit(round, unit.Id, turn.Member!, turn.Message.Channel, values);
        turn.Say(step.Replies);
    }

    public void Back(Turn turn)
    {
        if (StillOpen(turn) is not ({ } round, { } unit)) return;
        turn.Say(ReportSession.StepBack(turn.Conversation, rounds.ContextFor(round, unit)).Replies);
    }

    /// <summary>The round and unit of the report begun, or null (and the conversation left) when the round has closed.</summary>
    private (Round, UnitRecord)? StillOpen(Turn turn)
    {
        var c = turn.Conversation;
        var round = c.RoundId is null ? null : rounds.Find(c.RoundId);
        var unit = c.UnitId is null ? null : store.Units.FindById(c.UnitId);
        if (round is { Status: RoundStatus.Open } && unit is not null && turn.Member?.UnitId == unit.Id) return (round, unit);
        c.Reset();
        turn.Say("Kỳ báo cáo này đã đóng, không nhận thêm số liệu. Gõ /trangthai để xem kỳ đang mở.");
        return null;
    }

    /// <summary>A reporter not in a conversation sends the whole form in one message.</summary>
    public bool TryOneMessageForm(Turn turn, string text)
    {
        var unit = turn.Member?.UnitId is { } id ? store.Units.FindById(id) : null;
        if (unit is null || BulkForm.TryRead(text, plan) is null) return false;
        var round = rounds.OpenRounds(unit.CommuneId).FirstOrDefault(r => rounds.IndicatorsFor(unit, r).Count > 0);
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

    /// <summary>The unit of a unit head, or null with the reason said.</summary>
    public UnitRecord? UnitOf(Turn turn)
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
