using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Reporting;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Reporting;

public class ReportSessionTests
{
    private static ReportContext Context(Dictionary<string, AnswerValue>? previous = null)
    {
        var plan = DefaultPlan.Value;
        return new ReportContext(plan, "Năm 2025", "Thư viện Trường Tiểu học",
            [plan.FindIndicator("TV-HTSD")!, plan.FindIndicator("TV-CDS")!, plan.FindIndicator("TV-LUOT")!],
            previous ?? [], previous is null ? null : "Năm 2024");
    }

    private static (Conversation C, ReportContext Ctx) Started(Dictionary<string, AnswerValue>? previous = null)
    {
        var c = new Conversation { Id = "1" };
        var ctx = Context(previous);
        ReportSession.Begin(c, "2025", "TV-TH", ctx, new Dictionary<string, AnswerValue>());
        return (c, ctx);
    }

    private static string Last(StepResult step) => step.Replies[^1].Text;

    [Fact]
    public void A_whole_report_goes_question_by_question_to_a_summary_and_is_sent_with_OK()
    {
        var c = new Conversation { Id = "1" };
        var ctx = Context(new() { ["TV-LUOT"] = AnswerValue.Of(1000) });

        var begin = ReportSession.Begin(c, "2025", "TV-TH", ctx, new Dictionary<string, AnswerValue>());
        Assert.Contains("3 câu hỏi", begin.Replies[0].Text);
        Assert.StartsWith("Câu 1/3: Thư viện có cung cấp dịch vụ", Last(begin));

        Assert.StartsWith("Câu 2/3: Thư viện có ứng dụng công nghệ thông tin", Last(ReportSession.Handle(c, "có", ctx)));

        var wrong = ReportSession.Handle(c, "chắc vậy", ctx);
        Assert.Equal(AnswerParser.YesNoHint, wrong.Replies[0].Text);
        Assert.StartsWith("Câu 2/3: Thư viện có ứng dụng công nghệ thông tin", Last(wrong)); // asked again

        var back = ReportSession.Handle(c, "quay lại", ctx);
        Assert.StartsWith("Câu 1/3: Thư viện có cung cấp dịch vụ", Last(back));
        Assert.Contains("Đã nhập: Có", Last(back));
        ReportSession.Handle(c, "Có ạ", ctx);

        var skipped = ReportSession.Handle(c, "Bỏ qua", ctx);
        Assert.StartsWith("Câu 3/3: Trong kỳ, thư viện phục vụ bao nhiêu lượt người", Last(skipped));
        Assert.Contains("Kỳ trước (Năm 2024): 1.000 lượt", Last(skipped));

        var decimalCount = ReportSession.Handle(c, "1,5", ctx);
        Assert.Contains("số nguyên", decimalCount.Replies[0].Text);
        Assert.StartsWith("Câu 3/3", Last(decimalCount));

        var summary = Last(ReportSession.Handle(c, "1.250", ctx));
        Assert.True(c.AtSummary);
        Assert.Contains("Năm 2025", summary);
        Assert.Contains(": Có", summary.Split('\n')[1]);
        Assert.Contains("(bỏ trống)", summary.Split('\n')[2]);
        Assert.Contains("1.250 lượt", summary.Split('\n')[3]);

        // Pick item 3 from the summary, change it, and come back to the summary.
        Assert.StartsWith("Câu 3/3", Last(ReportSession.Handle(c, "3", ctx)));
        Assert.Contains("1.300 lượt", Last(ReportSession.Handle(c, "1.300", ctx)));
        Assert.True(c.AtSummary);

        var sent = ReportSession.Handle(c, "OK", ctx);
        Assert.Contains("Đã nhận báo cáo Năm 2025", sent.Replies[0].Text);
        var values = sent.Submitted!;
        Assert.Equal(AnswerValue.Yes, values["TV-HTSD"]);
        Assert.True(values["TV-CDS"].IsMissing);      // "bỏ qua" is Missing…
        Assert.Null(values["TV-CDS"].Number);         // …never zero
        Assert.Equal(1300, values["TV-LUOT"].Number);
        Assert.Equal(ConversationMode.Idle, c.Mode);
    }

