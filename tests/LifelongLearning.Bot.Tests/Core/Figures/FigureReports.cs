using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Exports;

namespace LifelongLearning.Bot.Tests.Core.Figures;

/// <summary>
/// A drafted report of three libraries (the commune's and two school libraries) from figures given by hand,
/// written as the .docx an official opens, and read back paragraph by paragraph.
/// </summary>
internal static class FigureReports
{
    public static readonly ReportUnit[] Libraries =
    [
        new("TV-XA", "Thư viện xã", "thu-vien-xa"),
        new("TV-MN", "Thư viện Trường Mầm non", "thu-vien-truong"),
        new("TV-TH", "Thư viện Trường Tiểu học", "thu-vien-truong"),
    ];

    /// <summary>One answer: a period code ("2025", "2026-H1"), a unit, an indicator and its value.</summary>
    public static ReportAnswer Answer(string period, string unit, string indicator, AnswerValue value)
    {
        ReportingPeriod.TryParse(period, out var p);
        var at = new DateTimeOffset(p!.To.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
        return new(period, unit, indicator, value, [new AnswerChange(value, "Người báo cáo", "telegram", at)]);
    }

    public static Report Build(string scope, params ReportAnswer[] answers)
    {
        ExportScope.TryParse(scope, out var s);
        var rounds = answers.Select(a => a.PeriodCode).Distinct()
            .Select(c => { ReportingPeriod.TryParse(c, out var p); return new ReportRound(p!, p!.To.AddDays(5)); }).ToList();
        return ReportBuilder.Build(DefaultPlan.Value, s!, new ReportInput(Libraries, rounds, answers, new DateOnly(2031, 1, 20)));
    }

    /// <summary>The .docx's paragraphs, as Word shows them.</summary>
    public static List<string> Docx(Report report)
    {
        using var stream = new MemoryStream();
        DocxWriter.Write(report, stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        return [.. doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0)];
    }

    public static string Visits(List<string> paragraphs) =>
        paragraphs.First(t => t.StartsWith("- Lượt người sử dụng thư viện", StringComparison.Ordinal));
}
