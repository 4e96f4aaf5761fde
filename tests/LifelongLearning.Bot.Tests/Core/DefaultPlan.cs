using LifelongLearning.Bot.Core.Plans;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core;

/// <summary>The commune's default plan, as copied next to the tests by the host project.</summary>
internal static class DefaultPlan
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "plan", "ke-hoach-04-KH-UBND.json");

    private static readonly Lazy<Plan> Loaded = new(() => PlanLoader.LoadFile(Path));

    public static Plan Value => Loaded.Value;
}
