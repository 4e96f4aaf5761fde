using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LifelongLearning.Bot.Exports;

/// <summary>Writes filled sheets as one workbook: the styles of <see cref="XlsxStyles"/>, one shared string table, the first sheet selected.</summary>
internal static class XlsxWorkbook
{
    public static void Write(IReadOnlyList<SheetBuilder> sheets, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        var strings = new SharedStrings();
        for (var i = 0; i < sheets.Count; i++) sheets[i].WriteTo(workbook, workbook.Workbook.Sheets!, (uint)(i + 1), strings);
        strings.WriteTo(workbook);
        workbook.Workbook.Save();
    }
}
