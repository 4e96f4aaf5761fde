using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// The workbook's cell styles. Numbers carry formats ("#,##0", "0.0%") and stay numbers, so officials can
/// add them up; Excel draws the grouping and decimal marks of the reader's locale (1.250 and 72,5% in Vietnamese).
/// </summary>
internal static class XlsxStyles
{
    // Indexes into CellFormats, in the order they are built below.
    public const uint Default = 0, Header = 1, Text = 2, Integer = 3, Percent = 4, DateTime = 5, Title = 6, Note = 7, Missing = 8, Date = 9, Decimal = 10, Code = 11;

    public const string IntegerFormat = "#,##0";
    public const string PercentFormat = "0.0%";
    public const string DecimalFormat = "#,##0.##";
    public const string DateTimeFormat = "dd/mm/yyyy hh:mm";
    public const string DateFormat = "dd/mm/yyyy";

    /// <summary>
    /// The styles whose text wraps inside its cell (the row is made tall enough): every text style, so a
    /// printed page never clips a word or shrinks to fit a note that runs past the table.
    /// </summary>
    public static bool Wraps(uint style) => style is Header or Text or Title or Note or Missing;

    /// <summary>How wide a character of the style is against one of the body font (12 pt), for the row-height estimate.</summary>
    public static double CharWidth(uint style) => style switch
    {
        Title => 1.3,
        Header => 1.1,
        Note => 0.95,
        _ => 1.0,
    };

    /// <summary>The height of one line of the style's font, in points.</summary>
    public static double LineHeight(uint style) => style == Title ? 18.75 : 15.75;

    public static Stylesheet Build()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = IntegerFormat },
            new NumberingFormat { NumberFormatId = 165, FormatCode = PercentFormat },
            new NumberingFormat { NumberFormatId = 166, FormatCode = DateTimeFormat },
            new NumberingFormat { NumberFormatId = 167, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = 168, FormatCode = DecimalFormat }) { Count = 5 };
        var fonts = new Fonts(
            Font(12, bold: false, italic: false),
            Font(12, bold: true, italic: false),
            Font(14, bold: true, italic: false),
            Font(11, bold: false, italic: true)) { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 };
        var thin = new Border(
            new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 };
        var cellFormats = new CellFormats(
            Format(0, 0, 0, 0),
            Format(0, 1, 2, 1, HorizontalAlignmentValues.Center, wrap: true),
            Format(0, 0, 0, 1, wrap: true),
            Format(164, 0, 0, 1),
            Format(165, 0, 0, 1),
            Format(166, 0, 0, 1, HorizontalAlignmentValues.Center),
            Format(0, 2, 0, 0, wrap: true),
            Format(0, 3, 0, 0, wrap: true),
            Format(0, 0, 0, 1, HorizontalAlignmentValues.Center, wrap: true),
            Format(167, 0, 0, 1, HorizontalAlignmentValues.Center),
            Format(168, 0, 0, 1),
            Format(0, 0, 0, 1)) { Count = 12 };
        return new Stylesheet(formats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold, bool italic)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static CellFormat Format(uint numberFormat, uint font, uint fill, uint border, HorizontalAlignmentValues? horizontal = null, bool wrap = false)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border, FormatId = 0,
            ApplyNumberFormat = numberFormat != 0, ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0,
        };
        // Bordered cells are table cells: centred vertically, so a number sits level with its wrapped label.
        if (horizontal is not null || wrap || border != 0)
        {
            format.ApplyAlignment = true;
            format.Append(new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null });
        }
        return format;
    }
}
