using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Reporting;

/// <summary>
/// The reporting conversation: one question per indicator, a wrong answer explained and asked again,
/// "bỏ qua" and "quay lại", then everything on one screen to confirm. The state lives in the
/// <see cref="Conversation"/>, so the caller saves it after every step.
/// </summary>
public static class ReportSession
{
    public const string Skip = "bỏ qua";
    public const string Back = NavigationWords.Back;
    public const string Send = "OK";

    private static readonly HashSet<string> SkipWords = ["bo qua", "/boqua", "boqua", "khong co so lieu", "skip"];
    private static readonly HashSet<string> SendWords = ["ok", "gui", "xac nhan", "dong y", "gui bao cao", "/gui"];
    // "I don't know" is not an answer, and not a "không" either: it gets the way to leave the item empty.
    private static readonly HashSet<string> DontKnowWords = ["khong biet", "chua biet", "khong ro", "chua ro", "khong nho"];
    private const string DontKnowReply = "Nếu đơn vị chưa có số liệu này, gõ «bỏ qua»: mục này để trống (không tính là 0) và có thể bổ sung sau.";
    private const string SkipHint = "Gõ «bỏ qua» nếu đơn vị không có số liệu này.";
    private static readonly HashSet<string> YesWords = ["co", "c", "1", "dung", "xac nhan", "ok", "vang", "yes", "y"];

    public static StepResult Begin(Conversation c, string roundId, string unitId, ReportContext ctx, IReadOnlyDictionary<string, AnswerValue> confirmed)
    {
        c.Reset();
        c.Mode = ConversationMode.Reporting;
        c.RoundId = roundId;
        c.UnitId = unitId;
        c.Questions = [.. ctx.Indicators.Select(i => i.Code)];
        c.IsCorrection = confirmed.Count > 0;
        c.Draft = confirmed.ToDictionary();
        if (c.IsCorrection)
        {
            c.AtSummary = true;
            return new([$"Sửa báo cáo {ctx.RoundLabel} của {ctx.UnitName}.", Summary(c, ctx)]);
        }
        var intro = $"Báo cáo {ctx.RoundLabel} — {ctx.UnitName}: {ctx.Indicators.Count} câu hỏi. " +
                    $"Gõ «{Skip}» nếu đơn vị không có số liệu, «{Back}» để sửa câu trước.";
        return new([intro, Ask(c, ctx)]);
    }

    /// <summary>Says again where the member stands: after a restart, /baocao, or a switch of channel.</summary>
    public static StepResult Resume(Conversation c, ReportContext ctx)
    {
        var where = c.AtSummary ? Summary(c, ctx) : Ask(c, ctx);
        return new([$"Tiếp tục báo cáo {ctx.RoundLabel} — {ctx.UnitName}.", where]);
    }

    public static StepResult Handle(Conversation c, string text, ReportContext ctx)
    {
        var folded = Words.Fold(text);
        if (c.Pending is not null)
        {
            var pending = c.Pending;
            c.Pending = null;
            if (YesWords.Contains(folded)) return Accept(c, ctx, pending);
        }

        if (BulkForm.TryRead(text, ctx.Plan) is { } items && (items.Count > 1 || c.AtSummary || !IsPlainAnswer(text)))
            return ApplyBulk(c, ctx, items);

        if (c.AtSummary) return HandleSummary(c, ctx, folded);

        if (NavigationWords.IsBack(folded)) return StepBack(c, ctx);

        var indicator = ctx.Indicator(c.Questions[c.Index]);
        if (SkipWords.Contains(folded)) return Accept(c, ctx, AnswerValue.Missing);
        if (DontKnowWords.Contains(folded)) return new([new Reply(DontKnowReply, []), Ask(c, ctx, repeat: true)]);

        var parsed = AnswerParser.Parse(text, indicator.Kind, indicator.Max);
        if (parsed.Error is { } error) return new([new Reply(error, []), Ask(c, ctx, repeat: true)]);

        var outlier = OutlierCheck.QuestionFor(indicator, parsed.Value!, ctx.PreviousOf(indicator.Code));
        return outlier is null ? Accept(c, ctx, parsed.Value!) : AskToConfirm(c, parsed.Value!, outlier);
    }

