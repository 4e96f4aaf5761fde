using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// The demo commune for the console: a culture officer, three unit heads and a resident, last year's
/// figures, and this year's round open with two units already reported, so that anyone can try a whole
/// report and see the officials' status and digest.
/// </summary>
public sealed class DemoCommune(BotStore store, PlanHolder time, RoundService rounds, Members members)
{
    public const string Channel = "console";

    public void SeedIfEmpty()
    {
        if (store.Members.Count() > 0) return;
        store.Write(() =>
        {
            Person("lan", "Chị Lan", Role.Official, null);
            Person("hoa", "Cô Hoa", Role.Reporter, "TV-TH");
            Person("minh", "Anh Minh", Role.Reporter, "NVH-1");
            Person("tuan", "Anh Tuấn", Role.Reporter, "TV-XA");
            var nga = Person("nga", "Bà Nga", Role.Resident, null);
            store.Subscribers.Insert(new Subscriber { Id = nga.Id, Area = "Thôn 1", Active = true, SubscribedAt = time.UtcNow });

            var thisYear = ReportingPeriod.Containing(PeriodKind.Year, time.Today);
            var lastYear = thisYear.YearBefore();
            var last = rounds.Open(lastYear, askReporters: false);
            last.Status = RoundStatus.Closed;
            last.ClosedAt = time.UtcNow;
            store.Rounds.Update(last);
            var seeder = new Member { Id = "0", Name = "Dữ liệu mẫu" };
            var units = store.Units.FindAll().ToList();
            for (var i = 0; i < units.Count; i++)
                rounds.Submit(last, units[i].Id, seeder, Channel, Figures(units[i], last, i, lastYear.Year));

            var open = rounds.Open(thisYear);
            foreach (var (unit, i) in units.Select((u, i) => (u, i)).Where(x => x.u.Id is "TV-THCS" or "TT-VHTT" or "TV-MN"))
                rounds.Submit(open, unit.Id, seeder, Channel, Figures(unit, open, i + 1, thisYear.Year));
        });
    }

    private Member Person(string chatId, string name, Role role, string? unitId) => members.Create(Channel, chatId, name, role, unitId);

    private Dictionary<string, AnswerValue> Figures(UnitRecord unit, Round round, int seed, int year)
    {
        var growth = 1 + (year % 10) / 10m;
        return rounds.IndicatorsFor(unit, round).ToDictionary(i => i.Code, i => i.Kind switch
        {
            Core.Plans.IndicatorKind.YesNo => AnswerValue.Of((seed + i.Code.Length) % 3 != 0),
            Core.Plans.IndicatorKind.Money => AnswerValue.Of(5_000_000m * (seed % 4 + 1)),
            _ when i.UnitOfMeasure is "lượt" or "lượt người" or "bản" => AnswerValue.Of(Math.Round((300 + seed * 55 + i.Code.Length * 13) * growth)),
            _ => AnswerValue.Of(2 + (seed + i.Code.Length) % 9),
        });
    }
}
