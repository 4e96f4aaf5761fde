using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// The demo commune for the console and the export samples: a culture officer, three unit heads and a
/// resident; the yearly figures of every unit since the plan's base year (2023), sent around each
/// deadline on Zalo or Telegram, a few late, one unit missing some years, one figure corrected; and this
/// year's round open with three units already reported, so that anyone can try a whole report and see
/// the officials' status, digest and exports.
/// </summary>
public sealed class DemoCommune(BotStore store, CommuneClock clock, RoundService rounds, Members members, CommuneDirectory communes)
{
    public const string Channel = "console";
    private const int FirstYear = 2023;

    /// <summary>The demo is the commune served first: the shipped one, unless a city file leaves it out.</summary>
    private string Commune => communes.Default;

    /// <summary>Who would have sent each unit's figures (people of the demo, not real ones).</summary>
    private static readonly Dictionary<string, string> Senders = new()
    {
        ["TV-XA"] = "Anh Tuấn", ["TV-MN"] = "Cô Thảo", ["TV-TH"] = "Cô Hoa", ["TV-THCS"] = "Thầy Dũng", ["TT-VHTT"] = "Chị Hằng",
        ["NVH-1"] = "Anh Minh", ["NVH-2"] = "Chú Bình", ["NVH-3"] = "Chị Yến", ["NVH-4"] = "Chú Quang", ["MTTQ"] = "Bà Xuân",
        ["HKH"] = "Ông Khải", ["HCGC"] = "Ông Đức", ["DTT"] = "Anh Phong", ["TCKT"] = "Chị Nhung",
    };

    /// <summary>Units that did not report a year: the report must say so, not count them as zero.</summary>
    private static readonly Dictionary<int, string> MissingIn = new() { [2024] = "HCGC", [2025] = "NVH-4" };

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
            store.For(Commune).Subscribers.Insert(new Subscriber { Id = nga.Id, Area = "Thôn 1", Active = true, SubscribedAt = clock.UtcNow });

            var thisYear = ReportingPeriod.Containing(PeriodKind.Year, clock.Today);
            var units = store.For(Commune).Units.FindAll().OrderBy(u => u.Id).ToList();
            for (var year = Math.Min(FirstYear, thisYear.Year - 1); year < thisYear.Year; year++)
                PastYear(ReportingPeriod.WholeYear(year), units);

            var seeder = new Member { Id = "0", Name = "Dữ liệu mẫu" };
            var open = rounds.Open(Commune, thisYear);
            foreach (var (unit, i) in units.Select((u, i) => (u, i)).Where(x => x.u.Id is "TV-THCS" or "TT-VHTT" or "TV-MN"))
                rounds.Submit(open, unit.Id, seeder, Channel, Figures(unit, open, i + 1, thisYear.Year));
        });
    }

    /// <summary>A closed yearly round: each unit's figures sent some days around the deadline, on Zalo or Telegram.</summary>
    private void PastYear(ReportingPeriod period, List<UnitRecord> units)
    {
        var round = rounds.Open(Commune, period, askReporters: false);
        round.OpenedAt = clock.ToUtc(period.To.AddDays(1), new TimeOnly(8, 0));
        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.ToUtc(round.ClosesOn, TimeOnly.MinValue);
        store.Rounds.Update(round);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (MissingIn.GetValueOrDefault(period.Year) == unit.Id) continue;
            var sender = new Member { Id = $"demo-{unit.Id}", Name = Senders.GetValueOrDefault(unit.Id, "Cán bộ đơn vị") };
            var channel = i % 3 == 0 ? "telegram" : "zalo";
            var figures = Figures(unit, round, i, period.Year);
            // One unit could not give one figure in the first year: it stays missing, never 0.
            if (period.Year == FirstYear && unit.Id == "TV-MN") figures["TV-LUANCHUYEN"] = AnswerValue.Missing;
            rounds.Submit(round, unit.Id, sender, channel, figures);
            // Most send a few days before the deadline; two units a few days after it.
            var daysBefore = (i * 7 + period.Year) % 5 - (unit.Id is "DTT" or "NVH-3" ? 7 : 0);
            var sentAt = clock.ToUtc(round.Deadline.AddDays(-daysBefore), new TimeOnly(9 + i % 8, 15 + i * 3 % 40));
            foreach (var answer in store.AnswersOf(round.Id, unit.Id).ToList())
            {
                answer.FirstConfirmedAt = sentAt;
                foreach (var revision in answer.Revisions) revision.At = sentAt;
                store.Answers.Update(answer);
            }
            if (unit.Id == "TV-TH" && period.Year == FirstYear + 2) Correct(round, unit, sender, sentAt);
        }
    }

    /// <summary>The primary-school library corrects its visits two days after sending: the revisions sheet shows it.</summary>
    private void Correct(Round round, UnitRecord unit, Member sender, DateTime sentAt)
    {
        var answer = store.Answers.FindById(Answer.IdOf(round.Id, unit.Id, "TV-LUOT"));
        if (answer?.Value.Number is not { } visits) return;
        var corrected = AnswerValue.Of(visits + 120);
        answer.Value = corrected;
        answer.Revisions.Add(new Revision { Value = corrected, MemberId = sender.Id, MemberName = sender.Name, Channel = "zalo", At = sentAt.AddDays(2).AddHours(3) });
        store.Answers.Update(answer);
    }

    private Member Person(string chatId, string name, Role role, string? unitId) => members.Create(Channel, chatId, name, role, unitId, Commune);

    /// <summary>Plausible figures: visits grow about 11% a year, more units say "có" as the years pass.</summary>
    private Dictionary<string, AnswerValue> Figures(UnitRecord unit, Round round, int seed, int year)
    {
        var years = Math.Max(0, year - FirstYear);
        var growth = (decimal)Math.Pow(1.11, years);
        return rounds.IndicatorsFor(unit, round).ToDictionary(i => i.Code, i => i.Kind switch
        {
            // Digital transformation lags (two of four libraries): the report has something to propose.
            Core.Plans.IndicatorKind.YesNo when i.Code == "TV-CDS" => AnswerValue.Of(seed % 2 == 1 && (years >= 1 || unit.Kind == "thu-vien-xa")),
            Core.Plans.IndicatorKind.YesNo => AnswerValue.Of((seed + i.Code.Length + years) % 3 != 0 || (years >= 2 && seed % 2 == 0)),
            Core.Plans.IndicatorKind.Money => AnswerValue.Of(5_000_000m * (seed % 4 + 1 + years)),
            _ when i.Code == "VH-THANHVIEN" => AnswerValue.Of(Math.Round((25 + seed * 7 % 40) * growth)),
            _ when i.UnitOfMeasure is "lượt" or "lượt người" or "bản" => AnswerValue.Of(Math.Round((300 + seed * 55 + i.Code.Length * 13) * growth)),
            _ => AnswerValue.Of(2 + (seed + i.Code.Length + years) % 9),
        });
    }
}
