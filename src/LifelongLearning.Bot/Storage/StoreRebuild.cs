using LiteDB;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Storage;

/// <summary>A store file's size and the share of its pages' bytes that hold nothing.</summary>
public sealed record StoreSpace(long FileBytes, double FreeShare);

/// <summary>
/// LiteDB reuses freed pages but never gives them back to the disk, so a store that once held much more than it
/// holds now (a year of outbox rows before housekeeping pruned them) stays at its largest. Past a free share,
/// the file is rebuilt at start, on the opening thread before anything reads or writes it and while the store's
/// lock file is held, so no write can be lost. LiteDB's rebuild writes a new file and keeps the old one; every
/// collection's count is compared before the old one is let go, and any failure puts the old file back.
/// </summary>
public sealed partial class StoreRebuild(int freePercent, long minimumBytes, ILogger logger)
{
    /// <summary>Below this a rebuild wins too little to be worth a start's time.</summary>
    public const long DefaultMinimumBytes = 4 * 1024 * 1024;

    /// <summary>The file as it was before the last rebuild, beside the store: one copy, replaced by the next rebuild.</summary>
    public static string BackupPathOf(string path) => Path.ChangeExtension(path, null) + ".before-rebuild" + Path.GetExtension(path);

    /// <summary>Measures an open store (after a checkpoint, so the log's pages are in the file).</summary>
    public static StoreSpace Measure(LiteDatabase db, string path)
    {
        db.Checkpoint();
        var pages = db.Execute("SELECT $ FROM $page_list").ToEnumerable().ToList();
        var free = pages.Sum(p => (long)p["freeBytes"].AsInt32);
        var bytes = new FileInfo(path).Length;
        return new StoreSpace(bytes, bytes == 0 ? 0 : Math.Min(1, free / (double)bytes));
    }

    /// <summary>Rebuilds the closed store at <paramref name="path"/> when it is sparse enough; returns whether it did.</summary>
    public bool RunIfSparse(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length < minimumBytes) return false;
        var liteBackup = Path.ChangeExtension(path, null) + "-backup" + Path.GetExtension(path);
        var backup = BackupPathOf(path);
        StoreSpace before;
        try
        {
            using var db = Open(path);
            before = Measure(db, path);
            if (before.FreeShare * 100 < freePercent) return false;
            var counts = Counts(db);
            // LiteDB names its copy "-backup" and numbers it when that name is taken: clear it so the name is known.
            File.Delete(liteBackup);
            db.Rebuild();
            var after = Measure(db, path);
            if (!Counts(db).SequenceEqual(counts)) throw new InvalidDataException("Số bản ghi sau khi dựng lại khác trước.");
            db.Dispose();
            File.Move(liteBackup, backup, overwrite: true);
            LogRebuilt(path, before.FileBytes, after.FileBytes, before.FreeShare * 100, after.FreeShare * 100, backup);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Restore(path, liteBackup);
            LogFailed(ex, path);
            return false;
        }
    }

    private static LiteDatabase Open(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });

    private static List<(string, int)> Counts(LiteDatabase db) =>
        [.. db.GetCollectionNames().Order(StringComparer.Ordinal).Select(name => (name, db.GetCollection(name).Count()))];

    /// <summary>LiteDB moves the old file aside before the new one takes its name: a failure between leaves only the old one.</summary>
    private static void Restore(string path, string liteBackup)
    {
        var temp = Path.ChangeExtension(path, null) + "-temp" + Path.GetExtension(path);
        if (File.Exists(temp)) File.Delete(temp);
        if (!File.Exists(liteBackup)) return;
        File.Move(liteBackup, path, overwrite: true);
        var log = Path.ChangeExtension(path, null) + "-log" + Path.GetExtension(path);
        if (File.Exists(log)) File.Delete(log);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Path} rebuilt: {BytesBefore} bytes ({FreePercentBefore:F0}% free) to {BytesAfter} bytes ({FreePercentAfter:F0}% free); the file before is kept as {Backup}")]
    private partial void LogRebuilt(string path, long bytesBefore, long bytesAfter, double freePercentBefore, double freePercentAfter, string backup);

    [LoggerMessage(Level = LogLevel.Error, Message = "Store {Path} could not be rebuilt; it is left as it was")]
    private partial void LogFailed(Exception ex, string path);
}
