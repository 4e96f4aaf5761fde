using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Hosting;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace LifelongLearning.Bot.Tests.Hosting;

/// <summary>Bot:CityPath: empty, the one commune of Bot:PlanPath as before; set, every commune of the city file in one process.</summary>
public sealed class CommuneDirectoryCompositionTests
{
    private static IServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBotCore();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Without_a_city_file_the_process_serves_the_one_commune_of_its_plan_as_before()
    {
        var services = Compose([]);
        var communes = services.GetRequiredService<CommuneDirectory>();

        Assert.Null(communes.City);
        Assert.False(communes.ServesMany);
        var only = Assert.Single(communes.All);
        Assert.Equal(Communes.Shipped, only.Code);
        Assert.Equal("Xã Quảng Nghiệp", communes.PlanOf(Communes.Shipped).Commune.Name);
        Assert.Same(communes.PlanOf(Communes.Shipped), services.GetRequiredService<Plan>());
    }

    [Fact]
    public void A_city_file_serves_each_of_its_communes_with_its_own_plan()
    {
        var services = Compose(new() { ["Bot:CityPath"] = Path.Combine(AppContext.BaseDirectory, "Support", "City", "thanh-pho-thu.json") });
        var communes = services.GetRequiredService<CommuneDirectory>();

        Assert.Equal("Thành phố Thử", communes.City!.Name);
        Assert.True(communes.ServesMany);
        Assert.Equal(["tan-ky", "hoa-binh"], communes.All.Select(c => c.Code));
        Assert.Equal("Xã Hòa Bình", communes.PlanOf("hoa-binh").Commune.Name);
        Assert.Equal(["HB-TV", "HB-NVH"], communes.PlanOf("hoa-binh").Units.Select(u => u.Code));
        Assert.Equal(10, communes.PlanOf("hoa-binh").Schedule.DeadlineDaysAfterCutOff);
        Assert.Equal(5, communes.PlanOf("tan-ky").Schedule.DeadlineDaysAfterCutOff);
        Assert.Equal(Communes.Shipped, communes.Default);
    }

    [Fact]
    public void The_shipped_city_file_loads()
    {
        var communes = Compose(new() { ["Bot:CityPath"] = "plan/thanh-pho-hai-phong.json" }).GetRequiredService<CommuneDirectory>();
        Assert.Equal("Thành phố Hải Phòng", communes.City!.Name);
        Assert.Equal("tan-ky", Assert.Single(communes.All).Code);
    }

    [Fact]
    public void A_city_file_that_is_not_there_stops_the_start_naming_the_key()
    {
        var services = Compose(new() { ["Bot:CityPath"] = "plan/khong-co.json" });
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotOptions>>().Value);
        Assert.Contains("Bot:CityPath", failure.Message);
    }
}
