namespace LifelongLearning.Bot.Scheduling;

/// <summary>The wait of the timed loops (calendar, events, housekeeping) on their <see cref="PeriodicTimer"/>.</summary>
internal static class Ticks
{
    /// <summary>False once the bot is stopping, so the loop ends without an exception.</summary>
    public static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken ct)
    {
        bool ticked;
        try { ticked = await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
        // The tick may complete this wait inline, on the thread that moved a clock on; the run goes elsewhere.
        await Task.Yield();
        return ticked;
    }
}
