using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using S = LifelongLearning.Bot.Exports.XlsxStyles;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// The yearly spreadsheet: "Tổng hợp" (each indicator against its targets), one sheet per kind of unit,
/// "Mức độ đầy đủ" (who answered, when, late or not) and "Lịch sử sửa" (every correction).
/// </summary>
public static class XlsxWriter
{
    public const string SummarySheet = "Tổng hợp";
    public const string CompletenessSheet = "Mức độ đầy đủ";
    public const string RevisionsSheet = "Lịch sử sửa";

    /// <summary>What a cell holds when a unit gave no figure: shown, never 0, and left out of any sum.</summary>
    public const string MissingMark = "—";

    public static void Write(Report report, Stream output)
    {
        var all = new List<SheetBuilder> { Summary(report) };
        var used = new HashSet<string>(all.Select(s => s.Name));
        all.AddRange(report.UnitTables.Select(t => UnitSheet(report, t, used)));
        all.Add(Completeness(report));
        all.Add(Revisions(report));
        XlsxWorkbook.Write(all, output);
    }

    private static string Subtitle(Report r) =>
        $"{r.Plan.Commune.Name} — {Cap(r.Scope.Label)} — số liệu đến ngày {VietnameseFormat.Date(r.Today)}";

    private static SheetBuilder Summary(Report r)
    {
        var periods = r.Scope.Periods;
        var targetYears = r.Targets.SelectMany(s => s.Indicator.Targets).Select(t => t.Year).Distinct().Order().ToList();
        var widths = new List<double> { 17, 46 };
        widths.AddRange(periods.Select(_ => 13.0));
        widths.AddRange([12, 12]);
        widths.AddRange(targetYears.Select(_ => 13.0));
        widths.AddRange([14, 13, 15]);
        var sheet = new SheetBuilder(SummarySheet, widths) { FrozenRows = 3 };
        sheet.Line($"TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ {r.Plan.Commune.PlanNumber}", S.Title);
        sheet.Line(Subtitle(r), S.Note);
        var header = new List<(object?, uint)> { ("Mã", S.Header), ("Chỉ tiêu", S.Header) };
        header.AddRange(periods.Select(p => ((object?)Cap(p.Label), S.Header)));
        header.AddRange([("Đơn vị tính", S.Header), ("Số đơn vị có số liệu", S.Header)]);
        header.AddRange(targetYears.Select(y => ((object?)$"Chỉ tiêu năm {y}", S.Header)));
        var last = periods[^1];
        header.AddRange([("Đánh giá", S.Header), (Cap(FigureText.ComparedWith(last)), S.Header),
            ($"Tăng bình quân/năm từ năm {r.Targets.Select(s => s.Latest.AverageSince ?? s.Indicator.GrowthBaseYear).FirstOrDefault(y => y is not null) ?? last.Year - 1}", S.Header)]);
        sheet.Row([.. header]);

        foreach (var s in r.Indicators)
        {
            var i = s.Indicator;
            var row = new List<(object?, uint)> { (i.Code, S.Code), (i.Name, S.Text) };
            row.AddRange(s.Figures.Select(f => Figure(i, f.Value)));
            var unit = i.Aggregation.Kind == AggregationKind.ShareYes ? "%" : i.UnitOfMeasure ?? "";
            row.Add((unit, S.Missing));
            row.Add((FigureText.UnitsCell(s.Latest), S.Missing));
            foreach (var year in targetYears)
                row.Add(i.TargetFor(year) is { } t
                    ? t.Max is { } max ? ($"{VietnameseFormat.Percent(t.Min)} - {VietnameseFormat.Percent(max)}", S.Missing) : (t.Min / 100m, S.Percent)
                    : (null, S.Text));
            row.Add((i.HasTargets ? Cap(ReportText.Verdict(s.Latest)) : "", S.Missing));
            row.Add(s.Latest.Growth is { } g ? (g.Percent / 100m, S.Percent) : (i.Aggregation.Kind == AggregationKind.Sum ? MissingMark : null, S.Missing));
            row.Add(s.Latest.AverageGrowth is { } a ? (a / 100m, S.Percent) : (null, S.Text));
            sheet.Row([.. row]);
        }

        sheet.Blank();
        sheet.Line($"Tỷ lệ: tính trên các đơn vị đã trả lời. Số liệu thiếu ghi «{MissingMark}», không tính là 0. So với cùng kỳ: chỉ so sánh các đơn vị có số liệu cả hai năm.", S.Note);
        // The cell keeps the number so a formula can use it; the note says which totals rest on estimates.
        foreach (var s in r.Indicators)
            for (var k = 0; k < s.Figures.Count; k++)
                if (s.Figures[k] is { Value: not null, Approximate: { } a } f)
                    sheet.Line($"Số ước tính: {s.Indicator.Name}, {LowerFirst(periods[k].Label)}: {ReportText.Amount(f)} ({ApproximateText.Note(a)}).", S.Note);
        foreach (var c in r.Incomplete)
            sheet.Line(IncompleteNote(c), S.Note);
        return sheet;
    }

