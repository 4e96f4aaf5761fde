namespace LifelongLearning.Bot.Charts;

/// <summary>
/// The font shipped with the bot. A commune server may have no font with Vietnamese glyphs, and then
/// ScottPlot would draw boxes instead of "ư", "ắ"…; so every chart text uses this file, never a system font.
/// </summary>
public static class ChartFonts
{
    // A name no system font has, so ScottPlot's resolvers can only answer it with our files.
    public const string FamilyName = "LLB DejaVu Sans";

    public static string RegularPath { get; } = Path.Combine(AppContext.BaseDirectory, "Charts", "Fonts", "DejaVuSans.ttf");

    public static string BoldPath { get; } = Path.Combine(AppContext.BaseDirectory, "Charts", "Fonts", "DejaVuSans-Bold.ttf");

    private static readonly Lazy<bool> Registered = new(() =>
    {
        ScottPlot.Fonts.AddFontFile(FamilyName, RegularPath, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(FamilyName, BoldPath, bold: true, italic: false);
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the font files with ScottPlot once per process; throws if they were not deployed.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;
}
