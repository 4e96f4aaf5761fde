using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Writes a big broadcast's stored batches (<see cref="BroadcastBatch"/>) into the outbox, one batch a transaction,
/// first queued first. The batch is deleted in the transaction that writes its rows, so a crash repeats a batch
/// whole or not at all (and its rows' dedup keys would make a repeat add nothing anyway).
/// </summary>
public sealed class BroadcastBatches(BotStore store, Broadcaster broadcaster)
{
    /// <summary>Whether a batch is waiting; read without a transaction, so an idle check commits nothing (which would wake every loop).</summary>
    public bool AnyWaiting() => store.Read(() => store.NextBroadcastBatch().FirstOrDefault() is not null);

    /// <summary>Writes the next batch; false when none was waiting.</summary>
    public bool WriteNext()
    {
        if (!AnyWaiting()) return false;
        return store.Write(() =>
        {
            if (store.NextBroadcastBatch().FirstOrDefault() is not { } batch) return false;
            store.BroadcastBatches.Delete(batch.Id);
            if (store.Broadcasts.FindById(batch.BroadcastId) is not { } broadcast) return true;
            var gone = 0;
            foreach (var accountId in batch.AccountIds)
                if (StillListening(accountId) is { } account) broadcaster.QueueRow(broadcast, account);
                else gone++;
            broadcaster.Unqueued(broadcast.Id, gone);
            return true;
        });
    }

    /// <summary>
    /// The account, unless its resident left (/ngung) or blocked the bot since the broadcast was queued: a pending
    /// row would have been cancelled for them then (<see cref="Broadcaster.CancelPendingFor"/>), so no row is written now.
    /// </summary>
    private ChatAccount? StillListening(string accountId)
    {
        if (store.Accounts.FindById(accountId) is not { UnreachableReason: null } account) return null;
        return store.Subscribers.FindById(account.MemberId) is { Active: false } ? null : account;
    }
}
