using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Core.Plans;

/// <summary>When rounds open and close, and how the late are reminded.</summary>
public sealed record Schedule(
    IReadOnlyList<PeriodKind> Rounds,
    int DeadlineDaysAfterCutOff,
    int CloseDaysAfterDeadline,
    ReminderPolicy Reminders,
    QuietHours QuietHours,
    IReadOnlyList<DayOfWeek> DigestDays,
    TimeOnly DigestTime);

/// <summary>
/// Reminders go <see cref="DaysBeforeDeadline"/> days before the deadline, on its morning, then every
/// <see cref="EveryDaysAfterDeadline"/> days; officials hear of late units from <see cref="EscalateAfterDaysLate"/> days late.
/// </summary>
public sealed record ReminderPolicy(
    IReadOnlyList<int> DaysBeforeDeadline,
    bool OnDeadlineMorning,
    int EveryDaysAfterDeadline,
    int EscalateAfterDaysLate,
    TimeOnly SendAt);

/// <summary>No message to a person from <see cref="From"/> to <see cref="To"/> local time.</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly time) => From > To
        ? time >= From || time < To
        : time >= From && time < To;
}