    [Fact]
    public void A_number_question_says_how_to_skip_and_not_knowing_gets_that_hint_and_keeps_nothing()
    {
        var (c, ctx) = Started();
        ReportSession.Handle(c, "có", ctx);
        var numberQuestion = Last(ReportSession.Handle(c, "có", ctx));
        Assert.StartsWith("Câu 3/3: Trong kỳ, thư viện phục vụ bao nhiêu lượt người", numberQuestion);
        Assert.Contains("Gõ «bỏ qua» nếu đơn vị không có số liệu này.", numberQuestion);

        var dontKnow = ReportSession.Handle(c, "Không biết", ctx);
        Assert.Contains("gõ «bỏ qua»", dontKnow.Replies[0].Text);
        Assert.Contains("không tính là 0", dontKnow.Replies[0].Text);
        Assert.StartsWith("Câu 3/3: Trong kỳ, thư viện phục vụ bao nhiêu lượt người", Last(dontKnow)); // the same question again, nothing kept
        Assert.False(c.Draft.ContainsKey("TV-LUOT"));
        Assert.False(c.AtSummary);
    }

    [Fact]
    public void Nothing_is_submitted_before_OK()
    {
        var (c, ctx) = Started();
        foreach (var text in new[] { "có", "không", "1.250" })
            Assert.Null(ReportSession.Handle(c, text, ctx).Submitted);
        Assert.Contains("Gõ OK để gửi", Last(ReportSession.Handle(c, "gì vậy", ctx)));
        Assert.NotNull(ReportSession.Handle(c, "ok", ctx).Submitted);
    }

    [Fact]
    public void A_figure_ten_times_the_last_one_is_confirmed_before_it_is_kept()
    {
        var (c, ctx) = Started(new() { ["TV-LUOT"] = AnswerValue.Of(1000) });
        ReportSession.Handle(c, "có", ctx);
        ReportSession.Handle(c, "có", ctx);
        var question = ReportSession.Handle(c, "12.000", ctx);
        Assert.Contains("cao gấp 12 lần", Last(question));
        Assert.False(c.AtSummary);
        Assert.Contains("12.000 lượt", Last(ReportSession.Handle(c, "có", ctx)));
        Assert.True(c.AtSummary);
    }

    [Fact]
    public void An_approximate_figure_is_echoed_with_its_word_and_retyped_exactly_replaces_the_guess()
    {
        var (c, ctx) = Started();
        ReportSession.Handle(c, "có", ctx);
        ReportSession.Handle(c, "có", ctx);
        var summary = Last(ReportSession.Handle(c, "gần 500", ctx));
        Assert.Contains("3. Lượt người sử dụng thư viện để học tập, tìm kiếm thông tin: gần 500 lượt", summary);
        Assert.Equal(AnswerValue.Of(500, Approximation.Nearly), c.Draft["TV-LUOT"]);
        ReportSession.Handle(c, "3", ctx);
        var exact = Last(ReportSession.Handle(c, "520", ctx));
        Assert.Contains("tìm kiếm thông tin: 520 lượt", exact);
        Assert.DoesNotContain("gần", exact);
    }

    [Fact]
    public void An_approximate_figure_far_from_the_last_period_is_questioned_like_a_plain_one()
    {
        // «76.000» against 7.000 is questioned; «gần 76.000» was taken after one «có» with no word on it.
        var (c, ctx) = Started(new() { ["TV-LUOT"] = AnswerValue.Of(7000) });
        ReportSession.Handle(c, "có", ctx);
        ReportSession.Handle(c, "có", ctx);
        var asked = Last(ReportSession.Handle(c, "gần 76.000", ctx));
        Assert.Contains("Số này cao gấp 11 lần kỳ trước (7.000 lượt)", asked);
        Assert.False(c.AtSummary);
        Assert.Contains("gần 76.000 lượt", Last(ReportSession.Handle(c, "có", ctx)));
        Assert.Equal(AnswerValue.Of(76000, Approximation.Nearly), c.Draft["TV-LUOT"]);
    }

