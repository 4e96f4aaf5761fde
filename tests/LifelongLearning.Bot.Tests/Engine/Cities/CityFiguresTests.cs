using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine.Cities;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Cities;

/// <summary>
/// The city's figures come from every commune's stored units and answers, through Core's roll-up: Tân Kỳ has
/// two units, one on time and one missing; An Lão has one unit that answered after its deadline.
/// </summary>
public sealed class CityFiguresTests : IDisposable
{
    private static readonly ReportingPeriod Year2025 = ReportingPeriod.WholeYear(2025);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private readonly string _folder = Directory.CreateTempSubdirectory("city-figures-").FullName;
    private readonly BotStore _store;
    private readonly CityPlan _city;

    public CityFiguresTests()
    {
        _city = CityLoader.LoadFile(TestCity.Write(_folder));
        _store = new BotStore(Path.Combine(_folder, "bot.db"));
        _store.Write(() =>
        {
            var tanKy = _store.For(Communes.Shipped);
            tanKy.Units.Insert(new UnitRecord { Id = "TV-XA", Name = "Thư viện xã Tân Kỳ", Kind = "thu-vien-xa" });
            tanKy.Units.Insert(new UnitRecord { Id = "NVH-1", Name = "Nhà văn hóa Thôn 1", Kind = "nha-van-hoa" });
            var anLao = _store.For(TestCity.Second);
            // Unit codes are ids across the store today: An Lão's library has a code of its own.
            anLao.Units.Insert(new UnitRecord { Id = "AL-TV", Name = "Thư viện xã An Lão", Kind = "thu-vien-xa" });
            // Round ids are the period's code in one commune; another commune's round of the same period needs its own id.
            Round(tanKy, "2025", RoundStatus.Closed);
            Round(anLao, "an-lao/2025", RoundStatus.Open);
            Answer(tanKy, "2025", "TV-XA", "TV-LUOT", 1200, new DateTime(2025, 12, 16, 3, 0, 0, DateTimeKind.Utc));
            // 19/12 at 18:00 UTC is 20/12 in Vietnam: a day past the deadline of 19/12.
            Answer(anLao, "an-lao/2025", "AL-TV", "TV-LUOT", 800, new DateTime(2025, 12, 19, 18, 0, 0, DateTimeKind.Utc));
        });
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Round(CommuneStore commune, string id, RoundStatus status) => commune.Rounds.Insert(new Round
    {
        Id = id, Kind = PeriodKind.Year, Year = 2025, Number = 1, Status = status,
        Deadline = new DateOnly(2025, 12, 19), ClosesOn = new DateOnly(2026, 1, 3),
    });

    private static void Answer(CommuneStore commune, string round, string unit, string code, decimal value, DateTime at) =>
        commune.Answers.Insert(new Answer
        {
            Id = LifelongLearning.Bot.Storage.Answer.IdOf(round, unit, code), RoundId = round, UnitId = unit, IndicatorCode = code,
            Value = AnswerValue.Of(value), FirstConfirmedAt = at,
        });

    private NodeFigures Figures() => _store.Read(() => new CityFigures(_store).Of(_city, Year2025, _ => Zone));

    [Fact]
    public void Each_commune_counts_its_own_units_and_a_late_answer_is_late_on_the_commune_s_calendar()
    {
        var city = Figures();
        var (tanKy, anLao) = (city.Children[0], city.Children[1]);
        Assert.Equal(("Xã Tân Kỳ", 1, 2, 0), (tanKy.Node.Name, tanKy.Completeness.Answered, tanKy.Completeness.Expected, tanKy.Completeness.Late.Count));
        Assert.Equal(("Xã An Lão", 1, 1, 1), (anLao.Node.Name, anLao.Completeness.Answered, anLao.Completeness.Expected, anLao.Completeness.Late.Count));
        Assert.Equal(2000m, city.FigureOf("TV-LUOT")!.Value);
        Assert.Contains("Xã Tân Kỳ: 1/2 đơn vị", CityDigest.Text(city, new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void The_latest_period_is_an_open_round_of_any_commune()
    {
        Assert.Equal(Year2025, _store.Read(() => new CityFigures(_store).LatestPeriod(_city)));
    }

    [Fact]
    public void The_chart_ranks_the_complete_commune_first()
    {
        var city = Figures();
        var bars = city.Children.Select(c => new CommuneBar(c.Node.Name, c.Completeness.Answered, c.Completeness.Expected));
        Assert.Equal(["Xã An Lão", "Xã Tân Kỳ"], CityChart.Ranked(bars).Select(b => b.Name));
        var png = CityChart.Render("Thành phố Thử — năm 2025", bars);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal((CityChart.Width, CityChart.HeightFor(2)), (bitmap.Width, bitmap.Height));
    }
}