    private static string IncompleteNote(PeriodCompleteness c) => c.RoundOpened
        ? $"Lưu ý: {LowerFirst(c.Period.Label)} còn {c.Missing.Count}/{c.Units.Count} đơn vị chưa báo cáo ({string.Join(", ", c.Missing.Select(u => u.UnitName))}); số liệu chưa đầy đủ."
        : $"Lưu ý: {LowerFirst(c.Period.Label)} chưa mở kỳ báo cáo, chưa có số liệu.";

    private static (object?, uint) Figure(Indicator i, decimal? value) => value switch
    {
        null => (MissingMark, S.Missing),
        { } v when i.Aggregation.Kind == AggregationKind.ShareYes || i.Kind == IndicatorKind.Percentage => (v / 100m, S.Percent),
        { } v => (v, v == decimal.Truncate(v) ? S.Integer : S.Decimal),
    };

    private static (object?, uint) Value(Indicator i, AnswerValue? v) => v switch
    {
        null or { IsMissing: true } => (MissingMark, S.Missing),
        { YesNo: { } yes } => (yes ? "Có" : "Không", S.Missing),
        // An approximate answer is shown as said («gần 500»): as a number it would read as exact.
        { Number: { } n, Approximation: { } a } => (ApproximateText.Figure(i.Kind == IndicatorKind.Percentage ? VietnameseFormat.Percent(n) : VietnameseFormat.Number(n), a), S.Missing),
        { Number: { } n } => Figure(i, n),
        _ => (MissingMark, S.Missing),
    };

    private static SheetBuilder UnitSheet(Report r, UnitKindTable t, HashSet<string> used)
    {
        var range = r.Scope.IsRange;
        var widths = new List<double> { 11, 38 };
        if (range) widths.Add(11);
        widths.AddRange(t.Indicators.Select(_ => 16.0));
        var sheet = new SheetBuilder(SheetName(t.Kind.Name, used), widths) { FrozenRows = 3 };
        sheet.Line($"{t.Kind.Name.ToUpperInvariant()} — SỐ LIỆU TỪNG ĐƠN VỊ", S.Title);
        sheet.Line(Subtitle(r), S.Note);
        var header = new List<(object?, uint)> { ("Mã đơn vị", S.Header), ("Đơn vị", S.Header) };
        if (range) header.Add(("Kỳ", S.Header));
        header.AddRange(t.Indicators.Select(i => ((object?)(i.UnitOfMeasure is { } u ? $"{i.Name} ({u})" : i.Name), S.Header)));
        sheet.Row([.. header]);
        foreach (var row in t.Rows)
        {
            var cells = new List<(object?, uint)> { (row.UnitId, S.Code), (row.UnitName, S.Text) };
            if (range) cells.Add((row.Period.Year, S.Missing));
            cells.AddRange(row.Values.Select((v, k) => Value(t.Indicators[k], v)));
            sheet.Row([.. cells]);
        }
        sheet.Blank();
        sheet.Line($"«{MissingMark}»: đơn vị chưa báo cáo hoặc không có số liệu (không tính là 0). Số đã sửa là số xác nhận sau cùng; các lần sửa ở trang «{RevisionsSheet}».", S.Note);
        return sheet;
    }

