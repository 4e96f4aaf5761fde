using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Exports;

public static class ExportExtensions
{
    /// <summary>The report files (document, spreadsheet, CSV) built from the store.</summary>
    public static IHostApplicationBuilder AddExportFiles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportSource>();
        builder.Services.AddSingleton<ExportFiles>();
        builder.Services.AddSingleton<CityWorkbook>();
        return builder;
    }

    /// <summary>The files, and the service that builds and sends those officials ask for with /xuat.</summary>
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.AddExportFiles();
        builder.Services.AddHostedService<ExportService>();
        return builder;
    }
}
