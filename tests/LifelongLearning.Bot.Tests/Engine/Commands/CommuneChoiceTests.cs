using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// A bot serving a city of two communes (Support/City): a resident who says yes names their commune first, by
/// number, by name or by code, and is then a resident of that commune only.
/// </summary>
public sealed class CommuneChoiceTests : IAsyncLifetime
{
    private EngineHost _bot = null!;
    private EngineChat _chat = null!;

    private BotStore Store => _bot.Store;

    public async Task InitializeAsync()
    {
        _bot = await EngineHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:CityPath"] = Path.Combine(AppContext.BaseDirectory, "Support", "City", "thanh-pho-thu.json"),
        });
        _chat = new EngineChat(_bot);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public void A_newcomer_who_agrees_is_asked_for_their_commune_and_subscribes_to_the_one_they_pick()
    {
        Assert.Contains("bot học tập suốt đời của Thành phố Thử", _chat.Ask("nam", "/start"));

        Assert.Contains("Anh/chị ở xã nào?", _chat.Ask("nam", "đồng ý"));
        Assert.Equal(["Xã Tân Kỳ", "Xã Hòa Bình"], _chat.Queued("nam").Last().Choices.Select(c => c.Label));
        Assert.Empty(Store.Members.Find(m => m.Role == Role.Resident));

        Assert.Contains("các sự kiện học tập của xã Hòa Bình", _chat.Ask("nam", "2"));
        var nam = Store.Members.FindOne(m => m.Role == Role.Resident);
        Assert.Equal("hoa-binh", nam.CommuneId);
        Assert.True(Store.For("hoa-binh").Subscribers.FindById(nam.Id)!.Active);
        Assert.Null(Store.For(Communes.Shipped).Subscribers.FindById(nam.Id));
    }

    [Fact]
    public void The_commune_may_be_typed_by_name_without_accents_or_given_with_the_command()
    {
        _chat.Ask("ha", "dong y");
        Assert.Contains("của xã Tân Kỳ", _chat.Ask("ha", "tan ky"));
        Assert.Contains("của xã Hòa Bình", _chat.Ask("binh", "/dangky Xã Hòa Bình"));

        var audience = _bot.Services.GetRequiredService<Audience>();
        Assert.Equal(["ha"], audience.Residents(Communes.Shipped, null).Select(a => a.ChatId));
        Assert.Equal(["binh"], audience.Residents("hoa-binh", null).Select(a => a.ChatId));
        Assert.Equal(["ha", "binh"], audience.Residents(null, null).Select(a => a.ChatId));
    }

    [Fact]
    public void A_commune_the_city_does_not_have_is_named_as_such_and_stores_nothing()
    {
        var answer = _chat.Ask("lac", "/dangky Sao Hỏa");

        Assert.Contains("Không có xã «Sao Hỏa» trong Thành phố Thử", answer);
        Assert.Contains("Anh/chị ở xã nào?", answer);
        Assert.Empty(Store.Members.FindAll());
        Assert.Empty(Store.Subscribers.FindAll());
    }

    [Fact]
    public void A_resident_chooses_among_the_villages_of_their_own_commune()
    {
        _chat.Ask("binh", "/dangky hoa-binh");

        Assert.Contains("thôn, khu dân cư nào?", _chat.Ask("binh", "/khuvuc"));
        Assert.Equal(["Thôn Đông", "Thôn Tây", "Cả xã"], _chat.Queued("binh").Last().Choices.Select(c => c.Label));
        Assert.Contains("Đã chọn: Thôn Tây", _chat.Ask("binh", "tây"));
        Assert.Equal("Thôn Tây", Store.For("hoa-binh").Subscribers.FindOne(s => true)!.Area);
    }

    [Fact]
    public void Each_residents_calendar_and_each_officials_event_list_hold_only_their_own_communes_events()
    {
        var soon = DateTime.UtcNow.AddDays(3);
        Store.Write(() =>
        {
            Store.For("hoa-binh").Events.Insert(new EventRecord { Title = "Ngày hội đọc sách Hòa Bình", StartsAt = soon, AllDay = true });
            Store.For(Communes.Shipped).Events.Insert(new EventRecord { Title = "Câu lạc bộ Tân Kỳ", StartsAt = soon, AllDay = true });
        });
        _chat.Ask("binh", "/dangky hoa-binh");
        _chat.Join("ha", "Chị Hà", Role.Official, communeId: "hoa-binh");

        var calendar = _chat.Ask("binh", "/lich");
        Assert.Contains("Ngày hội đọc sách Hòa Bình", calendar);
        Assert.DoesNotContain("Câu lạc bộ Tân Kỳ", calendar);
        var list = _chat.Ask("ha", "/dssukien");
        Assert.Contains("Ngày hội đọc sách Hòa Bình", list);
        Assert.DoesNotContain("Câu lạc bộ Tân Kỳ", list);
        var tanKy = Store.For(Communes.Shipped).Events.FindOne(e => e.Title == "Câu lạc bộ Tân Kỳ")!;
        Assert.Contains("Gõ /huysukien kèm số", _chat.Ask("ha", $"/huysukien {tanKy.Id}"));
        Assert.Null(Store.Events.FindById(tanKy.Id)!.CancelledAt);
    }
}
