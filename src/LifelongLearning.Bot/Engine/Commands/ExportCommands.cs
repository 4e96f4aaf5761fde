using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Storage;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>
/// /xuat: an official asks for the report files of a period. The request is stored with the message and
/// answered at once; the export service builds the files outside the message's transaction and sends them.
/// The files are the official's own commune's, on its plan.
/// </summary>
public sealed class ExportCommands(BotStore store, CommuneDirectory communes, CommuneClock clock)
{
    public const string Usage = "Gõ /xuat 2025 (cả năm), /xuat 2026-H1 (6 tháng đầu năm) hoặc /xuat 2023-2025 (sơ kết giai đoạn).";

    public void Request(Turn turn, string args)
    {
        if (turn.Member is null) return; // officials are members; CommandTable refuses everyone else
        turn.Conversation.NumberedChoices = [];
        if (args.Length == 0)
        {
            Offer(turn);
            return;
        }
        if (!ExportScope.TryParse(args, out var scope))
        {
            turn.Say($"Bot không hiểu kỳ «{Quote.Short(args)}». {Usage}");
            return;
        }
        var commune = store.For(turn.CommuneId);
        scope = scope!.Under(communes.PlanOf(turn.CommuneId));
        var rounds = commune.Rounds.FindAll().Select(r => r.Period.Code).ToHashSet();
        if (!scope!.Periods.Any(p => rounds.Contains(p.Code)))
        {
            turn.Say($"Chưa có kỳ báo cáo nào trong {scope.Label} nên chưa có số liệu để xuất. {Usage}");
            return;
        }
        var code = scope.Code;
        var memberId = turn.Member.Id;
        if (commune.Exports.Exists(e => e.MemberId == memberId && e.Scope == code && e.Status == ExportStatus.Pending))
        {
            turn.Say($"Bot đang chuẩn bị các tệp {scope.Label}, vui lòng chờ trong giây lát.");
            return;
        }
        commune.Exports.Insert(new ExportRequest
        {
            Scope = code, MemberId = memberId, Channel = turn.Message.Channel, ChatId = turn.Message.ChatId,
            Status = ExportStatus.Pending, RequestedAt = clock.UtcNow,
        });
        turn.Say($"Đang chuẩn bị báo cáo {scope.Label}… Bot sẽ gửi dự thảo báo cáo (Word), bảng tổng hợp (Excel) và số liệu gốc (CSV) trong ít phút.");
    }

    /// <summary>/xuat alone: the latest rounds, and ranges of years from the plan's base year, as numbered choices.</summary>
    private void Offer(Turn turn)
    {
        var plan = communes.PlanOf(turn.CommuneId);
        var rounds = store.For(turn.CommuneId).Rounds.FindAll().Select(r => r.Period).OrderByDescending(p => p.To).ThenBy(p => p.Kind == PeriodKind.Year ? 0 : 1).ToList();
        if (rounds.Count == 0)
        {
            turn.Say("Chưa có kỳ báo cáo nào nên chưa có số liệu để xuất.");
            return;
        }
        var choices = rounds.Take(4).Select(p => new Choice(Cap(p.Label), $"/xuat {p.Code}")).ToList();
        var years = rounds.Where(p => p.Kind == PeriodKind.Year).Select(p => p.Year).Order().ToList();
        var baseYear = plan.Indicators.Select(i => i.GrowthBaseYear).FirstOrDefault(y => y is not null) ?? years.FirstOrDefault();
        // The plan's reviews (sơ kết, tổng kết), and the years so far, each from the base year.
        foreach (var last in plan.Reviews.Select(r => r.Year).Append(years.LastOrDefault()).Distinct().Where(y => years.Contains(y) && y > Math.Max(baseYear, years[0])))
        {
            var range = ExportScope.Years(Math.Max(baseYear, years[0]), last).Under(plan);
            choices.Add(new Choice(Cap(range.Label), $"/xuat {range.Code}"));
        }
        turn.Conversation.NumberedChoices = choices;
        turn.Say(new Reply($"Chọn kỳ cần xuất báo cáo (gõ số), hoặc {char.ToLowerInvariant(Usage[0])}{Usage[1..]}", choices, Numbered: true));
    }

}
