namespace LifelongLearning.Bot.Storage;

/// <summary>
/// Recipients of a big broadcast whose outbox rows are not written yet (collection "broadcastBatches"): a few
/// hundred account ids each, so writing one batch reads and deletes one small document, never a list of every
/// recipient rewritten per batch. The id is given in queueing order, so batches go in the order residents subscribed.
/// </summary>
public sealed class BroadcastBatch
{
    public long Id { get; set; }
    public string BroadcastId { get; set; } = "";

    /// <summary>"telegram:123", as <see cref="ChatAccount.Id"/>.</summary>
    public List<string> AccountIds { get; set; } = [];
}
