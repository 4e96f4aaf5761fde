using System.Text.Json;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>The runtime settings the bot ships with, whoever starts it and however.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_built_bot_turns_off_idle_thread_pool_spinning()
    {
        // Read from the runtimeconfig.json the build writes beside the bot, the file the runtime itself reads at start.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "LifelongLearning.Bot.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var limit), properties.ToString());
        Assert.Equal("0", limit.ToString());
    }
}
