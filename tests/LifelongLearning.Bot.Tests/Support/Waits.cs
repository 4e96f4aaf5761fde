using System.Diagnostics;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>
/// The one polling wait of the tests: checks a condition every 20 ms until it holds, and fails with what was
/// awaited (and what was seen) when it does not within the time. Never a bare delay: the wait ends as soon
/// as the thing happens, and the time is only the limit of a failing test.
/// </summary>
public static class Waits
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <param name="between">Runs between two checks (a test on a fake clock moves it on a little there).</param>
    /// <param name="seen">What to say, on failure, about what was there instead.</param>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null, string what = "condition not met",
        Action? between = null, Func<string>? seen = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit)
                throw new TimeoutException(seen is null ? $"{what} (waited {limit.TotalSeconds:0.#} s)" : $"{what} (waited {limit.TotalSeconds:0.#} s). Seen: {seen()}");
            between?.Invoke();
            await Task.Delay(Interval);
        }
    }

    /// <summary>Waits until <paramref name="probe"/> finds something, and returns it.</summary>
    public static async Task<T> ForAsync<T>(Func<T?> probe, TimeSpan? timeout = null, string what = "nothing found",
        Func<string>? seen = null) where T : class
    {
        T? found = null;
        await UntilAsync(() => (found = probe()) is not null, timeout, what, seen: seen);
        return found!;
    }
}
