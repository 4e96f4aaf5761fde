using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>A process started on a two-commune city file (Support/City) stores each commune's units as that commune's.</summary>
public sealed class TelegramCityStartTests : TelegramBotTestBase
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Bot:CityPath"] = Path.Combine(AppContext.BaseDirectory, "Support", "City", "thanh-pho-thu.json");
        return settings;
    }

    [Fact]
    public void Each_commune_of_the_city_has_its_own_units_in_the_store()
    {
        Assert.Equal(["HB-NVH", "HB-TV"], Bot.Store.For("hoa-binh").Units.FindAll().Select(u => u.Id).Order());
        Assert.Equal("Thư viện xã Hòa Bình", Bot.Store.For("hoa-binh").Units.FindById("HB-TV")!.Name);
        Assert.Equal(14, Bot.Store.For(Communes.Shipped).Units.Count());
        Assert.Null(Bot.Store.For(Communes.Shipped).Units.FindById("HB-TV"));
    }
}
