using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>
/// Decides, at "now" (local time of the commune), what the reporting calendar owes: rounds to open,
/// reminders to the late, alerts and digests to officials, rounds to close. Every message carries a dedup
/// key, so running it again (every minute, after a restart) sends nothing twice. Call inside a store write.
/// </summary>
public sealed class ReportingCalendar(BotStore store, Plan plan, CommuneClock clock, RoundService rounds, Reports reports, Messenger messenger,
    CalendarFailures failures, Backups.BackupHealth? backups = null)
{
    /// <summary>A fresh install does not open the rounds of periods that ended longer ago than this.</summary>
    public const int MaxDaysSinceCutOff = 60;

    /// <summary>The morning digest is not sent after this local time (the bot was down all morning).</summary>
    public static readonly TimeOnly DigestLatest = new(12, 0);

    private Plan Plan => plan;
    private Schedule Schedule => Plan.Schedule;

    /// <summary>
    /// Does everything due at the current time; returns how many things it did. Each round's opening, closing,
    /// escalation and digest, and each unit's reminder, is a step of its own, in its own transaction: one bad
    /// row (a figure stored before a limit existed, a plan changed under old answers) fails only its step,
    /// which is rolled back, logged and reported to the officials once, while the rest of the calendar goes on.
    /// Call outside a store write.
    /// </summary>
    public int Run()
    {
        var now = clock.LocalNow.DateTime;
        var done = 0;
        // Opening asks every reporter: not at night, not on a Sunday.
        var due = IsAllowed(now) ? store.Read(() => DuePeriods(DateOnly.FromDateTime(now))) : [];
        foreach (var period in due)
            done += Step($"open:{period.Code}", () => { rounds.Open(period); return 1; });
        foreach (var round in store.Read(rounds.OpenRounds))
        {
            if (now >= ClosesOnOf(round).ToDateTime(TimeOnly.MinValue) && IsAllowed(now))
            {
                done += Step($"close:{round.Id}", () => { Close(round); return 1; });
                continue;
            }
            if (LatestReminderSlot(round, now) is { } slot)
                foreach (var unit in store.Read(() => rounds.UnitsOf(round)))
                    done += Step($"remind:{round.Id}:{unit.Id}", () => Remind(round, unit, slot));
            done += Step($"escalate:{round.Id}", () => Escalate(round, now));
            done += Step($"digest:{round.Id}", () => MorningDigest(round, now));
        }
        return done;
    }

    private int Step(string name, Func<int> work)
    {
        try
        {
            return store.Write(work);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failures.Failed(name, ex);
            return 0;
        }
    }

    // ---- time rules ----

    /// <summary>A person may get a message now: a messaging day (not Sunday nor a holiday), outside quiet hours.</summary>
    public bool IsAllowed(DateTime local) =>
        Plan.Calendar.IsMessagingDay(DateOnly.FromDateTime(local)) && !Schedule.QuietHours.Contains(TimeOnly.FromDateTime(local));

    /// <summary>The first allowed time at or after the given local time.</summary>
    public DateTime NextAllowed(DateTime local)
    {
        for (var i = 0; i < 400 && !IsAllowed(local); i++)
        {
            var day = DateOnly.FromDateTime(local);
            var clock = TimeOnly.FromDateTime(local);
            if (!Plan.Calendar.IsMessagingDay(day)) local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            else
            {
                var end = Schedule.QuietHours.To;
                local = clock < end ? day.ToDateTime(end) : day.AddDays(1).ToDateTime(end);
            }
        }
        return local;
    }

    public static DateOnly ClosesOnOf(Round round) => DateOnly.FromDateTime(round.ClosesOn);

    // ---- (a) opening ----

    /// <summary>For each period kind of the plan, the period that ended most recently, when its round is due.</summary>
    public IReadOnlyList<ReportingPeriod> DuePeriods(DateOnly today)
    {
        var due = new List<ReportingPeriod>();
        foreach (var kind in Schedule.Rounds.Distinct())
        {
            var ended = ReportingPeriod.LastEndedBefore(kind, today);
            if (today.DayNumber - ended.To.DayNumber > MaxDaysSinceCutOff) continue;
            if (store.Rounds.FindById(ended.Code) is not null) continue;
            due.Add(ended);
        }
        return due;
    }

    // ---- (b) reminders ----

    /// <summary>The nominal reminder days of a round, in order: before the deadline, its morning, then every N days until closing.</summary>
    public IReadOnlyList<DateOnly> ReminderSlots(Round round)
    {
        var policy = Schedule.Reminders;
        var deadline = round.DeadlineDay;
        var closes = ClosesOnOf(round);
        var slots = new SortedSet<DateOnly>();
        foreach (var before in policy.DaysBeforeDeadline.Where(d => d > 0)) slots.Add(deadline.AddDays(-before));
        if (policy.OnDeadlineMorning) slots.Add(deadline);
        if (policy.EveryDaysAfterDeadline > 0)
            for (var day = deadline.AddDays(policy.EveryDaysAfterDeadline); day < closes; day = day.AddDays(policy.EveryDaysAfterDeadline))
                slots.Add(day);
        return [.. slots];
    }

    /// <summary>When a slot actually goes: its day at SendAt, moved past Sundays, holidays and quiet hours.</summary>
    public DateTime SendTimeOf(DateOnly slot) => NextAllowed(slot.ToDateTime(Schedule.Reminders.SendAt));

    private DateOnly? LatestReminderSlot(Round round, DateTime now) =>
        ReminderSlots(round).Where(s => SendTimeOf(s) <= now).Select(s => (DateOnly?)s).LastOrDefault();

    private int Remind(Round round, UnitRecord unit, DateOnly slot)
    {
        if (rounds.HasReported(round.Id, unit.Id)) return 0;
        // This slot, or a later one, reminded already: one reminder per slot, and none late for a slot passed over.
        var already = store.OutboxByDedupPrefix(DedupKeys.ReminderPrefix(round.Id, unit.Id)).ToEnumerable()
            .Any(m => DedupKeys.ReminderSlot(m.DedupKey!) >= slot);
        if (already) return 0;
        var sent = 0;
        var text = ReminderText(round, unit, slot);
        foreach (var reporter in rounds.ReportersOf(unit.Id))
        {
            var key = DedupKeys.ForMember(DedupKeys.Reminder(round.Id, unit.Id, slot), reporter.Id);
            if (messenger.ToMember(reporter.Id, Reply.Plain(text), OutboxKinds.Reminder, key) is not Queued.Nowhere) sent++;
            // Nobody to send it to: the slot is still dealt with once; the digest names the person instead.
            else messenger.RecordUnreachable(reporter.Id, Reply.Plain(text), OutboxKinds.Reminder, key);
        }
        return sent;
    }

    private static string ReminderText(Round round, UnitRecord unit, DateOnly slot)
    {
        var deadline = VietnameseFormat.Date(round.DeadlineDay);
        var when = slot < round.DeadlineDay ? $"hạn gửi là {deadline}"
            : slot == round.DeadlineDay ? $"hôm nay ({deadline}) là hạn gửi"
            : $"đã quá hạn {deadline}";
        return $"⏰ Nhắc báo cáo: {unit.Name} chưa gửi báo cáo {round.Period.Label}; {when}. Gõ /baocao để gửi.";
    }

    // ---- (c) escalation ----

    private int Escalate(Round round, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var policy = Schedule.Reminders;
        if (today < round.DeadlineDay.AddDays(policy.EscalateAfterDaysLate)) return 0;
        if (!IsAllowed(now) || TimeOnly.FromDateTime(now) < policy.SendAt) return 0;
        var late = rounds.UnitsOf(round).Where(u => !rounds.HasReported(round.Id, u.Id)).ToList();
        if (late.Count == 0) return 0;
        var days = today.DayNumber - round.DeadlineDay.DayNumber;
        var text = $"⚠️ {round.Period.Label}: đã quá hạn {VietnameseFormat.Date(round.DeadlineDay)} {days} ngày, " +
                   $"còn {late.Count} đơn vị chưa báo cáo: {string.Join(", ", late.Select(u => u.Name))}.";
        return messenger.ToOfficials(Reply.Plain(text), OutboxKinds.Alert, DedupKeys.Escalation(round.Id, today));
    }

    // ---- (e) morning digest ----

    private int MorningDigest(Round round, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var at = TimeOnly.FromDateTime(now);
        if (!Schedule.DigestDays.Contains(today.DayOfWeek) || at < Schedule.DigestTime || at >= DigestLatest || !IsAllowed(now)) return 0;
        if (DateOnly.FromDateTime(clock.ToLocal(round.OpenedAt).DateTime) >= today) return 0; // not on the opening day
        var text = DigestWriter.Status(round.Period.Label, round.DeadlineDay, reports.CompletenessOf(round));
        // A failed backup, or none for two days, is said where the officials look every morning.
        if (backups?.Problem() is { } backupProblem) text += "\n\n" + backupProblem;
        // So is a plan whose holidays end before this year: deadlines and reminders would ignore Tết.
        if (Plan.Calendar.MissingYearNotice(today.Year) is { } holidays) text += "\n\n" + holidays;
        return messenger.ToOfficials(Reply.Plain(text), OutboxKinds.Digest, DedupKeys.Digest(round.Id, today));
    }

    // ---- (d) closing ----

    /// <summary>Closes the round and sends the officials its digest, text and chart.</summary>
    public void Close(Round round)
    {
        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.UtcNow;
        store.Rounds.Update(round);
        var (text, photo) = RoundDigest(round, $"✅ Đã đóng kỳ báo cáo {round.Period.Label}.");
        messenger.ToOfficials(Reply.Plain(text), OutboxKinds.Digest, DedupKeys.Close(round.Id), photo);
    }

    /// <summary>The round digest: status and figures as text, and the chart stored in the store's files.</summary>
    public (string Text, string PhotoFileId) RoundDigest(Round round, string? heading = null)
    {
        var sums = reports.YearlyFiguresByIndicator();
        var figures = reports.FiguresOf(round, sums);
        var status = DigestWriter.Status(round.Period.Label, round.DeadlineDay, reports.CompletenessOf(round));
        var text = $"{(heading is null ? "" : heading + "\n")}{status}\n\n{DigestWriter.Figures(figures)}{EventsLine(round)}";
        var png = DigestChart.Render(ChartInputBuilder.Build(Plan, round.Period.Label, figures, sums));
        // One chart per round, replaced each time: /tonghop pressed every day does not grow the store.
        var fileId = $"$/charts/{round.Id}";
        using var stream = new MemoryStream(png);
        store.Files.Upload(fileId, $"{round.Id}.png", stream);
        return (text, fileId);
    }

    /// <summary>
    /// Participation in the period's events, as units reported it after each one. Shown beside the figures,
    /// never added to a unit's answer: a unit's own figure for the period (HD-NGUOI) already counts everyone
    /// at its activities, these events included, so adding would count the same people twice. The official
    /// compares the two; the unit's confirmed answer stays the figure of record.
    /// </summary>
    private string EventsLine(Round round)
    {
        var (events, people) = EventFigures.Between(store, round.Period.From, round.Period.To);
        return events == 0 ? "" : $"\n\nSự kiện trong kỳ có số liệu đơn vị gửi sau sự kiện: {VietnameseFormat.Number(events)} sự kiện, " +
                                  $"{VietnameseFormat.Number(people)} lượt người tham gia (để đối chiếu, không cộng vào số đơn vị báo cáo).";
    }

    // ---- deadline extension ----

    /// <summary>Moves a round's deadline (and its closing day with it) and tells every reporter of every unit.</summary>
    public int ExtendDeadline(Round round, DateOnly deadline)
    {
        round.Deadline = deadline.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        round.ClosesOn = deadline.AddDays(Schedule.CloseDaysAfterDeadline).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        store.Rounds.Update(round);
        var text = $"📅 Hạn gửi báo cáo {round.Period.Label} được gia hạn đến {VietnameseFormat.Date(deadline)}.";
        var told = 0;
        foreach (var unit in rounds.UnitsOf(round))
            foreach (var reporter in rounds.ReportersOf(unit.Id))
                if (messenger.ToMember(reporter.Id, Reply.Plain(text), OutboxKinds.Reminder, DedupKeys.Extension(round.Id, deadline, reporter.Id)) is not Queued.Nowhere)
                    told++;
        return told;
    }
}
