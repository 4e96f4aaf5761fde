using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace LifelongLearning.Bot.Exports;

/// <summary>The building blocks of the report document: runs, paragraphs, tables, the A4 section.</summary>
internal static class DocxParts
{
    public const string FontName = "Times New Roman";

    /// <summary>Body text: 14 pt (Nghị định 30/2020 allows 13–14).</summary>
    public const int BodySize = 28;

    // A4 in twentieths of a point, and the margins of Nghị định 30/2020: top and bottom 20 mm, left 30 mm, right 15 mm.
    public const int PageWidth = 11906, PageHeight = 16838, MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 851;

    public static Styles DocxStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                new FontSize { Val = BodySize.ToString() }, new FontSizeComplexScript { Val = BodySize.ToString() },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });

    public static Run Run(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var props = new RunProperties();
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (size is { } s) props.Append(new FontSize { Val = s.ToString() }, new FontSizeComplexScript { Val = s.ToString() });
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static Paragraph Para(IEnumerable<OpenXmlElement> runs, JustificationValues align, int before = 0, int after = 120, int firstLine = 0, int? size = null)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() });
        if (firstLine > 0) props.Append(new Indentation { FirstLine = firstLine.ToString() });
        props.Append(new Justification { Val = align });
        if (size is { } s) props.Append(new ParagraphMarkRunProperties(new FontSize { Val = s.ToString() }));
        var paragraph = new Paragraph(props);
        foreach (var run in runs) paragraph.Append(run);
        return paragraph;
    }

    /// <summary>A justified body paragraph with the first line indented 1 cm.</summary>
    public static Paragraph BodyPara(string text) => Para([Run(text)], JustificationValues.Both, before: 60, after: 60, firstLine: 567);

    /// <summary>
    /// The short line under a heading: a paragraph's border is drawn between its indents, so
    /// indenting it from both sides makes a line of the wanted length, centred.
    /// </summary>
    public static Paragraph Rule(int left, int right) => new(
        new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 0 }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "60", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = left.ToString(), Right = right.ToString() }),
        new Run(new RunProperties(new FontSize { Val = "4" }), new Text("")));

    public static SimpleField PageNumber() => new(Run("1", size: 26)) { Instruction = " PAGE " };

    /// <summary>A borderless table of two columns: each row's cells hold the given paragraphs.</summary>
    public static Table TwoColumns(int[] widths, params List<OpenXmlElement>[][] rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
                new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        foreach (var cells in rows)
        {
            var row = new TableRow();
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa }));
                var content = i < cells.Length ? cells[i] : [];
                if (content.Count == 0) content = [Para([], JustificationValues.Left, after: 0)];
                foreach (var element in content) cell.Append(element.CloneNode(true));
                row.Append(cell);
            }
            table.Append(row);
        }
        return table;
    }

    /// <summary>A table with borders: a bold header row repeated on every page, then the rows; numbers centred, the text column left.</summary>
    public static Table Grid(IReadOnlyList<int> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int textColumn)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(GridRow(widths, header, bold: true, textColumn: -1, isHeader: true));
        foreach (var row in rows) table.Append(GridRow(widths, row, bold: false, textColumn, isHeader: false));
        return table;
    }

    private static TableRow GridRow(IReadOnlyList<int> widths, IReadOnlyList<string> cells, bool bold, int textColumn, bool isHeader)
    {
        var row = new TableRow();
        if (isHeader) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < widths.Count; i++)
        {
            var align = i == textColumn ? JustificationValues.Left : JustificationValues.Center;
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                Para([Run(i < cells.Count ? cells[i] : "", bold: bold, size: 24)], align, before: 40, after: 40)));
        }
        return row;
    }

    /// <summary>An A4 section with the margins of Nghị định 30/2020; the page number at the top centre from the second page.</summary>
    public static SectionProperties Section(string headerId, bool landscape, bool titlePage)
    {
        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
            new PageSize
            {
                Width = (uint)(landscape ? PageHeight : PageWidth), Height = (uint)(landscape ? PageWidth : PageHeight),
                Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
            },
            new PageMargin
            {
                Top = MarginTop, Bottom = MarginBottom, Left = (uint)MarginLeft, Right = (uint)MarginRight,
                Header = 567, Footer = 567, Gutter = 0,
            });
        if (titlePage) section.Append(new TitlePage());
        return section;
    }
}
