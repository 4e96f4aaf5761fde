using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Tests.Core.Areas;
using Xunit;

namespace LifelongLearning.Bot.Tests.Exports;

/// <summary>The city's spreadsheet of <see cref="SmallCity"/> for 2025, written and read back cell by cell.</summary>
public sealed class CityXlsxWriterTests
{
    private static readonly byte[] File = Write();

    private static readonly Workbook Book = Workbook.Of(File);

    private static byte[] Write()
    {
        var output = new MemoryStream();
        CityXlsxWriter.Write(RollUp.Tree(SmallCity.Tree, SmallCity.Year2025, SmallCity.Book(), NodeLevel.Commune), new DateOnly(2026, 1, 5), output);
        return output.ToArray();
    }

    [Fact]
    public void The_workbook_is_valid_Open_XML_so_Excel_opens_it_without_a_repair_prompt()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(File), false);
        var problems = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Distinct().Take(10).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_summary_comes_first_then_a_sheet_per_indicator_named_by_its_code()
    {
        Assert.Equal(CityXlsxWriter.SummarySheet, Book.Names[0]);
        Assert.Equal(SmallCity.Plan.Indicators.Where(i => i.IsCollectedIn(SmallCity.Year2025.Kind)).Select(i => i.Code), Book.Names.Skip(1));
    }

    [Fact]
    public void The_summary_has_a_row_per_commune_and_the_city_with_completeness_and_each_target()
    {
        var a = Book.Row(CityXlsxWriter.SummarySheet, "xa-a");
        Assert.Equal(("Xã A", "4", "5", "0.8", "0.0%", "0", "1"), (a["B"].Text, a["C"].Text, a["D"].Text, a["E"].Text, a["E"].Format, a["F"].Text, a["G"].Text));
        Assert.Equal(("TV-HTSD (%)", "0.5", "Chưa đạt"), (Book.Row(CityXlsxWriter.SummarySheet, "Mã xã")["H"].Text, a["H"].Text, a["I"].Text));
        Assert.Equal(("1500", "#,##0", "Chưa đạt"), (a["L"].Text, a["L"].Format, a["M"].Text));
        Assert.Equal(("—", "Chưa đủ số liệu"), (a["J"].Text, a["K"].Text)); // no TV-CDS answer: missing, not 0%

        var city = Book.Row(CityXlsxWriter.SummarySheet, "Toàn thành phố Thử", column: "B");
        Assert.Equal(("7", "8", "0.875", "0.667", "Đạt"), (city["C"].Text, city["D"].Text, city["E"].Text, city["H"].Text, city["I"].Text));
    }

    [Fact]
    public void The_summary_names_the_communes_that_have_not_reported_in_full()
    {
        var notes = Book.Texts(CityXlsxWriter.SummarySheet).ToList();
        var at = notes.IndexOf("Xã chưa báo cáo đủ (1/2):");
        Assert.Equal("– Xã A: còn 1/5 đơn vị (Nhà văn hóa Thôn 2).", notes[at + 1]);
    }

    [Fact]
    public void An_indicator_sheet_gives_each_commune_s_figure_target_verdict_and_growth()
    {
        var a = Book.Row("TV-LUOT", "xa-a");
        Assert.Equal(("1500", "3/3", "tăng bình quân 10%/năm", "Chưa đạt"), (a["C"].Text, a["D"].Text, a["E"].Text, a["F"].Text));
        Assert.Equal((0.083m, "0.0%"), (decimal.Parse(a["G"].Text, CultureInfo.InvariantCulture), a["G"].Format));
        var city = Book.Row("TV-LUOT", "Toàn thành phố Thử", column: "B");
        Assert.Equal(("2100", "5/5", 0.125m), (city["C"].Text, city["D"].Text, decimal.Parse(city["G"].Text, CultureInfo.InvariantCulture)));
        Assert.Contains("Mọi xã đều có số liệu.", Book.Texts("TV-LUOT"));
        var cds = Book.Texts("TV-CDS").ToList();
        Assert.Equal(["Xã chưa có số liệu (2):", "Xã A, Xã B."], cds[^2..]);
        // TV-CDS is a share of the school libraries (two in Xã A), as TV-HTSD; the commune library is its requirement.
        Assert.Equal("Chưa đủ số liệu để đánh giá (0/2 đơn vị đã báo cáo)", Book.Row("TV-CDS", "xa-a")["F"].Text);
    }

    /// <summary>Every sheet read into rows of cells: text as Excel shows it before formatting, and the number format.</summary>
    private sealed class Workbook(List<string> names, Dictionary<string, List<Dictionary<string, (string Text, string Format)>>> sheets)
    {
        public List<string> Names { get; } = names;

        public Dictionary<string, (string Text, string Format)> Row(string sheet, string key, string column = "A") =>
            sheets[sheet].First(r => r.TryGetValue(column, out var c) && c.Text == key);

        public IEnumerable<string> Texts(string sheet) => sheets[sheet].SelectMany(r => r.Values.Select(c => c.Text));

        public static Workbook Of(byte[] file)
        {
            using var doc = SpreadsheetDocument.Open(new MemoryStream(file), false);
            var part = doc.WorkbookPart!;
            var strings = part.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
            var styles = part.WorkbookStylesPart!.Stylesheet;
            var formats = styles.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!);
            var cellFormats = styles.CellFormats!.Elements<CellFormat>().ToList();
            var names = new List<string>();
            var sheets = new Dictionary<string, List<Dictionary<string, (string, string)>>>();
            foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
            {
                names.Add(sheet.Name!.Value!);
                sheets[sheet.Name!.Value!] = [.. ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToDictionary(
                    c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]),
                    c => (c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.CellValue?.Text ?? "",
                          formats.GetValueOrDefault(cellFormats[(int)(c.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0, "")))),];
            }
            return new Workbook(names, sheets);
        }
    }
}
