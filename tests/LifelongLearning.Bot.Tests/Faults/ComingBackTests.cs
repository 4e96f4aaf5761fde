using Xunit;

namespace LifelongLearning.Bot.Tests.Faults;

/// <summary>A resident who left with /ngung comes back by typing «đồng ý», as Zalo's /start tells them to.</summary>
public sealed class ComingBackTests : IAsyncLifetime
{
    private FaultBot _bot = null!;

    public async Task InitializeAsync() => _bot = await FaultBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void A_resident_who_left_can_come_back_by_typing_dong_y()
    {
        _bot.Say(FaultBot.Resident, "/ngung");
        Assert.Contains("đồng ý", _bot.Text(FaultBot.Resident, "/start"));
        Assert.Contains("Cảm ơn anh/chị đã đăng ký", _bot.Text(FaultBot.Resident, "Đồng ý"));
        Assert.Contains(_bot.Store.Subscribers.FindAll(), s => s.Active);
    }
}
