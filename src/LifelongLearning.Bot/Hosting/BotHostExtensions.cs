using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Backups;
using LifelongLearning.Bot.Channels.Console;
using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Commands;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Engine.Flows;
using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Hosting;

/// <summary>The composition of the bot, one method per part; Program.cs calls <see cref="AddBot"/>.</summary>
public static class BotHostExtensions
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.AddBotCore();
        var channels = new List<(string, bool Polling)>();
        if (builder.Configuration["Telegram:BotToken"] is { Length: > 0 })
        {
            builder.AddTelegramChannel();
            channels.Add(("telegram", !string.Equals(builder.Configuration["Telegram:Mode"], TelegramOptions.Webhook, StringComparison.OrdinalIgnoreCase)));
        }
        if (builder.Configuration["Zalo:BotToken"] is { Length: > 0 })
        {
            builder.AddZaloChannel();
            channels.Add(("zalo", string.IsNullOrEmpty(builder.Configuration["Zalo:PublicBaseUrl"])));
        }
        if (channels.Count == 0) builder.AddConsoleChannel();
        builder.AddLocalListener(channels);
        builder.Services.AddHostedService<OutboxService>();
        builder.Services.AddHostedService<BroadcastBatchService>();
        builder.Services.AddReportingCalendar();
        builder.AddExports();
        builder.Services.AddEventCalendar();
        builder.Services.AddHostedService<Housekeeping>();
        builder.Services.AddBackups();
        builder.AddWebPage();
        return builder;
    }

    public static IHostApplicationBuilder AddBotCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().Bind(builder.Configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations()
            .Validate(o => FindZone(o.TimeZone) is not null, "Bot:TimeZone không phải múi giờ hợp lệ (dùng \"Asia/Ho_Chi_Minh\").")
            .Validate(o => o.CityPath.Length == 0 || File.Exists(ResolvePath(o.CityPath, builder.Environment.ContentRootPath)),
                "Bot:CityPath: không tìm thấy tệp thành phố (ví dụ \"plan/thanh-pho-hai-phong.json\"); để trống nếu bot chỉ phục vụ một xã.")
            .Validate(o => o.AdminChatIds.All(id => id.Contains(':')), "Bot:AdminChatIds phải có dạng \"kênh:mã\", ví dụ \"telegram:123456789\".")
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EventOptions>().Bind(builder.Configuration.GetSection(EventOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.SendAt >= new TimeOnly(6, 0) && o.SendAt <= new TimeOnly(20, 0), "Events:SendAt phải trong khoảng 06:00–20:00, ví dụ \"07:30\".")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CommuneClock(
            FindZone(sp.GetRequiredService<IOptions<BotOptions>>().Value.TimeZone)!, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            var clock = sp.GetRequiredService<CommuneClock>();
            return options.CityPath.Length == 0
                ? CommuneDirectory.Single(PlanLoader.LoadFile(ResolvePath(options.PlanPath, builder.Environment.ContentRootPath)), clock)
                : CommuneDirectory.Of(CityLoader.LoadFile(ResolvePath(options.CityPath, builder.Environment.ContentRootPath)), clock);
        });
        // What still reads one plan for the whole process (the web page, the exports, the demo) reads the default
        // commune's; a turn, a round and each loop's step take their own commune's from the directory.
        services.AddSingleton(sp =>
        {
            var communes = sp.GetRequiredService<CommuneDirectory>();
            return communes.PlanOf(communes.Default);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var rebuild = new StoreRebuild(options.RebuildFreePercent, StoreRebuild.DefaultMinimumBytes, sp.GetRequiredService<ILogger<StoreRebuild>>());
            return new BotStore(OperatorFolder.Resolve(options.DatabasePath), rebuild);
        });
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<TextLimits>();
        services.AddSingleton<Messenger>();
        services.AddSingleton<PublicFiles>();
        services.AddSingleton<PhotoCopies>();
        services.AddSingleton<Members>();
        services.AddSingleton<Outgoing>();
        services.AddSingleton<RoundService>();
        services.AddSingleton<Reports>();
        services.AddSingleton<RoundDigests>();
        services.TryAddSingleton<BackupHealth>();
        services.TryAddSingleton<Heartbeats>();
        services.TryAddSingleton<DigestCharts>();
        services.TryAddSingleton<ReportingCalendar>();
        services.TryAddSingleton<CalendarFailures>();
        services.AddSingleton<DemoCommune>();
        services.AddSingleton<LinkCommand>();
        services.AddSingleton<StartCommand>();
        services.AddSingleton<ReportFlow>();
        services.AddSingleton<IConversationFlow>(sp => sp.GetRequiredService<ReportFlow>());
        services.AddSingleton<ReportCommands>();
        services.AddSingleton<UnitRegistry>();
        services.AddSingleton<OfficialCommands>();
        services.AddSingleton<Engine.Cities.CityFigures>();
        services.AddSingleton<Engine.Cities.CityCommands>();
        services.AddSingleton<HelpCommand>();
        services.AddSingleton<ResidentCommands>();
        services.AddSingleton<AnnouncementFlow>();
        services.AddSingleton<IConversationFlow>(sp => sp.GetRequiredService<AnnouncementFlow>());
        services.AddSingleton<ExportCommands>();
        services.AddSingleton<Audience>();
        services.AddSingleton<Broadcaster>();
        services.AddSingleton<BroadcastBatches>();
        services.AddSingleton<Deliveries>();
        services.AddSingleton<EventCalendar>();
        services.AddSingleton<EventFigures>();
        services.AddSingleton<EventFlow>();
        services.AddSingleton<IConversationFlow>(sp => sp.GetRequiredService<EventFlow>());
        services.AddSingleton<ConversationFlows>();
        services.AddSingleton<ConversationBook>();
        services.AddSingleton<EventListCommands>();
        services.AddSingleton<ParticipationCommand>();
        builder.AddWebAccess();
        services.AddSingleton<CommandTable>();
        services.AddSingleton<CommandMenus>();
        services.AddSingleton<BotEngine>();
        services.AddHostedService<StartupService>();
        return builder;
    }

    /// <summary>No token at all: chat in the terminal with the demo commune, in a database of its own.</summary>
    public static IHostApplicationBuilder AddConsoleChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.PostConfigure<BotOptions>(o => o.SeedDemo = true);
        builder.Services.PostConfigure<StorageOptions>(o =>
            o.DatabasePath = Path.Combine(Path.GetDirectoryName(o.DatabasePath) ?? "", Path.GetFileNameWithoutExtension(o.DatabasePath) + "-demo.db"));
        // The chat shares the terminal: only warnings. appsettings.json names Microsoft.Hosting.Lifetime itself,
        // and the more specific category wins over "Microsoft", so it is named here too.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning)
            .AddFilter("LifelongLearning", LogLevel.Warning);
        builder.Services.TryAddSingleton(new ConsoleTerminal(System.Console.In, System.Console.Out));
        builder.Services.AddSingleton<IChannelSender, ConsoleSender>();
        builder.Services.AddSingleton(ConsoleSender.Profile);
        builder.Services.AddHostedService<ConsoleChannel>();
        return builder;
    }

    private static string ResolvePath(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path)) return path;
        var besideProgram = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideProgram) ? besideProgram : Path.Combine(contentRoot, path);
    }

    private static TimeZoneInfo? FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }
}
