using System.Globalization;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Backups;

/// <summary>A verified copy of the store.</summary>
public sealed record BackupCopy(string Path, DateTime LocalTime, int Answers);

/// <summary>
/// Takes a copy of the store into a folder and verifies it; names copies by their local time
/// ("lifelonglearning-2026-03-20-2030.db") and prunes a folder to the daily and monthly copies it keeps.
/// </summary>
public static partial class BackupFiles
{
    [GeneratedRegex(@"-(\d{4}-\d{2}-\d{2}-\d{4})\.db$")]
    private static partial Regex Stamp();

    /// <summary>Copies the store whole (see <see cref="BotStore.CopyTo"/>) and opens the copy read-only to count its answers.</summary>
    /// <exception cref="IOException">the copy could not be written, or it does not hold what the store held</exception>
    public static BackupCopy Take(BotStore store, string folder, DateTime localNow)
    {
        Directory.CreateDirectory(folder);
        var name = $"{Path.GetFileNameWithoutExtension(store.DatabasePath)}-{localNow.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.db";
        var path = Path.Combine(Path.GetFullPath(folder), name);
        var answers = store.CopyTo(path);
        StoreFacts facts;
        try { facts = StoreFile.Read(path); }
        catch (IOException)
        {
            File.Delete(path);
            throw;
        }
        if (facts.Answers != answers || facts.SchemaVersion != BotStore.SchemaVersion)
        {
            File.Delete(path);
            throw new IOException($"bản sao {name} có {facts.Answers} câu trả lời thay vì {answers}");
        }
        return new BackupCopy(path, localNow, answers);
    }

    /// <summary>The copies in a folder, newest first, with the local time in their names.</summary>
    public static List<(string Path, DateTime LocalTime)> List(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var found = new List<(string, DateTime)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.db"))
            if (Stamp().Match(Path.GetFileName(path)) is { Success: true } m &&
                DateTime.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                found.Add((path, at));
        return [.. found.OrderByDescending(f => f.Item2)];
    }

    /// <summary>Keeps the latest copy of each of the newest <paramref name="daily"/> days and of the newest <paramref name="monthly"/> months; deletes the rest.</summary>
    public static int Prune(string folder, int daily, int monthly)
    {
        var copies = List(folder);
        var keep = new HashSet<string>();
        foreach (var day in copies.GroupBy(c => c.LocalTime.Date).Take(daily)) keep.Add(day.First().Path);
        foreach (var month in copies.GroupBy(c => (c.LocalTime.Year, c.LocalTime.Month)).Take(monthly)) keep.Add(month.First().Path);
        var deleted = 0;
        foreach (var copy in copies.Where(c => !keep.Contains(c.Path)))
        {
            File.Delete(copy.Path);
            deleted++;
        }
        return deleted;
    }
}
