using LifelongLearning.Bot.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Exports;
using Xunit;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>The yearly spreadsheet, built from a seeded store and read back with the Open XML SDK.</summary>
/// <remarks>The seeded store is built once for the class: these tests only read it.</remarks>
public sealed class XlsxWriterTests(ExportStore world) : IClassFixture<ExportStore>
{
    private readonly ExportStore _world = world;

    private SpreadsheetDocument Open(string scope)
    {
        ExportScope.TryParse(scope, out var s);
        var file = _world.Files.Build(s!, Communes.Shipped).Single(f => f.Name.EndsWith(".xlsx", StringComparison.Ordinal));
        return SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
    }

    [Fact]
    public void The_sheets_are_the_summary_one_per_unit_kind_completeness_and_revisions()
    {
        using var doc = Open("2025");
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(
        [
            "Tổng hợp", "Thư viện xã", "Thư viện trường học", "Trung tâm Văn hóa - Thể thao xã", "Nhà văn hóa thôn, khu dân cư",
            "Mặt trận, hội và đoàn thể", "Đài Truyền thanh xã", "Tài chính - Kế toán xã", "Mức độ đầy đủ", "Lịch sử sửa",
        ], names);
    }

    [Fact]
    public void The_summary_holds_the_commune_figures_as_numbers_with_Vietnamese_formats()
    {
        using var doc = Open("2025");
        var sheet = Sheet(doc, "Tổng hợp");
        var visits = RowOf(doc, sheet, "TV-LUOT");
        Assert.Equal("3662", visits["C"].Value);
        Assert.Equal("#,##0", FormatOf(doc, visits["C"].Cell));
        Assert.Equal("4/4", visits["E"].Value);
        Assert.Equal("Đạt", visits["H"].Value);
        Assert.Equal(0.11m, decimal.Parse(visits["I"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.0%", FormatOf(doc, visits["I"].Cell));
        Assert.Equal(0.105m, decimal.Parse(visits["J"].Value, System.Globalization.CultureInfo.InvariantCulture));

        var digital = RowOf(doc, sheet, "TV-CDS");
        Assert.Equal(0.667m, decimal.Parse(digital["C"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.0%", FormatOf(doc, digital["C"].Cell));
        Assert.Equal("0.7", digital["F"].Value);
        Assert.Equal("0.8", digital["G"].Value);

        var clubs = RowOf(doc, sheet, "VH-CLB");
        // A share's cell gives its own fraction apart from the coverage, as the report's sentences do.
        Assert.Equal("3/4 đơn vị có; 4/5 đã báo cáo", clubs["E"].Value);
        Assert.Equal("Đạt", clubs["H"].Value);
    }

    [Fact]
    public void Approximate_answers_are_shown_as_said_and_the_totals_holding_them_are_noted()
    {
        using var doc = Open("2025");
        var summary = Sheet(doc, "Tổng hợp");
        Assert.Equal("40", RowOf(doc, summary, "TV-SOHOA")["C"].Value); // still a number a formula can use
        var notes = Texts(doc, summary).ToList();
        Assert.Contains("Số ước tính: Tài liệu được số hóa, năm 2025: ít nhất 40 tài liệu (trong đó 1 đơn vị báo số ước tính).", notes);
        Assert.Contains("Số ước tính: Thẻ bạn đọc cấp mới, năm 2025: khoảng 40 thẻ (trong đó 1 đơn vị báo số ước tính).", notes);
        Assert.DoesNotContain(notes, n => n.StartsWith("Số ước tính: Lượt", StringComparison.Ordinal));
        Assert.Contains("hơn 10", Texts(doc, Sheet(doc, "Thư viện xã")));
    }

    [Fact]
    public void A_year_with_a_missing_unit_says_so_and_shows_its_figures_as_missing_not_zero()
    {
        using var doc = Open("2025");
        Assert.Contains(Texts(doc, Sheet(doc, "Tổng hợp")), t => t.Contains("còn 1/14 đơn vị chưa báo cáo (Nhà văn hóa Thôn 4)"));
        var houses = Sheet(doc, "Nhà văn hóa thôn, khu dân cư");
        var nvh4 = RowOf(doc, houses, "NVH-4");
        Assert.All(nvh4.Where(c => c.Key is not ("A" or "B")), c => Assert.Equal("—", c.Value.Value));
        Assert.Equal("Có", RowOf(doc, houses, "NVH-1")["C"].Value);
        Assert.Equal("Không", RowOf(doc, houses, "NVH-2")["C"].Value);

        var completeness = RowOf(doc, Sheet(doc, "Mức độ đầy đủ"), "NVH-4", column: "B");
        Assert.Equal("Chưa báo cáo", completeness["E"].Value);
    }

    [Fact]
    public void A_corrected_figure_shows_its_last_value_and_the_revisions_sheet_says_who_changed_it()
    {
        using var doc = Open("2025");
        var libraries = Sheet(doc, "Thư viện trường học");
        var header = RowOf(doc, libraries, "Mã đơn vị");
        var visitsColumn = header.Single(c => c.Value.Value.StartsWith("Lượt người sử dụng thư viện", StringComparison.Ordinal)).Key;
        Assert.Equal("1000", RowOf(doc, libraries, "TV-TH")[visitsColumn].Value);

        var revision = RowOf(doc, Sheet(doc, "Lịch sử sửa"), "TV-TH", column: "C");
        Assert.Equal("2025", revision["B"].Value);
        Assert.Equal("Lượt người sử dụng thư viện để học tập, tìm kiếm thông tin", revision["E"].Value);
        Assert.Equal("968 lượt", revision["F"].Value);
        Assert.Equal("1.000 lượt", revision["G"].Value);
        Assert.Equal("Cô Hoa", revision["H"].Value);
        Assert.Equal("Zalo", revision["I"].Value);
        Assert.Equal("dd/mm/yyyy hh:mm", FormatOf(doc, revision["A"].Cell));
    }

    [Fact]
    public void The_completeness_sheet_tells_late_from_on_time()
    {
        using var doc = Open("2025");
        var sheet = Sheet(doc, "Mức độ đầy đủ");
        var radio = RowOf(doc, sheet, "DTT", column: "B");
        Assert.Equal("Muộn", radio["E"].Value);
        Assert.Equal("Người báo cáo DTT", radio["G"].Value);
        Assert.Equal("Zalo", radio["H"].Value);
        Assert.Equal("Đúng hạn", RowOf(doc, sheet, "TV-XA", column: "B")["E"].Value);
    }

    [Fact]
    public void Every_sheet_freezes_its_header_has_set_widths_and_prints_on_A4_fitting_the_width()
    {
        using var doc = Open("2025");
        foreach (var sheet in doc.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet))
        {
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(3, pane.VerticalSplit!.Value);
            Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.CustomWidth!.Value && c.Width!.Value > 5));
            var setup = sheet.Descendants<PageSetup>().Single();
            Assert.Equal(9u, setup.PaperSize!.Value);
            Assert.Equal(1u, setup.FitToWidth!.Value);
            Assert.True(sheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value);
        }
    }

    [Fact]
    public void The_years_from_2023_sit_side_by_side_in_the_interim_review()
    {
        using var doc = Open("2023-2025");
        var sheet = Sheet(doc, "Tổng hợp");
        var header = RowOf(doc, sheet, "Mã");
        Assert.Equal(["Năm 2023", "Năm 2024", "Năm 2025"], new[] { "C", "D", "E" }.Select(c => header[c].Value));
        var visits = RowOf(doc, sheet, "TV-LUOT");
        Assert.Equal(["3000", "3300", "3662"], new[] { "C", "D", "E" }.Select(c => visits[c].Value));
        Assert.Contains(Texts(doc, sheet), t => t.Contains("Sơ kết giai đoạn 2023 - 2025"));
    }

    [Fact]
    public void No_text_is_clipped_when_printed_and_a_note_across_the_table_wraps_onto_a_taller_row()
    {
        using var doc = Open("2023-2025");
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        foreach (var sheet in doc.WorkbookPart.WorksheetParts.Select(p => p.Worksheet))
        {
            var widths = sheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
            var merged = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!.Split(':')[0]).ToHashSet();
            foreach (var row in sheet.Descendants<Row>())
                foreach (var cell in row.Elements<Cell>().Where(c => c.DataType?.Value == CellValues.SharedString))
                {
                    var text = ValueOf(doc, cell);
                    var column = ColumnNumber(cell.CellReference!.Value!);
                    var across = merged.Contains(cell.CellReference.Value!);
                    var width = across ? widths.Values.Sum() : widths[column];
                    if (styles[(int)cell.StyleIndex!.Value].Alignment?.WrapText?.Value == true)
                    {
                        // A wrapped text needs its lines: at least one line of 15 pt per 1.2 characters a unit of width
                        // (Times New Roman 12 fits about 1.1 in a column of Excel's width units).
                        var lines = (int)Math.Ceiling(text.Length / (width * 1.2));
                        if (lines > 1)
                            Assert.True(row.Height?.Value >= lines * 15,
                                $"{cell.CellReference.Value} «{text}» needs {lines} lines but its row is {row.Height?.Value} pt high");
                    }
                    else
                        Assert.True(text.Length <= width, $"{cell.CellReference.Value} «{text}» is wider than its column ({width}) and does not wrap");
                }
        }

        // The radio's sheet is two columns of data wide: its note under the table takes several lines there.
        var radio = Sheet(doc, "Đài Truyền thanh xã");
        var noteRow = radio.Descendants<Row>().Single(r => r.Elements<Cell>().Any(c => ValueOf(doc, c).StartsWith("«—»: đơn vị chưa báo cáo", StringComparison.Ordinal)));
        Assert.True(noteRow.Height?.Value >= 30, $"the note's row is {noteRow.Height?.Value} pt high");
    }

    private static int ColumnNumber(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);

    // Reading helpers: the sheet by name, a row found by the text of one of its cells, cell texts resolved.

    private static Worksheet Sheet(SpreadsheetDocument doc, string name)
    {
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string ValueOf(SpreadsheetDocument doc, Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        return cell.DataType?.Value == CellValues.SharedString
            ? doc.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(raw)).InnerText
            : raw;
    }

    private static IEnumerable<string> Texts(SpreadsheetDocument doc, Worksheet sheet) => sheet.Descendants<Cell>().Select(c => ValueOf(doc, c));

    private static Dictionary<string, (string Value, Cell Cell)> RowOf(SpreadsheetDocument doc, Worksheet sheet, string key, string column = "A")
    {
        var row = sheet.Descendants<Row>().First(r => r.Elements<Cell>().Any(c => c.CellReference!.Value == $"{column}{r.RowIndex!.Value}" && ValueOf(doc, c) == key));
        return row.Elements<Cell>().ToDictionary(c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]), c => (ValueOf(doc, c), c));
    }

    private static string FormatOf(SpreadsheetDocument doc, Cell cell)
    {
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value!;
    }
}
