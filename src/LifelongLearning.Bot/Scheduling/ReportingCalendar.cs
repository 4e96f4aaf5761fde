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
/// Decides, at "now" (local time of the communes), what the reporting calendar owes each commune, on its own plan:
/// rounds to open, reminders to the late, alerts and digests to its officials, rounds to close. Every message carries a dedup
/// key, so running it again (every minute, after a restart) sends nothing twice. Call inside a store write.
/// </summary>
public sealed class ReportingCalendar(BotStore store, CommuneDirectory communes, CommuneClock clock, RoundService rounds, Reports reports,
    RoundDigests digests, Messenger messenger, CalendarFailures failures, Backups.BackupHealth? backups = null)
{
    /// <summary>A fresh install does not open the rounds of periods that ended longer ago than this.</summary>
    public const int MaxDaysSinceCutOff = 60;

    /// <summary>The morning digest is not sent after this local time (the bot was down all morning).</summary>
    public static readonly TimeOnly DigestLatest = new(12, 0);

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
        foreach (var commune in communes.All)
        {
            var plan = commune.Plan;
            // Opening asks every reporter: not at night, not on a Sunday.
            var due = IsAllowed(plan, now) ? store.Read(() => DuePeriods(commune.Code, DateOnly.FromDateTime(now))) : [];
            foreach (var period in due)
                done += Step($"open:{Round.IdOf(commune.Code, period)}", () => { rounds.Open(commune.Code, period); return 1; });
            foreach (var round in store.Read(() => rounds.OpenRounds(commune.Code)))
            {
                if (now >= round.ClosesOn.ToDateTime(TimeOnly.MinValue) && IsAllowed(plan, now))
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

    /// <summary>A person of a commune on this plan may get a message now: a messaging day (not Sunday nor a holiday), outside quiet hours.</summary>
    public static bool IsAllowed(Plan plan, DateTime local) =>
        plan.Calendar.IsMessagingDay(DateOnly.FromDateTime(local)) && !plan.Schedule.QuietHours.Contains(TimeOnly.FromDateTime(local));

    /// <summary>The first allowed time at or after the given local time.</summary>
    public static DateTime NextAllowed(Plan plan, DateTime local)
    {
        for (var i = 0; i < 400 && !IsAllowed(plan, local); i++)
        {
            var day = DateOnly.FromDateTime(local);
            var clock = TimeOnly.FromDateTime(local);
            if (!plan.Calendar.IsMessagingDay(day)) local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            else
            {
                var end = plan.Schedule.QuietHours.To;
                local = clock < end ? day.ToDateTime(end) : day.AddDays(1).ToDateTime(end);
            }
        }
        return local;
    }

    // ---- (a) opening ----

    /// <summary>For each period kind of the commune's plan, the period that ended most recently, when its round is due.</summary>
    public IReadOnlyList<ReportingPeriod> DuePeriods(string communeId, DateOnly today)
    {
        var due = new List<ReportingPeriod>();
        foreach (var kind in communes.PlanOf(communeId).Schedule.Rounds.Distinct())
        {
            var ended = ReportingPeriod.LastEndedBefore(kind, today);
            if (today.DayNumber - ended.To.DayNumber > MaxDaysSinceCutOff) continue;
            if (rounds.Find(communeId, ended) is not null) continue;
            due.Add(ended);
        }
        return due;
    }

    // ---- (b) reminders ----

    /// <summary>The nominal reminder days of a round, in order: before the deadline, its morning, then every N days until closing.</summary>
    public IReadOnlyList<DateOnly> ReminderSlots(Round round)
    {
        var policy = rounds.PlanOf(round).Schedule.Reminders;
        var deadline = round.Deadline;
        var closes = round.ClosesOn;
        var slots = new SortedSet<DateOnly>();
        foreach (var before in policy.DaysBeforeDeadline.Where(d => d > 0)) slots.Add(deadline.AddDays(-before));
        if (policy.OnDeadlineMorning) slots.Add(deadline);
        if (policy.EveryDaysAfterDeadline > 0)
            for (var day = deadline.AddDays(policy.EveryDaysAfterDeadline); day < closes; day = day.AddDays(policy.EveryDaysAfterDeadline))
                slots.Add(day);
        return [.. slots];
    }

    /// <summary>When a slot of the round actually goes: its day at SendAt, moved past Sundays, holidays and quiet hours.</summary>
    public DateTime SendTimeOf(Round round, DateOnly slot)
    {
        var plan = rounds.PlanOf(round);
        return NextAllowed(plan, slot.ToDateTime(plan.Schedule.Reminders.SendAt));
    }

    private DateOnly? LatestReminderSlot(Round round, DateTime now) =>
        ReminderSlots(round).Where(s => SendTimeOf(round, s) <= now).Select(s => (DateOnly?)s).LastOrDefault();

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
        var deadline = VietnameseFormat.Date(round.Deadline);
        var when = slot < round.Deadline ? $"hạn gửi là {deadline}"
            : slot == round.Deadline ? $"hôm nay ({deadline}) là hạn gửi"
            : $"đã quá hạn {deadline}";
        return $"⏰ Nhắc báo cáo: {unit.Name} chưa gửi báo cáo {round.Period.Label}; {when}. Gõ /baocao để gửi.";
    }

    // ---- (c) escalation ----

    private int Escalate(Round round, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var plan = rounds.PlanOf(round);
        var policy = plan.Schedule.Reminders;
        if (today < round.Deadline.AddDays(policy.EscalateAfterDaysLate)) return 0;
        if (!IsAllowed(plan, now) || TimeOnly.FromDateTime(now) < policy.SendAt) return 0;
        var late = rounds.UnitsOf(round).Where(u => !rounds.HasReported(round.Id, u.Id)).ToList();
        if (late.Count == 0) return 0;
        var days = today.DayNumber - round.Deadline.DayNumber;
        var text = $"⚠️ {round.Period.Label}: đã quá hạn {VietnameseFormat.Date(round.Deadline)} {days} ngày, " +
                   $"còn {late.Count} đơn vị chưa báo cáo: {string.Join(", ", late.Select(u => u.Name))}.";
        return messenger.ToOfficialsOf(round.CommuneId, Reply.Plain(text), OutboxKinds.Alert, DedupKeys.Escalation(round.Id, today));
    }

    // ---- (e) morning digest ----

    private int MorningDigest(Round round, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var at = TimeOnly.FromDateTime(now);
        var plan = rounds.PlanOf(round);
        var schedule = plan.Schedule;
        if (!schedule.DigestDays.Contains(today.DayOfWeek) || at < schedule.DigestTime || at >= DigestLatest || !IsAllowed(plan, now)) return 0;
        if (DateOnly.FromDateTime(clock.ToLocal(round.OpenedAt).DateTime) >= today) return 0; // not on the opening day
        var text = DigestWriter.Status(round.Period.Label, round.Deadline, reports.CompletenessOf(round));
        // A failed backup, or none for two days, is said where the officials look every morning.
        if (backups?.Problem() is { } backupProblem) text += "\n\n" + backupProblem;
        // So is a plan whose holidays end before this year: deadlines and reminders would ignore Tết.
        if (plan.Calendar.MissingYearNotice(today.Year) is { } holidays) text += "\n\n" + holidays;
        return messenger.ToOfficialsOf(round.CommuneId, Reply.Plain(text), OutboxKinds.Digest, DedupKeys.Digest(round.Id, today));
    }

    // ---- (d) closing ----

    /// <summary>Closes the round and sends the commune's officials its digest, text and chart.</summary>
    public void Close(Round round)
    {
        round.Status = RoundStatus.Closed;
        round.ClosedAt = clock.UtcNow;
        store.Rounds.Update(round);
        var (text, photo) = digests.RoundDigest(round, $"✅ Đã đóng kỳ báo cáo {round.Period.Label}.");
        messenger.ToOfficialsOf(round.CommuneId, Reply.Plain(text), OutboxKinds.Digest, DedupKeys.Close(round.Id), photo);
    }
}
