using LifelongLearning.Bot.Core.Exports;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Exports;

/// <summary>One file of an export, in memory until it is written to a folder or to the store.</summary>
public sealed record ExportFile(string Name, byte[] Content, string Caption);

/// <summary>Builds the three files of a commune's export: the report document, the spreadsheet and the CSV of raw answers.</summary>
public sealed class ExportFiles(ReportSource source)
{
    public IReadOnlyList<ExportFile> Build(ExportScope scope, string communeId, CancellationToken ct = default)
    {
        var report = source.Build(scope, communeId);
        ct.ThrowIfCancellationRequested();
        var label = Cap(report.Scope.Label);
        return
        [
            new($"bao-cao-{scope.Code}.docx", Render(report, DocxWriter.Write), $"Dự thảo báo cáo — {label} (Word)"),
            new($"tong-hop-{scope.Code}.xlsx", Render(report, XlsxWriter.Write), $"Bảng tổng hợp số liệu — {label} (Excel)"),
            new($"so-lieu-{scope.Code}.csv", Render(report, CsvWriter.Write), $"Số liệu gốc các đơn vị — {label} (CSV)"),
        ];
    }

    /// <summary>Writes the files into a folder (created if needed) and returns their paths.</summary>
    public IReadOnlyList<string> WriteTo(ExportScope scope, string communeId, string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        return [.. Build(scope, communeId, ct).Select(f =>
        {
            var path = Path.Combine(folder, f.Name);
            File.WriteAllBytes(path, f.Content);
            return path;
        })];
    }

    private static byte[] Render(Report report, Action<Report, Stream> write)
    {
        using var stream = new MemoryStream();
        write(report, stream);
        return stream.ToArray();
    }

}
