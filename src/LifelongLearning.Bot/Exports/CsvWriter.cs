using System.Globalization;
using System.Text;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// The raw answers as CSV, one line per unit, period and indicator. UTF-8 with a byte order mark, so
/// Excel opens the Vietnamese accents right; numbers plain (no grouping) so any program reads them back.
/// </summary>
public static class CsvWriter
{
    public static readonly string[] Header =
    [
        "Kỳ", "Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Giá trị", "Đơn vị tính",
        "Người xác nhận sau cùng", "Kênh", "Gửi lần đầu", "Sửa lần cuối", "Số lần xác nhận", "Ước tính",
    ];

    public static void Write(Report report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(Line(Header));
        foreach (var a in report.Answers)
            writer.WriteLine(Line([
                a.Period.Code, a.UnitId, a.UnitName, a.Indicator.Code, a.Indicator.Name, Raw(a.Value), a.Indicator.UnitOfMeasure ?? "",
                a.LastBy, ChannelName.Display(a.LastChannel), Time(a.FirstAt), Time(a.LastAt), a.Revisions.ToString(CultureInfo.InvariantCulture),
                // The value column stays a plain number; the word the unit put before it («gần», «hơn») goes beside it.
                a.Value.Approximation is { } x ? ApproximateText.Word(x) : "",
            ]));
    }

    private static string Raw(Core.Answers.AnswerValue v) => v switch
    {
        { YesNo: true } => "có",
        { YesNo: false } => "không",
        { Number: { } n } => n.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(Quote));

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
