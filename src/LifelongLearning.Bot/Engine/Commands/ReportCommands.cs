using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine.Flows;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>A unit head's /trangthai: what each open round still needs of the unit.</summary>
public sealed class ReportCommands(RoundService rounds, ReportFlow flow)
{
    public void Status(Turn turn)
    {
        if (flow.UnitOf(turn) is not { } unit) return;
        var open = rounds.OpenRounds(unit.CommuneId).Where(r => rounds.IndicatorsFor(unit, r).Count > 0).ToList();
        if (open.Count == 0)
        {
            turn.Say($"{unit.Name}: hiện không có kỳ báo cáo nào đang mở.");
            return;
        }
        var lines = new List<string> { $"{unit.Name}:" };
        foreach (var round in open)
        {
            var confirmed = rounds.ConfirmedAnswers(round.Id, unit.Id);
            var deadline = VietnameseFormat.Date(round.Deadline);
            if (confirmed.Count == 0)
            {
                lines.Add($"• {round.Period.Label}: chưa gửi, hạn {deadline}. Gõ /baocao.");
                continue;
            }
            var missing = rounds.IndicatorsFor(unit, round).Where(i => confirmed.GetValueOrDefault(i.Code) is not { IsMissing: false }).ToList();
            lines.Add(missing.Count == 0
                ? $"• {round.Period.Label}: đã gửi đủ. Có thể sửa bằng /sua đến {VietnameseFormat.Date(round.ClosesOn)}."
                : $"• {round.Period.Label}: đã gửi, còn bỏ trống {missing.Count} mục:\n{string.Join("\n", missing.Select(i => "   – " + i.Name))}\n  Gõ /sua để bổ sung.");
        }
        if (turn.Conversation.Mode == ConversationMode.Reporting) lines.Add("Anh/chị đang báo cáo dở; gõ /baocao để tiếp tục.");
        turn.Say(string.Join("\n", lines));
    }

}
