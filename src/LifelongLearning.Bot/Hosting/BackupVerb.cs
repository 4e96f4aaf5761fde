using LifelongLearning.Bot.Backups;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Hosting;

/// <summary>
/// The "backup" and "restore" verbs, for whoever runs the server, with the bot stopped:
/// <c>backup --out /mnt/usb</c> writes a verified copy of the store; <c>restore --from FILE</c> puts a copy back,
/// keeping the current file aside. Both refuse while the bot holds the store (its &lt;db&gt;.lock).
/// </summary>
public static class BackupVerb
{
    public const string Usage = """
        Cách dùng:
          backup --out THƯ-MỤC      ghi một bản sao lưu đã kiểm tra của cơ sở dữ liệu vào thư mục
          restore --from TỆP        khôi phục cơ sở dữ liệu từ một bản sao lưu (tệp hiện tại được giữ lại bên cạnh)
        Dừng bot trước khi chạy (sudo systemctl stop lifelonglearning-bot). Các khóa cấu hình khác vẫn dùng được,
        ví dụ --Storage:DatabasePath=data/lifelonglearning.db
        """;

    private const string BotRunning = "cơ sở dữ liệu đang được bot sử dụng. Hãy dừng bot (sudo systemctl stop lifelonglearning-bot) rồi chạy lại lệnh này.";

    public static bool Matches(string[] args) => args is ["backup" or "restore", ..];

    /// <returns>The exit code: 0 done, 1 refused or failed (nothing changed), 2 wrong arguments.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null, TimeProvider? clock = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        clock ??= TimeProvider.System;
        var option = args[0] == "backup" ? "--out" : "--from";
        var value = "";
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == option && i + 1 < args.Length) value = args[++i];
            else rest.Add(args[i]);
        }
        if (value.Length == 0)
        {
            errors.WriteLine($"Thiếu {option}.\n{Usage}");
            return Task.FromResult(2);
        }
        var builder = Host.CreateApplicationBuilder([.. rest]);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        // As the bot opens it: relative to the working folder (the service's WorkingDirectory).
        var database = Path.GetFullPath(storage.DatabasePath);
        var typedIn = FromTypedFolder(value);
        return Task.FromResult(args[0] == "backup" ? Backup(database, typedIn, output, errors, clock) : Restore(database, typedIn, output, errors, clock));
    }

    private static int Backup(string database, string folder, TextWriter output, TextWriter errors, TimeProvider clock)
    {
        if (!File.Exists(database))
        {
            errors.WriteLine($"Không sao lưu được: không có cơ sở dữ liệu {database}.");
            return 1;
        }
        try
        {
            using var store = new BotStore(database);
            var copy = BackupFiles.Take(store, folder, clock.GetLocalNow().DateTime);
            output.WriteLine($"Đã sao lưu vào {copy.Path} ({copy.Answers} câu trả lời, đã kiểm tra).");
            return 0;
        }
        catch (DatabaseInUseException)
        {
            // The running bot copies the store itself every night (Backup:Folder); from outside it would be torn.
            errors.WriteLine($"Không sao lưu được: {BotRunning} Bot đang chạy tự sao lưu mỗi đêm vào thư mục Backup:Folder.");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"Không sao lưu được vào {folder}: kiểm tra thư mục có tồn tại, còn chỗ trống và được phép ghi, rồi chạy lại. ({ex.Message})");
            return 1;
        }
    }

    private static int Restore(string database, string from, TextWriter output, TextWriter errors, TimeProvider clock)
    {
        if (!File.Exists(from))
        {
            errors.WriteLine($"Không khôi phục được: không có tệp {from}.");
            return 1;
        }
        try
        {
            // The copy first: a damaged file or one from a newer release changes nothing.
            var facts = StoreFile.Read(from);
            StoreFile.EnsureNotNewer(from, facts.SchemaVersion);
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
            string? aside = null;
            using (BotStore.TakeLock(database))
            {
                if (File.Exists(database))
                {
                    // Kept beside, never overwritten: a restore from the wrong copy can be undone.
                    aside = Path.Combine(Path.GetDirectoryName(database)!,
                        $"{Path.GetFileNameWithoutExtension(database)}.truoc-khi-khoi-phuc-{clock.GetLocalNow():yyyyMMdd-HHmmss}.db");
                    File.Move(database, aside);
                    var log = LogOf(database);
                    if (File.Exists(log)) File.Move(log, LogOf(aside));
                }
                File.Copy(from, database);
            }
            output.WriteLine($"Đã khôi phục cơ sở dữ liệu từ {from} ({facts.Answers} câu trả lời, {facts.Members} người dùng, lược đồ {facts.SchemaVersion}).");
            if (aside is not null) output.WriteLine($"Tệp trước đó được giữ ở {aside}.");
            output.WriteLine("Khởi động lại bot: sudo systemctl start lifelonglearning-bot");
            return 0;
        }
        catch (DatabaseInUseException)
        {
            errors.WriteLine($"Không khôi phục được: {BotRunning}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"Không khôi phục được: kiểm tra tệp {from} đọc được và thư mục của cơ sở dữ liệu được phép ghi, rồi chạy lại. Tệp cũ, nếu đã được để sang bên, nằm cạnh đó với tên có «truoc-khi-khoi-phuc». ({ex.Message})");
            return 1;
        }
    }

    /// <summary>LiteDB's log beside "x.db" is "x-log.db".</summary>
    private static string LogOf(string database) => Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-log.db");

    /// <summary>As for export: a relative path is taken from the folder the command was typed in (PWD), not the project's.</summary>
    private static string FromTypedFolder(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var typedIn = Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(path, typedIn is { Length: > 0 } && Directory.Exists(typedIn) ? typedIn : Environment.CurrentDirectory);
    }
}
