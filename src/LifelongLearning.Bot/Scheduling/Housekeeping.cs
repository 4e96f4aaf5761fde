using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>
/// Once a day (on the injected clock), keeps the store bounded on a server that runs for years unattended:
/// forgets old keys of received messages, settled outbox rows, finished exports and their files, expired
/// public links, and photo copies nothing will send any more. Each step is its own small method and its
/// own transactions, so one failing step does not stop the others, and a long prune does not hold the
/// store's lock (every chat waits on it) in one piece.
/// </summary>
public sealed partial class Housekeeping(BotStore store, TimeProvider clock, IOptions<StorageOptions> options, ILogger<Housekeeping> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>A photo copy stays this long after upload even when unused: an official may repeat an announcement.</summary>
    public static readonly TimeSpan PhotoCopyRetention = TimeSpan.FromDays(90);

    /// <summary>Rows deleted per transaction, so the store's lock is released between batches.</summary>
    private const int Batch = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Deletes the keys of messages received longer ago than <see cref="StorageOptions.ReceivedRetentionDays"/>.
    /// A key only guards against a platform delivering the same message again, which happens within minutes or
    /// hours (Telegram keeps an update at most 24 hours), so a month is ample. Returns how many.
    /// </summary>
    public int PruneReceived()
    {
        var before = Now - TimeSpan.FromDays(options.Value.ReceivedRetentionDays);
        return store.Write(() => store.Received.DeleteMany(r => r.At < before));
    }

    /// <summary>
    /// Deletes settled outbox rows older than <see cref="StorageOptions.OutboxRetentionDays"/>; never a pending
    /// row, and never a row of a broadcast whose delivery report is still to come (the report counts its rows).
    /// </summary>
    public int PruneOutbox()
    {
        var before = Now - TimeSpan.FromDays(options.Value.OutboxRetentionDays);
        var unreported = store.Broadcasts.Find(b => b.ReportedAt == null).Select(b => b.Id).ToHashSet();
        var ids = store.OutboxCreatedBefore(before).ToEnumerable()
            .Where(m => m.Status != OutboxStatus.Pending && (m.BroadcastId is null || !unreported.Contains(m.BroadcastId)))
            .Select(m => m.Id).ToList();
        return DeleteInBatches(ids, id => store.Outbox.Delete(id));
    }

    /// <summary>
    /// Deletes finished /xuat requests older than <see cref="StorageOptions.ExportRetentionDays"/> with their files
    /// ("exports/{id}/…"); a request whose file a pending row still has to send waits for the next day.
    /// </summary>
    public int PruneExports()
    {
        var before = Now - TimeSpan.FromDays(options.Value.ExportRetentionDays);
        var old = store.FinishedExports().ToEnumerable().Where(e => (e.FinishedAt ?? e.RequestedAt) < before).ToList();
        var pruned = 0;
        foreach (var request in old)
        {
            var prefix = $"exports/{request.Id}/";
            pruned += store.Write(() =>
            {
                if (store.OutboxByDocumentPrefix(prefix).ToEnumerable().Any(m => m.Status == OutboxStatus.Pending)) return 0;
                foreach (var file in FilesUnder(prefix)) store.Files.Delete(file.Id);
                return store.Exports.Delete(request.Id) ? 1 : 0;
            });
        }
        return pruned;
    }

    /// <summary>Deletes public links past their expiry: they only ever answer "expired" (PublicFiles drops some when it publishes).</summary>
    public int PruneFileLinks()
    {
        var now = Now;
        return store.Write(() => store.FileLinks.DeleteMany(l => l.ExpiresAt < now));
    }

    /// <summary>
    /// Deletes photo copies older than <see cref="PhotoCopyRetention"/> that no pending outbox row, no event still
    /// to come (announced ahead and on its morning) and no announcement or event being written refers to. A copy
    /// is found by its reference, so an official sending the same photo again months later reuses an old one.
    /// </summary>
    public int PrunePhotoCopies()
    {
        var before = Now - PhotoCopyRetention;
        var inUse = store.OutboxWithPhoto().ToEnumerable().Where(m => m.Status == OutboxStatus.Pending)
            .Select(m => m.PhotoFileId!).ToHashSet();
        // A broadcast still being written in batches sends its photo from rows not yet in the outbox.
        foreach (var b in store.Broadcasts.Find(b => b.ReportedAt == null).ToList())
            if (b.PhotoFileId is { Length: > 0 } copy && store.BroadcastBatchesByPrefix(b.Id).FirstOrDefault() is not null) inUse.Add(copy);
        // An event's day is a local date; a day's margin keeps a copy through the whole of its last day anywhere.
        var since = Now.AddDays(-1);
        foreach (var e in store.EventsWithPhoto().ToEnumerable().Where(e => e.CancelledAt == null).ToList())
            if ((e.LastDay?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? e.StartsAt) >= since) inUse.Add(PhotoCopies.FileIdOf(e.PhotoFileId!));
        foreach (var c in store.ConversationsWithPhoto().ToEnumerable()) inUse.Add(PhotoCopies.FileIdOf(c.Photo!));
        var unused = FilesUnder(PhotoCopies.Prefix)
            .Where(f => f.UploadDate.ToUniversalTime() < before && !inUse.Contains(f.Id))
            .Select(f => f.Id).ToList();
        // Asked again inside the delete's transaction: a broadcast may have been queued with the copy meanwhile.
        return DeleteInBatches(unused, id =>
            !store.OutboxWithPhoto(id).ToEnumerable().Any(m => m.Status == OutboxStatus.Pending) && !QueuedInBatches(id) && store.Files.Delete(id));
    }

    /// <summary>Whether a broadcast queued meanwhile, its batches not all written, sends this photo copy.</summary>
    private bool QueuedInBatches(string photoFileId) =>
        store.Broadcasts.Find(b => b.ReportedAt == null).Any(b => b.PhotoFileId == photoFileId && store.BroadcastBatchesByPrefix(b.Id).FirstOrDefault() is not null);

    /// <summary>Runs every step; a step that fails is logged and the others still run.</summary>
    public void RunOnce(CancellationToken ct)
    {
        Step("received", PruneReceived, LogPrunedReceived, ct);
        Step("outbox", PruneOutbox, LogPrunedOutbox, ct);
        Step("exports", PruneExports, LogPrunedExports, ct);
        Step("file links", PruneFileLinks, LogPrunedFileLinks, ct);
        Step("photo copies", PrunePhotoCopies, LogPrunedPhotoCopies, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do RunOnce(stoppingToken);
        while (await Ticks.NextAsync(timer, stoppingToken));
    }

    private void Step(string name, Func<int> prune, Action<int> log, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return;
        try
        {
            var count = prune();
            if (count > 0) log(count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
        {
            LogFailed(ex, name);
        }
    }

    private List<LiteDB.LiteFileInfo<string>> FilesUnder(string prefix) => [.. store.Files.Find("_id LIKE @0", new LiteDB.BsonValue(prefix + "%"))];

    private int DeleteInBatches<T>(List<T> ids, Func<T, bool> delete)
    {
        var deleted = 0;
        foreach (var chunk in ids.Chunk(Batch))
            deleted += store.Write(() => chunk.Count(delete));
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} received-message keys older than the retention removed")]
    private partial void LogPrunedReceived(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} settled outbox rows older than the retention removed")]
    private partial void LogPrunedOutbox(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} finished exports older than the retention removed with their files")]
    private partial void LogPrunedExports(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} expired public file links removed")]
    private partial void LogPrunedFileLinks(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} unused photo copies removed")]
    private partial void LogPrunedPhotoCopies(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Housekeeping step {Step} failed; trying again tomorrow")]
    private partial void LogFailed(Exception ex, string step);
}