    private static SheetBuilder Completeness(Report r)
    {
        var sheet = new SheetBuilder(CompletenessSheet, [12, 11, 38, 26, 14, 17, 22, 16, 12]) { FrozenRows = 3 };
        sheet.Line("MỨC ĐỘ ĐẦY ĐỦ CỦA BÁO CÁO", S.Title);
        sheet.Line(string.Join("; ", r.Completeness.Select(c => c.RoundOpened
            ? $"{Cap(c.Period.Label)}: {c.Answered}/{c.Units.Count} đơn vị đã báo cáo, {c.Late} muộn, {c.Missing.Count} chưa báo cáo"
            : $"{Cap(c.Period.Label)}: chưa mở kỳ báo cáo")), S.Note);
        sheet.Row(("Kỳ", S.Header), ("Mã đơn vị", S.Header), ("Đơn vị", S.Header), ("Loại đơn vị", S.Header), ("Tình trạng", S.Header),
            ("Thời điểm gửi", S.Header), ("Người gửi", S.Header), ("Kênh", S.Header), ("Hạn gửi", S.Header));
        foreach (var c in r.Completeness)
            foreach (var u in c.Units)
            {
                var state = u.FirstAt is null ? "Chưa báo cáo" : u.IsLate ? "Muộn" : "Đúng hạn";
                sheet.Row((c.Period.Code, S.Missing), (u.UnitId, S.Code), (u.UnitName, S.Text), (u.KindName, S.Text), (state, S.Missing),
                    u.FirstAt is { } at ? (at.DateTime, S.DateTime) : (MissingMark, S.Missing),
                    (u.By ?? MissingMark, S.Text), (u.Channel is null ? MissingMark : ChannelName.Display(u.Channel), S.Missing),
                    c.Deadline is { } d ? (d.ToDateTime(TimeOnly.MinValue), S.Date) : (MissingMark, S.Missing));
            }
        foreach (var c in r.Incomplete) { sheet.Blank(); sheet.Line(IncompleteNote(c), S.Note); }
        return sheet;
    }

    private static SheetBuilder Revisions(Report r)
    {
        var sheet = new SheetBuilder(RevisionsSheet, [17, 10, 11, 34, 40, 18, 18, 22, 16]) { FrozenRows = 3 };
        sheet.Line("LỊCH SỬ SỬA SỐ LIỆU", S.Title);
        sheet.Line($"{Subtitle(r)} — {r.Revisions.Count} lần sửa", S.Note);
        sheet.Row(("Thời điểm sửa", S.Header), ("Kỳ", S.Header), ("Mã đơn vị", S.Header), ("Đơn vị", S.Header), ("Chỉ tiêu", S.Header),
            ("Giá trị cũ", S.Header), ("Giá trị mới", S.Header), ("Người sửa", S.Header), ("Kênh", S.Header));
        foreach (var x in r.Revisions)
            sheet.Row((x.At.DateTime, S.DateTime), (x.Period.Code, S.Missing), (x.UnitId, S.Code), (x.UnitName, S.Text), (x.Indicator.Name, S.Text),
                (x.From.Display(x.Indicator), S.Text), (x.To.Display(x.Indicator), S.Text), (x.By, S.Text), (ChannelName.Display(x.Channel), S.Missing));
        if (r.Revisions.Count == 0) sheet.Line("Không có số liệu nào được sửa sau khi gửi.", S.Note);
        return sheet;
    }

    /// <summary>Excel allows 31 characters and none of []:*?/\ in a sheet name, and no two alike.</summary>
    private static string SheetName(string name, HashSet<string> used)
    {
        var clean = new string([.. name.Select(ch => "[]:*?/\\".Contains(ch) ? '-' : ch)]).Trim();
        if (clean.Length > 31) clean = clean[..31].TrimEnd(' ', ',', '-');
        var candidate = clean;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{clean[..Math.Min(clean.Length, 27)]} ({n})";
        return candidate;
    }

}
