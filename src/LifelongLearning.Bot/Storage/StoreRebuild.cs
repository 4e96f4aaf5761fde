using LiteDB;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Storage;

/// <summary>A store file's size and the share of its pages' bytes that hold nothing.</summary>
public sealed record StoreSpace(long FileBytes, double FreeShare);

/// <summary>
/// LiteDB reuses freed pages but never gives them back to the disk, so a store that once held much more than it
/// holds now (a year of outbox rows before housekeeping pruned them) stays at its largest. Past a free share,
/// the file is rebuilt at start, on the opening thread before anything reads or writes it and while the store's
/// lock file is held, so no write can be lost. The data is copied into a new file (<see cref="StoreCopy"/>),
/// checked document by document, and only then swapped in by two renames; the old file is kept beside it. A
/// failure anywhere leaves the old file in place, and a start after a crash mid-swap finishes it
/// (<see cref="RecoverInterrupted"/>).
/// </summary>
public sealed partial class StoreRebuild(int freePercent, long minimumBytes, ILogger logger)
{
    /// <summary>Below this a rebuild wins too little to be worth a start's time.</summary>
    public const long DefaultMinimumBytes = 4 * 1024 * 1024;

    /// <summary>The file as it was before the last rebuild, beside the store: one copy, replaced by the next rebuild.</summary>
    public static string BackupPathOf(string path) => Path.ChangeExtension(path, null) + ".before-rebuild" + Path.GetExtension(path);

    /// <summary>The new file while it is written and checked; it takes the store's name only once it is whole.</summary>
    public static string CopyPathOf(string path) => Path.ChangeExtension(path, null) + ".rebuilding" + Path.GetExtension(path);

    /// <summary>Measures an open store (after a checkpoint, so the log's pages are in the file).</summary>
    public static StoreSpace Measure(LiteDatabase db, string path)
    {
        db.Checkpoint();
        var pages = db.Execute("SELECT $ FROM $page_list").ToEnumerable().ToList();
        var free = pages.Sum(p => (long)p["freeBytes"].AsInt32);
        var bytes = new FileInfo(path).Length;
        return new StoreSpace(bytes, bytes == 0 ? 0 : Math.Min(1, free / (double)bytes));
    }

    /// <summary>
    /// Puts right what a crash during a rebuild left, before the store is opened. The copy is written and
    /// checked before the old file is moved aside, so a copy found where the store is missing is whole and
    /// takes its place; a copy found beside the store was never finished and is dropped.
    /// </summary>
    public static void RecoverInterrupted(string path)
    {
        var copy = CopyPathOf(path);
        if (!File.Exists(copy)) return;
        if (File.Exists(path)) File.Delete(copy);
        else File.Move(copy, path);
    }

    /// <summary>Rebuilds the closed store at <paramref name="path"/> when it is sparse enough; returns whether it did.</summary>
    /// <remarks>The store has called <see cref="RecoverInterrupted"/> before, so no copy of an earlier rebuild is in the way.</remarks>
    public bool RunIfSparse(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length < minimumBytes) return false;
        var copy = CopyPathOf(path);
        var backup = BackupPathOf(path);
        try
        {
            StoreSpace before;
            using (var db = Open(path))
            {
                before = Measure(db, path);
                if (before.FreeShare * 100 < freePercent) return false;
                StoreCopy.Write(db, copy);
            }
            StoreSpace after;
            using (var db = Open(copy)) after = Measure(db, copy);
            File.Move(path, backup, overwrite: true);
            File.Move(copy, path);
            LogRebuilt(path, before.FileBytes, after.FileBytes, before.FreeShare * 100, after.FreeShare * 100, backup);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (!File.Exists(path) && File.Exists(backup)) File.Move(backup, path);
            DeleteCopy(copy);
            LogFailed(ex, path);
            return false;
        }
    }

    private static LiteDatabase Open(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });

    private static void DeleteCopy(string copy)
    {
        try
        {
            if (File.Exists(copy)) File.Delete(copy);
            var log = Path.ChangeExtension(copy, null) + "-log" + Path.GetExtension(copy);
            if (File.Exists(log)) File.Delete(log);
        }
        catch (IOException) { } // what is left is dropped by the next start's RecoverInterrupted
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Path} rebuilt: {BytesBefore} bytes ({FreePercentBefore:F0}% free) to {BytesAfter} bytes ({FreePercentAfter:F0}% free); the file before is kept as {Backup}")]
    private partial void LogRebuilt(string path, long bytesBefore, long bytesAfter, double freePercentBefore, double freePercentAfter, string backup);

    [LoggerMessage(Level = LogLevel.Error, Message = "Store {Path} could not be rebuilt; it is left as it was")]
    private partial void LogFailed(Exception ex, string path);
}
