using System.Globalization;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Hosting;

/// <summary>
/// The "export" verb of the host: writes the report files of a year, a range of years or a round into a
/// folder and exits, without starting any channel. For whoever runs the server:
/// <c>dotnet run --project src/LifelongLearning.Bot -- export --year 2025 --out bao-cao</c>.
/// </summary>
public static class ExportVerb
{
    public const string Usage = """
        Cách dùng: export (--year NĂM | --from NĂM --to NĂM | --round MÃ-KỲ) [--out THƯ-MỤC] [--demo]
          --year 2025              báo cáo năm 2025
          --from 2023 --to 2025    sơ kết giai đoạn 2023 - 2025, các năm đặt cạnh nhau
          --round 2026-H1          một kỳ báo cáo (6 tháng đầu năm 2026)
          --out bao-cao            thư mục ghi các tệp (mặc định: bao-cao)
          --demo                   dùng xã mẫu (dữ liệu thử) thay cho cơ sở dữ liệu thật
        Các khóa cấu hình khác vẫn dùng được, ví dụ --Storage:DatabasePath=data/lifelonglearning.db
        """;

    public static bool Matches(string[] args) => args is ["export", ..];

    /// <returns>The process exit code: 0 when the files are written, 1 when they could not be, 2 for wrong arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null,
        Action<IHostApplicationBuilder>? configure = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        if (!TryParse(args[1..], out var scope, out var folder, out var demo, out var rest, out var problem))
        {
            await errors.WriteLineAsync($"{problem}\n{Usage}");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(rest);
        // The host logs a failed start with its stack trace; the verb says what went wrong itself, below.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("LifelongLearning", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        string? demoDatabase = null;
        if (demo)
        {
            // A fresh demo commune in a file of its own, removed afterwards: the real database is not touched.
            demoDatabase = Path.Combine(Path.GetTempPath(), $"lifelonglearning-export-demo-{Guid.NewGuid():N}.db");
            builder.Services.PostConfigure<StorageOptions>(o => o.DatabasePath = demoDatabase);
            builder.Services.PostConfigure<BotOptions>(o => o.SeedDemo = true);
        }
        folder = OutputFolder(folder);
        builder.AddBotCore();
        builder.AddExportFiles();
        configure?.Invoke(builder);
        try
        {
            using (var host = builder.Build())
            {
                // No database there: an empty, official-looking report would be worse than none.
                var database = OperatorFolder.Resolve(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
                if (!demo && !File.Exists(database))
                {
                    await errors.WriteLineAsync($"Không xuất được báo cáo: không có cơ sở dữ liệu ở {database}. " +
                                                "Chạy lệnh trong thư mục của bot, hoặc chỉ đường dẫn bằng --Storage:DatabasePath=…");
                    return 1;
                }
                await host.StartAsync();
                // The verb exports the commune served first: the shipped one, as before the city.
                var commune = host.Services.GetRequiredService<CommuneDirectory>().Default;
                var paths = host.Services.GetRequiredService<ExportFiles>().WriteTo(scope!, commune, folder);
                await host.StopAsync();
                await output.WriteLineAsync($"Đã ghi {paths.Count} tệp báo cáo {scope!.Under(host.Services.GetRequiredService<Plan>()).Label}:");
                foreach (var path in paths) await output.WriteLineAsync("  " + path);
            }
            return 0;
        }
        catch (DatabaseInUseException)
        {
            // The running bot has the file: reading beside it is not safe, and the bot can build the same files.
            await errors.WriteLineAsync("Không xuất được báo cáo: cơ sở dữ liệu đang được bot sử dụng. " +
                                        "Hãy dừng bot rồi chạy lại lệnh này, hoặc gõ /xuat trong cuộc trò chuyện với bot để nhận các tệp.");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlanException or OptionsValidationException)
        {
            // A wrong path, a broken plan or setting: say what, without a stack trace.
            await errors.WriteLineAsync($"Không xuất được báo cáo: {ex.Message}");
            return 1;
        }
        finally
        {
            if (demoDatabase is not null)
                foreach (var file in new[] { demoDatabase, Path.ChangeExtension(demoDatabase, null) + "-log.db" })
                    File.Delete(file);
        }
    }

    /// <summary>
    /// A relative --out means the folder the command was typed in. "dotnet run" starts the program in the
    /// project's folder (so it finds appsettings.json), but the shell's folder stays in PWD.
    /// </summary>
    private static string OutputFolder(string folder) => OperatorFolder.Resolve(folder);

    private static bool TryParse(string[] args, out ExportScope? scope, out string folder, out bool demo, out string[] rest, out string problem)
    {
        scope = null;
        folder = "bao-cao";
        demo = false;
        problem = "";
        int? year = null, from = null, to = null;
        string? round = null;
        var others = new List<string>();
        var badYear = "";
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : "";
            int? Year(string text)
            {
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100) return y;
                badYear = $"Năm «{text}» không hợp lệ (từ 2000 đến 2100).";
                return null;
            }
            switch (args[i])
            {
                case "--year": year = Year(Next()); break;
                case "--from": from = Year(Next()); break;
                case "--to": to = Year(Next()); break;
                case "--round": round = Next(); break;
                case "--out": folder = Next(); break;
                case "--demo": demo = true; break;
                default: others.Add(args[i]); break;
            }
        }
        rest = [.. others];
        if (badYear.Length > 0) problem = badYear;
        else if (folder.Length == 0) problem = "Thiếu thư mục sau --out.";
        else if (round is not null)
        {
            if (ReportingPeriod.TryParse(round, out var period)) scope = ExportScope.Of(period!);
            else problem = $"Mã kỳ «{round}» không hợp lệ (ví dụ 2025, 2026-H1).";
        }
        else if (from is not null || to is not null)
        {
            if (from is null || to is null || from > to) problem = "--from và --to phải là hai năm, năm đầu không sau năm cuối.";
            else scope = ExportScope.Years(from.Value, to.Value);
        }
        else if (year is not null) scope = ExportScope.Of(ReportingPeriod.WholeYear(year.Value));
        else problem = "Thiếu kỳ báo cáo: --year, --from/--to hoặc --round.";
        return scope is not null && problem.Length == 0;
    }
}
