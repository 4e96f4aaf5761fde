using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// The engine on a temporary database, on a fake clock at Monday 1/6/2026, 09:00 in the commune, with an admin
/// writing from chat "admin": what a command class's tests start from.
/// </summary>
public abstract class EngineCommandTestBase : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));

    protected EngineHost Bot { get; private set; } = null!;

    protected EngineChat Chat { get; private set; } = null!;

    protected BotStore Store => Bot.Store;

    /// <summary>The configuration the engine starts with; a test class of a city adds <c>Bot:CityPath</c>.</summary>
    protected virtual Dictionary<string, string?> Settings => new() { ["Bot:AdminChatIds:0"] = "test:admin" };

    /// <summary>The test city of Support/City: the shipped xã Tân Kỳ and xã Hòa Bình ("hoa-binh", units HB-TV and HB-NVH).</summary>
    protected static string TestCityPath => Path.Combine(AppContext.BaseDirectory, "Support", "City", "thanh-pho-thu.json");

    public async Task InitializeAsync()
    {
        Bot = await EngineHost.StartAsync(Settings, services => services.AddSingleton<TimeProvider>(Clock));
        Chat = new EngineChat(Bot);
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