    /// <summary>«quay lại»: the question before; from the summary, the last question; from an item picked on the summary, the summary.</summary>
    public static StepResult StepBack(Conversation c, ReportContext ctx)
    {
        c.Pending = null;
        if (c.AtSummary)
        {
            c.AtSummary = false;
            c.Index = c.Questions.Count - 1;
            return new([Ask(c, ctx)]);
        }
        if (c.ReturnToSummary) { c.ReturnToSummary = false; c.AtSummary = true; return new([Summary(c, ctx)]); }
        if (c.Index > 0) c.Index--;
        return new([Ask(c, ctx)]);
    }

    private static StepResult HandleSummary(Conversation c, ReportContext ctx, string folded)
    {
        if (SendWords.Contains(folded))
        {
            var submitted = c.Questions.ToDictionary(q => q, q => c.Draft.GetValueOrDefault(q) ?? AnswerValue.Missing);
            var wasCorrection = c.IsCorrection;
            c.Reset();
            var thanks = wasCorrection
                ? $"Đã lưu phần sửa báo cáo {ctx.RoundLabel}. Số cũ vẫn được giữ trong lịch sử sửa đổi."
                : $"Đã nhận báo cáo {ctx.RoundLabel} của {ctx.UnitName}. Cảm ơn anh/chị! Có thể sửa bằng /sua cho đến khi kỳ báo cáo đóng.";
            return new([thanks], submitted);
        }
        if (int.TryParse(folded, out var n) && n >= 1 && n <= c.Questions.Count)
        {
            c.AtSummary = false;
            c.ReturnToSummary = true;
            c.Index = n - 1;
            return new([Ask(c, ctx)]);
        }
        if (NavigationWords.IsBack(folded)) return StepBack(c, ctx);
        return new([new Reply($"Gõ {Send} để gửi báo cáo, hoặc gõ số thứ tự (1–{c.Questions.Count}) để sửa một mục.", []), Summary(c, ctx)]);
    }

    private static StepResult ApplyBulk(Conversation c, ReportContext ctx, IReadOnlyList<BulkForm.Item> items)
    {
        var problems = new List<string>();
        foreach (var item in items)
        {
            var indicator = ctx.Indicators.FirstOrDefault(i => i.Code == item.Code);
            if (indicator is null)
            {
                problems.Add(item.Code.Length == 0
                    ? $"«{Quote.Short(item.RawValue)}»: không đọc được; mỗi mục gồm mã chỉ tiêu và số, ví dụ «TV-LUOT 1.250»."
                    : $"{Quote.Short(item.Code)}: không thuộc báo cáo này của đơn vị.");
                continue;
            }
            if (SkipWords.Contains(Words.Fold(item.RawValue))) { c.Draft[indicator.Code] = AnswerValue.Missing; continue; }
            var parsed = AnswerParser.Parse(item.RawValue, indicator.Kind, indicator.Max);
            if (parsed.Error is { } error) { problems.Add($"{indicator.Code}: {error}"); continue; }
            c.Draft[indicator.Code] = parsed.Value!;
            var warning = OutlierCheck.QuestionFor(indicator, parsed.Value!, ctx.PreviousOf(indicator.Code)) is not null
                ? "khác xa kỳ trước, xin kiểm tra lại" : null;
            if (warning is null) c.Warnings.Remove(indicator.Code); else c.Warnings[indicator.Code] = warning;
        }
        var replies = new List<Reply>();
        if (problems.Count > 0) replies.Add(new Reply("Chưa nhận được:\n" + string.Join("\n", problems.Select(p => "• " + p)), []));
        var next = c.Questions.FindIndex(q => !c.Draft.ContainsKey(q));
        c.ReturnToSummary = false;
        if (next < 0)
        {
            c.AtSummary = true;
            replies.Add(Summary(c, ctx));
        }
        else
        {
            c.AtSummary = false;
            c.Index = next;
            replies.Add(Ask(c, ctx));
        }
        return new(replies);
    }