    [Fact]
    public void Questions_show_their_number_and_text_but_no_internal_code_which_the_one_message_form_still_takes()
    {
        var plan = DefaultPlan.Value;
        var ctx = new ReportContext(plan, "Năm 2025", "Thư viện xã", plan.IndicatorsFor("thu-vien-xa", Bot.Core.Periods.PeriodKind.Year), new Dictionary<string, AnswerValue>(), null);
        var c = new Conversation { Id = "1" };
        var asked = new List<string> { Last(ReportSession.Begin(c, "2025", "TV-XA", ctx, new Dictionary<string, AnswerValue>())) };
        while (!c.AtSummary) asked.Add(Last(ReportSession.Handle(c, ReportSession.Skip, ctx)));
        asked.RemoveAt(asked.Count - 1); // the summary

        Assert.Equal(ctx.Indicators.Count, asked.Count);
        for (var i = 0; i < asked.Count; i++)
        {
            Assert.StartsWith($"Câu {i + 1}/{asked.Count}: {ctx.Indicators[i].Question}", asked[i]);
            Assert.All(plan.Indicators, other => Assert.DoesNotContain(other.Code, asked[i]));
        }

        ReportSession.Handle(c, "TV-LUOT 1.250; TV-HTSD có", ctx);
        Assert.Equal(AnswerValue.Of(1250), c.Draft["TV-LUOT"]);
        Assert.Equal(AnswerValue.Yes, c.Draft["TV-HTSD"]);
    }

    [Fact]
    public void The_one_message_form_fills_the_report_and_reports_the_wrong_item()
    {
        var (c, ctx) = Started();
        var step = ReportSession.Handle(c, "TV-LUOT 1.250; TV-HTSD có", ctx);
        Assert.Equal(AnswerValue.Of(1250), c.Draft["TV-LUOT"]);
        Assert.Equal(AnswerValue.Yes, c.Draft["TV-HTSD"]);
        Assert.StartsWith("Câu 2/3: Thư viện có ứng dụng công nghệ thông tin", Last(step)); // the one still missing

        var withError = ReportSession.Handle(c, "TV-CDS không; TV-LUOT -5", ctx);
        Assert.StartsWith("Chưa nhận được:", withError.Replies[0].Text);
        Assert.Contains("TV-LUOT: Số không được âm.", withError.Replies[0].Text);
        Assert.Equal(AnswerValue.Of(1250), c.Draft["TV-LUOT"]); // the wrong item did not overwrite
        Assert.True(c.AtSummary);
        Assert.NotNull(ReportSession.Handle(c, "OK", ctx).Submitted);
    }

    [Fact]
    public void An_indicator_not_in_this_report_is_named_in_the_reply()
    {
        var (c, ctx) = Started();
        var step = ReportSession.Handle(c, "TV-HTSD có; VH-CLB có", ctx);
        Assert.Contains("VH-CLB: không thuộc báo cáo này", step.Replies[0].Text);
    }

    [Fact]
    public void A_correction_starts_at_the_summary_of_what_was_sent()
    {
        var c = new Conversation { Id = "1" };
        var ctx = Context();
        var confirmed = new Dictionary<string, AnswerValue> { ["TV-HTSD"] = AnswerValue.Yes, ["TV-CDS"] = AnswerValue.No, ["TV-LUOT"] = AnswerValue.Of(900) };
        var step = ReportSession.Begin(c, "2025", "TV-TH", ctx, confirmed);
        Assert.True(c.AtSummary);
        Assert.Contains("900 lượt", Last(step));
        ReportSession.Handle(c, "3", ctx);
        ReportSession.Handle(c, "950", ctx);
        var sent = ReportSession.Handle(c, "OK", ctx);
        Assert.Contains("Đã lưu phần sửa", sent.Replies[0].Text);
        Assert.Equal(950, sent.Submitted!["TV-LUOT"].Number);
    }

    [Fact]
    public void Resume_repeats_the_current_question()
    {
        var (c, ctx) = Started();
        ReportSession.Handle(c, "có", ctx);
        var resumed = ReportSession.Resume(c, ctx);
        Assert.StartsWith("Tiếp tục báo cáo Năm 2025", resumed.Replies[0].Text);
        Assert.StartsWith("Câu 2/3", Last(resumed));
    }
}
