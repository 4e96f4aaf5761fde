using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Reporting;
using LifelongLearning.Bot.Engine.Flows;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// Rounds and the answers in them: open a round, say what a unit owes, store a confirmed report. A round is its
/// commune's (<see cref="Round.CommuneId"/>): its plan, its units and its answers are that commune's, so a method
/// given a round needs no commune besides it.
/// </summary>
public sealed class RoundService(BotStore store, CommuneDirectory communes, CommuneClock clock, Messenger messenger, ConversationBook? conversations = null)
{
    private readonly ConversationBook _conversations = conversations ?? new ConversationBook(store, clock);

    public Plan PlanOf(Round round) => communes.PlanOf(round.CommuneId);

    /// <summary>The commune's open rounds, the nearest deadline first.</summary>
    public IReadOnlyList<Round> OpenRounds(string communeId) =>
        [.. store.For(communeId).Rounds.Find(r => r.Status == RoundStatus.Open).OrderBy(r => r.Deadline)];

    /// <summary>A round by its id (ids are unique in the store: <see cref="Round.IdOf"/>).</summary>
    public Round? Find(string id) => store.Rounds.FindById(id);

    /// <summary>The commune's round of a period, if it was opened.</summary>
    public Round? Find(string communeId, ReportingPeriod period) => store.For(communeId).Rounds.FindById(Round.IdOf(communeId, period));

    /// <summary>What the unit answers in the round; nothing in another commune's round.</summary>
    public IReadOnlyList<Indicator> IndicatorsFor(UnitRecord unit, Round round) =>
        unit.CommuneId == round.CommuneId ? PlanOf(round).IndicatorsFor(unit.Kind, round.Kind) : [];

    /// <summary>The active units of the round's commune that answer something in it.</summary>
    public IReadOnlyList<UnitRecord> UnitsOf(Round round) =>
        [.. store.For(round.CommuneId).Units.Find(u => u.Active).Where(u => IndicatorsFor(u, round).Count > 0).OrderBy(u => u.Id)];

    public IReadOnlyList<Member> ReportersOf(string unitId) =>
        [.. store.Members.Find(m => m.UnitId == unitId && m.Role == Role.Reporter && m.RemovedAt == null)];

    public Dictionary<string, AnswerValue> ConfirmedAnswers(string roundId, string unitId) =>
        store.AnswersOf(roundId, unitId).ToEnumerable().ToDictionary(a => a.IndicatorCode, a => a.Value);

    public bool HasReported(string roundId, string unitId) => store.AnswersOf(roundId, unitId).Exists();

    /// <summary>Opens the commune's round of a period (once), and asks every reporter of every unit its first question.</summary>
    public Round Open(string communeId, ReportingPeriod period, bool askReporters = true)
    {
        var existing = Find(communeId, period);
        if (existing is not null) return existing;
        var plan = communes.PlanOf(communeId);
        // Reporters asked now never hear a deadline that has passed; a round stored without asking anyone
        // (past figures typed in, the demo) keeps the plan's.
        var deadline = askReporters ? plan.DeadlineFor(period, clock.Today) : plan.DeadlineFor(period);
        var round = new Round
        {
            CommuneId = communeId,
            Id = Round.IdOf(communeId, period),
            Kind = period.Kind,
            Year = period.Year,
            Number = period.Number,
            Deadline = deadline,
            ClosesOn = deadline.AddDays(plan.Schedule.CloseDaysAfterDeadline),
            Status = RoundStatus.Open,
            OpenedAt = clock.UtcNow,
        };
        store.For(communeId).Rounds.Insert(round);
        if (!askReporters) return round;
        foreach (var unit in UnitsOf(round))
            foreach (var reporter in ReportersOf(unit.Id))
                AskToReport(reporter, unit, round);
        return round;
    }

    /// <summary>Starts the member's report of this round and sends the first question, unless they are busy with another.</summary>
    public void AskToReport(Member reporter, UnitRecord unit, Round round)
    {
        var conversation = _conversations.Of(reporter.Id);
        var opening = $"Kỳ báo cáo {round.Period.Label} đã mở; hạn gửi {Core.Text.VietnameseFormat.Date(round.Deadline)}.";
        // The data window (Nghị định 09, Điều 12) ends the opening, so nobody counts a half-year from 1/1.
        var window = DataWindow.Sentence(round.Period) + ".";
        if (conversation.Mode != ConversationMode.Idle)
        {
            messenger.ToMember(reporter.Id, $"{opening} Gõ /baocao khi xong việc đang làm. {window}", OutboxKinds.Reminder, DedupKeys.Opening(round.Id, reporter.Id));
            return;
        }
        var step = ReportSession.Begin(conversation, round.Id, unit.Id, ContextFor(round, unit), ConfirmedAnswers(round.Id, unit.Id));
        _conversations.Save(conversation);
        var replies = step.Replies.ToList();
        replies[0] = replies[0] with { Text = $"{opening} {window}\n{replies[0].Text}" };
        foreach (var reply in replies) messenger.ToMember(reporter.Id, reply, OutboxKinds.Reminder);
    }

    public ReportContext ContextFor(Round round, UnitRecord unit)
    {
        var previousPeriod = round.Period.YearBefore();
        var previous = Find(round.CommuneId, previousPeriod) is { } before
            ? ConfirmedAnswers(before.Id, unit.Id)
            : new Dictionary<string, AnswerValue>();
        return new ReportContext(PlanOf(round), round.Period.Label, unit.Name, IndicatorsFor(unit, round), previous,
            previous.Count > 0 ? previousPeriod.Label : null);
    }

    /// <summary>
    /// Stores a confirmed report: a new answer gets its first revision, a changed one another revision
    /// (the old value stays in the list), an unchanged one nothing.
    /// </summary>
    public int Submit(Round round, string unitId, Member by, string channel, IReadOnlyDictionary<string, AnswerValue> values)
    {
        var changed = 0;
        foreach (var (code, value) in values)
        {
            var id = Answer.IdOf(round.Id, unitId, code);
            var answer = store.Answers.FindById(id);
            if (answer is not null && answer.Value == value) continue;
            var revision = new Revision { Value = value, MemberId = by.Id, MemberName = by.Name, Channel = channel, At = clock.UtcNow };
            if (answer is null)
            {
                store.Answers.Insert(new Answer
                {
                    CommuneId = round.CommuneId, Id = id, RoundId = round.Id, UnitId = unitId, IndicatorCode = code, Value = value,
                    Revisions = [revision], FirstConfirmedAt = clock.UtcNow,
                });
            }
            else
            {
                answer.Value = value;
                answer.Revisions.Add(revision);
                store.Answers.Update(answer);
            }
            changed++;
        }
        return changed;
    }

    /// <summary>Moves a round's deadline (and its closing day with it) and tells every reporter of every unit.</summary>
    public int ExtendDeadline(Round round, DateOnly deadline)
    {
        round.Deadline = deadline;
        round.ClosesOn = deadline.AddDays(PlanOf(round).Schedule.CloseDaysAfterDeadline);
        store.Rounds.Update(round);
        var text = $"📅 Hạn gửi báo cáo {round.Period.Label} được gia hạn đến {Core.Text.VietnameseFormat.Date(deadline)}.";
        var told = 0;
        foreach (var unit in UnitsOf(round))
            foreach (var reporter in ReportersOf(unit.Id))
                if (messenger.ToMember(reporter.Id, Reply.Plain(text), OutboxKinds.Reminder, DedupKeys.Extension(round.Id, deadline, reporter.Id)) is not Queued.Nowhere)
                    told++;
        return told;
    }
}
