using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// One worksheet being filled row by row, then written with its frozen header rows, explicit column
/// widths (nothing measures text on the server) and an A4 page that fits the width.
/// </summary>
internal sealed class SheetBuilder(string name, IReadOnlyList<double> widths)
{
    private readonly List<List<(object? Value, uint Style)>> _rows = [];
    private readonly List<string> _merges = [];
    private readonly HashSet<int> _lines = [];

    public string Name { get; } = name;

    /// <summary>Rows above and including the table's header: they stay on screen when scrolling and print on every page.</summary>
    public int FrozenRows { get; set; }

    public bool Landscape { get; set; } = true;

    public int RowCount => _rows.Count;

    public void Row(params (object? Value, uint Style)[] cells) => _rows.Add([.. cells]);

    /// <summary>A line of text across the whole table (a title or a note).</summary>
    public void Line(string text, uint style)
    {
        _rows.Add([(text, style)]);
        _lines.Add(_rows.Count - 1);
        if (widths.Count > 1) _merges.Add($"A{_rows.Count}:{Column(widths.Count - 1)}{_rows.Count}");
    }

    public void Blank() => _rows.Add([]);

    public void WriteTo(WorkbookPart workbook, Sheets sheets, uint sheetId, SharedStrings strings)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            if (HeightOf(_rows[r], merged: _lines.Contains(r)) is { } height)
            {
                row.Height = height;
                row.CustomHeight = true;
            }
            for (var c = 0; c < _rows[r].Count; c++)
                row.Append(CellOf($"{Column(c)}{r + 1}", _rows[r][c].Value, _rows[r][c].Style, strings));
            data.Append(row);
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = sheetId == 1 ? true : null };
        if (FrozenRows > 0)
            view.Append(new Pane
            {
                VerticalSplit = FrozenRows, TopLeftCell = $"A{FrozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            });
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));

        var sheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 16.5 },
            columns,
            data);
        if (_merges.Count > 0) sheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        sheet.Append(
            new PageMargins { Left = 0.5, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup
            {
                PaperSize = 9, Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1, FitToHeight = 0,
            },
            new HeaderFooter(new OddFooter("&CTrang &P/&N")));
        part.Worksheet = sheet;

        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId, Name = Name });
        if (FrozenRows > 0)
        {
            // Print the header rows on every page.
            var names = workbook.Workbook.DefinedNames ??= new DefinedNames();
            names.Append(new DefinedName($"'{Name.Replace("'", "''")}'!$1:${FrozenRows}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
        }
    }

    /// <summary>
    /// The height a row needs for its wrapped texts, or null when one line is enough. Neither Excel nor
    /// LibreOffice grows a row for wrapped text written by a program, and nothing here measures fonts, so
    /// estimate: about one character of Times New Roman 12 per unit of column width. A line across the
    /// table (merged) has the table's width.
    /// </summary>
    private double? HeightOf(List<(object? Value, uint Style)> cells, bool merged)
    {
        double? height = null;
        for (var c = 0; c < cells.Count && c < widths.Count; c++)
            if (cells[c] is (string text, var style) && XlsxStyles.Wraps(style))
            {
                var width = merged ? widths.Sum() : widths[c];
                var lines = LinesOf(text, Math.Max(1, (int)(width * 1.1 / XlsxStyles.CharWidth(style)) - 2));
                if (lines > 1) height = Math.Max(height ?? 0, lines * XlsxStyles.LineHeight(style) + 3);
            }
        return height;
    }

    private static int LinesOf(string text, int perLine) =>
        text.Split(' ').Aggregate((Lines: 1, Used: 0), (acc, word) =>
            acc.Used == 0 ? (acc.Lines, word.Length)
            : acc.Used + 1 + word.Length <= perLine ? (acc.Lines, acc.Used + 1 + word.Length)
            : (acc.Lines + 1, word.Length)).Lines;

    private static Cell CellOf(string reference, object? value, uint style, SharedStrings strings) => value switch
    {
        null => new Cell { CellReference = reference, StyleIndex = style },
        string s => new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(s)) },
        decimal d => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(d) },
        int i => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(i) },
        double d => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(d) },
        DateTime t => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(t.ToOADate()) },
        _ => throw new ArgumentException($"Không ghi được giá trị kiểu {value.GetType().Name} vào ô.", nameof(value)),
    };

    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}

/// <summary>The workbook's shared string table: each distinct text stored once.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _index = [];
    private readonly SharedStringTable _table = new();

    public int Index(string text)
    {
        if (_index.TryGetValue(text, out var i)) return i;
        _table.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return _index[text] = _index.Count;
    }

    public void WriteTo(WorkbookPart workbook) => workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = _table;
}
