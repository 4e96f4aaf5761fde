using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Hosting;

/// <summary>
/// Runs the bot. Settings, the plan and the database are checked before the host starts, so a mistake is one
/// Vietnamese line on stderr and exit code 1, not an unhandled exception (SIGABRT, 134) with a stack trace.
/// </summary>
public static class BotRun
{
    /// <summary>The bot stops within this after Ctrl+C or SIGTERM; every loop watches its stopping token.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(4);

    public const string Help = """
        Bot học tập suốt đời (Kế hoạch 04/KH-UBND).

        Cách dùng:
          LifelongLearning.Bot [--Khóa:Con=giá-trị …]   chạy bot (Telegram, Zalo, hoặc trò chuyện thử ở cửa sổ lệnh khi không có mã bot)
          LifelongLearning.Bot export (--year NĂM | --from NĂM --to NĂM | --round MÃ-KỲ) [--out THƯ-MỤC] [--demo]
                                                       ghi các tệp báo cáo (.docx, .xlsx, .csv) rồi thoát
          LifelongLearning.Bot --help                  hiện hướng dẫn này

        Cấu hình: appsettings.json, biến môi trường (Telegram__BotToken=…) hoặc tham số (--Storage:DatabasePath=…);
        các khóa xem README.md. Cơ sở dữ liệu mặc định: data/lifelonglearning.db trong thư mục đang đứng.
        """;

    public static bool IsHelp(string[] args) => args is ["--help"] or ["-h"] or ["help"] or ["/?"];

    /// <param name="configure">changes the composition after the bot's own (tests: a terminal of their own)</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? errors = null, Action<IHostApplicationBuilder>? configure = null)
    {
        errors ??= Console.Error;
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddBot();
        configure?.Invoke(builder);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        using var host = builder.Build();
        if (Check(host.Services) is { } problem)
        {
            await errors.WriteLineAsync($"Không khởi động được bot: {problem}");
            return 1;
        }
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await host.StartAsync();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Ctrl+C, SIGTERM or the end of the console's input while the host was still starting: the start
            // token follows ApplicationStopping, so a service still starting (Kestrel binding the web page)
            // throws. That is the stop asked for, not a failure; left to Main it was an unhandled exception
            // (SIGABRT, exit code 134). What had started is stopped below, as in any stop.
        }
        try
        {
            await host.WaitForShutdownAsync();
        }
        finally
        {
            // The web listeners are only IAsyncDisposable: the container must be disposed asynchronously.
            await ((IAsyncDisposable)host).DisposeAsync();
        }
        return 0;
    }

    /// <summary>What stops the bot from starting, in Vietnamese, or null when settings, plan and database are usable.</summary>
    public static string? Check(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            services.GetRequiredService<Plan>();
            services.GetRequiredService<BotStore>();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return string.Join(" ", ex.Failures.Distinct());
        }
        catch (Exception ex) when (ex is PlanException or StoreFolderException or DatabaseInUseException)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"lỗi khi mở cơ sở dữ liệu ({ex.Message}). Kiểm tra Storage:DatabasePath và quyền ghi của thư mục.";
        }
    }
}
