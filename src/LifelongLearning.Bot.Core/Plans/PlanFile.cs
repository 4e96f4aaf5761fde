namespace LifelongLearning.Bot.Core.Plans;

// The JSON shape of a plan file, every field optional so that the loader, not the serializer, says
// what is missing and where. PlanLoader turns it into a Plan.
internal sealed class PlanFile
{
    public int? SchemaVersion { get; set; }
    public CommuneFile? Commune { get; set; }
    public string? TimeZone { get; set; }
    public List<UnitKindFile>? UnitKinds { get; set; }
    public List<UnitFile>? Units { get; set; }
    public List<IndicatorFile>? Indicators { get; set; }
    public ScheduleFile? Schedule { get; set; }
    public Dictionary<string, List<string>>? Holidays { get; set; }
    public List<EventDayFile>? EventDays { get; set; }
    // Dated learning weeks of older plan files; read only to say what replaced them.
    public System.Text.Json.JsonElement? LearningWeeks { get; set; }
    public List<TaskFile>? Tasks { get; set; }
    public List<ReviewFile>? Reviews { get; set; }
}

internal sealed class TaskFile
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? PartOf { get; set; }
    public string? Placeholder { get; set; }
}

internal sealed class ReviewFile
{
    public int? Year { get; set; }
    public string? Name { get; set; }
}

internal sealed class CommuneFile
{
    public string? Name { get; set; }
    public string? IssuingBody { get; set; }
    public string? Place { get; set; }
    public string? PlanNumber { get; set; }
    public string? PlanDate { get; set; }
    public string? PlanTitle { get; set; }
    public string? Programme { get; set; }
    public List<string>? ReportCopiesTo { get; set; }
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }
    public string? ReportSymbol { get; set; }
    public List<string>? Areas { get; set; }
    public List<ReportingBodyFile>? ReportingBodies { get; set; }
}

internal sealed class ReportingBodyFile
{
    public int? FromYear { get; set; }
    public string? IssuingBody { get; set; }
    public string? Place { get; set; }
    public List<string>? ReportCopiesTo { get; set; }
    public string? SignerTitle { get; set; }
    public string? SignerName { get; set; }
    public string? ReportSymbol { get; set; }
}

internal sealed class UnitKindFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public bool IsLibrary { get; set; }
}

internal sealed class UnitFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Area { get; set; }
}

internal sealed class IndicatorFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Question { get; set; }
    public string? Kind { get; set; }
    public string? UnitOfMeasure { get; set; }
    public List<string>? ReportedBy { get; set; }
    public List<string>? Periods { get; set; }
    public string? Aggregation { get; set; }
    public List<string>? ShareOf { get; set; }
    public List<string>? RequiredYes { get; set; }
    public string? TargetKind { get; set; }
    public List<TargetFile>? Targets { get; set; }
    public int? GrowthBaseYear { get; set; }
    public string? Task { get; set; }
    public decimal? Max { get; set; }
    public decimal? MinCoverage { get; set; }
    public string? UnitNoun { get; set; }
}

internal sealed class TargetFile
{
    public int? Year { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

internal sealed class ScheduleFile
{
    public List<string>? Rounds { get; set; }
    public int? DeadlineDaysAfterCutOff { get; set; }
    public int? CloseDaysAfterDeadline { get; set; }
    public ReminderFile? Reminders { get; set; }
    public QuietHoursFile? QuietHours { get; set; }
    public List<string>? DigestDays { get; set; }
    public string? DigestTime { get; set; }
}

internal sealed class ReminderFile
{
    public List<int>? DaysBeforeDeadline { get; set; }
    public bool? OnDeadlineMorning { get; set; }
    public int? EveryDaysAfterDeadline { get; set; }
    public int? EscalateAfterDaysLate { get; set; }
    public string? SendAt { get; set; }
}

internal sealed class QuietHoursFile
{
    public string? From { get; set; }
    public string? To { get; set; }
}

internal sealed class EventDayFile
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Until { get; set; }
    public string? Description { get; set; }
}
