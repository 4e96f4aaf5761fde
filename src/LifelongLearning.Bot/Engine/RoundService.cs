using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Reporting;
using LifelongLearning.Bot.Engine.Flows;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>Rounds and the answers in them: open a round, say what a unit owes, store a confirmed report.</summary>
public sealed class RoundService(BotStore store, Plan plan, CommuneClock clock, Messenger messenger, ConversationBook? conversations = null)
{
    private readonly ConversationBook _conversations = conversations ?? new ConversationBook(store, clock);

    private Plan Plan => plan;

    public IReadOnlyList<Round> OpenRounds() => [.. store.Rounds.Find(r => r.Status == RoundStatus.Open).OrderBy(r => r.Deadline)];

    public Round? Find(string id) => store.Rounds.FindById(id);

    public IReadOnlyList<Indicator> IndicatorsFor(UnitRecord unit, Round round) => Plan.IndicatorsFor(unit.Kind, round.Kind);

    /// <summary>The active units that answer something in this round.</summary>
    public IReadOnlyList<UnitRecord> UnitsOf(Round round) =>
        [.. store.Units.Find(u => u.Active).Where(u => IndicatorsFor(u, round).Count > 0).OrderBy(u => u.Id)];

    public IReadOnlyList<Member> ReportersOf(string unitId) =>
        [.. store.Members.Find(m => m.UnitId == unitId && m.Role == Role.Reporter && m.RemovedAt == null)];

    public Dictionary<string, AnswerValue> ConfirmedAnswers(string roundId, string unitId) =>
        store.AnswersOf(roundId, unitId).ToEnumerable().ToDictionary(a => a.IndicatorCode, a => a.Value);

    public bool HasReported(string roundId, string unitId) => store.AnswersOf(roundId, unitId).Exists();

    /// <summary>Opens the round of a period (once), and asks every reporter of every unit its first question.</summary>
    public Round Open(ReportingPeriod period, bool askReporters = true)
    {
        var existing = store.Rounds.FindById(period.Code);
        if (existing is not null) return existing;
        // Reporters asked now never hear a deadline that has passed; a round stored without asking anyone
        // (past figures typed in, the demo) keeps the plan's.
        var deadline = askReporters ? Plan.DeadlineFor(period, clock.Today) : Plan.DeadlineFor(period);
        var round = new Round
        {
            Id = period.Code,
            Kind = period.Kind,
            Year = period.Year,
            Number = period.Number,
            Deadline = deadline.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ClosesOn = deadline.AddDays(Plan.Schedule.CloseDaysAfterDeadline).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Status = RoundStatus.Open,
            OpenedAt = clock.UtcNow,
        };
        store.Rounds.Insert(round);
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
        var opening = $"Kỳ báo cáo {round.Period.Label} đã mở; hạn gửi {Core.Text.VietnameseFormat.Date(round.DeadlineDay)}.";
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
        var previous = store.Rounds.FindById(previousPeriod.Code) is null
            ? new Dictionary<string, AnswerValue>()
            : ConfirmedAnswers(previousPeriod.Code, unit.Id);
        return new ReportContext(Plan, round.Period.Label, unit.Name, IndicatorsFor(unit, round), previous,
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
                    Id = id, RoundId = round.Id, UnitId = unitId, IndicatorCode = code, Value = value,
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
}