    private static StepResult AskToConfirm(Conversation c, AnswerValue value, string question)
    {
        c.Pending = value;
        c.NumberedChoices = [];
        return new([new Reply(question, [new Choice("Đúng, lưu số này", "có")])]);
    }

    private static StepResult Accept(Conversation c, ReportContext ctx, AnswerValue value)
    {
        var code = c.Questions[c.Index];
        c.Draft[code] = value;
        c.Warnings.Remove(code);
        if (c.ReturnToSummary || c.Index + 1 >= c.Questions.Count)
        {
            c.ReturnToSummary = false;
            c.AtSummary = true;
            return new([Summary(c, ctx)]);
        }
        c.Index++;
        return new([Ask(c, ctx)]);
    }

    private static Reply Ask(Conversation c, ReportContext ctx, bool repeat = false)
    {
        var indicator = ctx.Indicator(c.Questions[c.Index]);
        // The code (TV-LUOT) is the one-message form's word, not the person's: the question shows its number and text only.
        var lines = new List<string> { $"Câu {c.Index + 1}/{c.Questions.Count}: {indicator.Question}" };
        if (ctx.PreviousOf(indicator.Code) is { IsMissing: false } previous)
            lines.Add($"Kỳ trước{(ctx.PreviousLabel is null ? "" : $" ({ctx.PreviousLabel})")}: {previous.Display(indicator)}.");
        if (c.Draft.GetValueOrDefault(indicator.Code) is { } current && !repeat)
            lines.Add(current.IsMissing
                ? "Đã bỏ trống mục này. Nhập số nếu đã có, hoặc gõ «bỏ qua» để vẫn để trống."
                : $"Đã nhập: {current.Display(indicator)}. Nhập lại số đúng (gõ lại số cũ nếu không đổi).");
        if (indicator.Kind != IndicatorKind.YesNo && !repeat)
        {
            lines.Add(indicator.UnitOfMeasure is null ? AnswerParser.HintFor(indicator.Kind) : $"Nhập số {indicator.UnitOfMeasure}, ví dụ 1.250.");
            // The button says it on Telegram; Zalo and the console have no button, so the sentence says it everywhere.
            lines.Add(SkipHint);
        }

        var navigation = new List<Choice> { new("Bỏ qua", Skip) };
        if (c.Index > 0 || c.ReturnToSummary) navigation.Add(new Choice("Quay lại", Back));
        if (indicator.Kind == IndicatorKind.YesNo)
        {
            c.NumberedChoices = [new Choice("Có", "có"), new Choice("Không", "không"), .. navigation];
            return new Reply(string.Join("\n", lines), c.NumberedChoices, Numbered: true);
        }
        c.NumberedChoices = [];
        return new Reply(string.Join("\n", lines), navigation);
    }

    private static Reply Summary(Conversation c, ReportContext ctx)
    {
        c.NumberedChoices = [];
        var lines = new List<string> { $"Báo cáo {ctx.RoundLabel} — {ctx.UnitName}:" };
        for (var i = 0; i < c.Questions.Count; i++)
        {
            var indicator = ctx.Indicator(c.Questions[i]);
            var value = c.Draft.GetValueOrDefault(indicator.Code);
            var shown = value is null ? "(chưa trả lời)" : value.Display(indicator);
            var warning = c.Warnings.TryGetValue(indicator.Code, out var w) ? $" ⚠ {w}" : "";
            lines.Add($"{i + 1}. {indicator.Name}: {shown}{warning}");
        }
        lines.Add($"Gõ {Send} để gửi, hoặc gõ số thứ tự để sửa.");
        return new Reply(string.Join("\n", lines), [new Choice("✅ Gửi báo cáo", Send)]);
    }

    private static bool IsPlainAnswer(string text) => !text.Contains(' ') && !text.Contains(':');

}
