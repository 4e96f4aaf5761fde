using System.Globalization;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Benchmarks;

/// <summary>
/// A city the size of Hải Phòng written into a real store, in CityBench's shape (114 communes × 15 units × 10 years
/// of half-year and yearly rounds, 4% of units silent and 10% late in each round, 3% of answers «bỏ qua»), with a
/// unit head per unit and the city's residents subscribed. Rounds are opened by the bot's own RoundService; units,
/// answers and residents are stamped with their commune and inserted in bulk, one commune a transaction, because
/// the seeding is not what is measured (CommuneCollection has no bulk insert; the rows are the ones it would write).
/// </summary>
public static class CityStoreSeed
{
    public const int Communes = 114;
    public const int UnitsPerCommune = 15;
    public const int Years = 10;
    public const int LastYear = 2026;
    private const long HeadChats = 900_000_000;
    private const long ResidentChats = 1_000_000;

    /// <summary>
    /// The default plan in every commune, with its units' codes made the commune's own ("TV-TH-007"): a unit code is
    /// its id in the whole store, and CommuneDirectory refuses two communes holding one.
    /// </summary>
    public static CityPlan City(Plan plan)
    {
        var units = plan.Units.Append(new PlanUnit("TV-CD", "Thư viện cộng đồng", "thu-vien-khac", null)).Take(UnitsPerCommune).ToList();
        return new CityPlan("Thành phố Hải Phòng", [.. Enumerable.Range(1, Communes).Select(n =>
            new CityCommune($"xa-{n:000}", $"Xã Thử {n:000}", plan with { Units = [.. units.Select(u => u with { Code = $"{u.Code}-{n:000}" })] }))],
            plan.Indicators);
    }

    public static IReadOnlyList<ReportingPeriod> Periods(Plan plan) =>
    [
        .. Enumerable.Range(LastYear - Years + 1, Years).SelectMany(y => plan.Schedule.Rounds.SelectMany(kind => kind == PeriodKind.HalfYear
            ? new[] { ReportingPeriod.FirstHalf(y), ReportingPeriod.SecondHalf(y) }
            : [new ReportingPeriod(kind, y)])),
    ];

    /// <summary>Units, unit heads (on Telegram), rounds (the last one open) and answers; returns the answers written.</summary>
    public static int Reports(BotStore store, CommuneDirectory communes, RoundService rounds, Members members)
    {
        var random = new Random(16);
        var written = 0;
        var head = 0;
        foreach (var commune in communes.All)
        {
            var plan = commune.Plan;
            var periods = Periods(plan);
            written += store.Write(() =>
            {
                var mine = store.For(commune.Code);
                var units = plan.Units.Select(u => new UnitRecord { CommuneId = commune.Code, Id = u.Code, Name = $"{u.Name} ({commune.Name})", Kind = u.Kind, Area = u.Area }).ToList();
                store.Units.InsertBulk(units);
                var heads = units.ToDictionary(u => u.Id, u =>
                    members.Create(TelegramUpdateMapper.Channel, (HeadChats + head++).ToString(CultureInfo.InvariantCulture), $"Trưởng {u.Name}", Role.Reporter, u.Id, commune.Code));
                var answers = new List<Answer>();
                foreach (var period in periods)
                {
                    var round = rounds.Open(commune.Code, period, askReporters: false);
                    if (period != periods[^1])
                    {
                        round.Status = RoundStatus.Closed;
                        round.ClosedAt = round.ClosesOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                        mine.Rounds.Update(round);
                    }
                    foreach (var unit in units)
                    {
                        if (random.NextDouble() < 0.04) continue; // has not reported
                        // Confirmed five days before the deadline, or three after it (late), at 09:00 local.
                        var at = round.Deadline.AddDays(random.NextDouble() < 0.1 ? 3 : -5).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                        var by = heads[unit.Id];
                        foreach (var indicator in plan.IndicatorsFor(unit.Kind, period.Kind))
                        {
                            var value = random.NextDouble() < 0.03 ? AnswerValue.Missing
                                : indicator.Kind == IndicatorKind.YesNo ? AnswerValue.Of(random.NextDouble() < 0.75)
                                : AnswerValue.Of(random.Next(0, 2_000) * (period.Year - 2000));
                            answers.Add(new Answer
                            {
                                CommuneId = commune.Code, Id = Answer.IdOf(round.Id, unit.Id, indicator.Code), RoundId = round.Id, UnitId = unit.Id,
                                IndicatorCode = indicator.Code, Value = value, FirstConfirmedAt = at,
                                Revisions = [new Revision { Value = value, MemberId = by.Id, MemberName = by.Name, Channel = TelegramUpdateMapper.Channel, At = at }],
                            });
                        }
                    }
                }
                return store.Answers.InsertBulk(answers);
            });
        }
        return written;
    }

    /// <summary>The city's residents, spread evenly over the communes, each subscribed on Telegram (as BroadcastWorld, per commune).</summary>
    public static void Residents(BotStore store, CommuneDirectory communes, int residents)
    {
        var now = DateTime.UtcNow;
        var firstId = store.Read(() => store.Members.Count()) + 1; // member ids are numbers, after the unit heads'
        var perCommune = (residents + communes.All.Count - 1) / communes.All.Count;
        for (var c = 0; c < communes.All.Count; c++)
        {
            var commune = communes.All[c].Code;
            var ids = Enumerable.Range(c * perCommune, Math.Max(0, Math.Min(perCommune, residents - c * perCommune))).ToList();
            string Id(int n) => (firstId + n).ToString(CultureInfo.InvariantCulture);
            string Chat(int n) => (ResidentChats + n).ToString(CultureInfo.InvariantCulture);
            store.Write(() =>
            {
                store.Members.InsertBulk(ids.Select(n => new Member { CommuneId = commune, Id = Id(n), Name = $"Người dân {n}", Role = Role.Resident, CreatedAt = now }));
                store.Accounts.InsertBulk(ids.Select(n => new ChatAccount
                {
                    CommuneId = commune, Id = ChatAccount.AddressOf(TelegramUpdateMapper.Channel, Chat(n)), Channel = TelegramUpdateMapper.Channel,
                    ChatId = Chat(n), MemberId = Id(n), DisplayName = $"Người dân {n}", LastSeenAt = now,
                }));
                store.Subscribers.InsertBulk(ids.Select(n => new Subscriber { CommuneId = commune, Id = Id(n), Active = true, SubscribedAt = now.AddSeconds(n) }));
            });
        }
    }

    /// <summary>The chat of the n-th unit head (in the order of <see cref="Reports"/>).</summary>
    public static string HeadChat(int n) => (HeadChats + n).ToString(CultureInfo.InvariantCulture);
}
