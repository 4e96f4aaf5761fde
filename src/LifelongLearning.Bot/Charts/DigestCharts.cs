namespace LifelongLearning.Bot.Charts;

/// <summary>
/// Draws the digest's chart for the engine. A class rather than the static call so that a test can hold the
/// drawing half-way and see that nobody else's message waits on it (the drawing runs outside the store's lock).
/// </summary>
public class DigestCharts
{
    public virtual byte[] Draw(ChartInput input) => DigestChart.Render(input);
}
