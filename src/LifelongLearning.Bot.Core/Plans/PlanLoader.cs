using System.Globalization;
using System.Text.Json;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// Reads a plan file and checks every rule, so that a broken plan stops the start with a message naming
/// the file, the line and what is wrong, instead of failing weeks later in the middle of a round.
/// </summary>
public static class PlanLoader
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>How plan and city files are read: comments and trailing commas allowed, an unknown field refused.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static Plan LoadFile(string path)
    {
        if (!File.Exists(path)) throw new PlanException($"{path}: không tìm thấy tệp kế hoạch.");
        return Parse(File.ReadAllBytes(path), path);
    }

    public static Plan Parse(byte[] utf8, string fileName)
    {
        PlanFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PlanFile>(utf8, JsonOptions);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $", dòng {l + 1}" : "";
            throw new PlanException($"{fileName}{line}: tệp kế hoạch không đúng dạng JSON hoặc có trường lạ ({ex.Path}): {FirstSentence(ex.Message)}");
        }
        if (file is null) throw new PlanException($"{fileName}: tệp kế hoạch rỗng.");
        return new Reader(fileName, new JsonLineMap(utf8)).Read(file);
    }

    private static string FirstSentence(string message) => message.Split(". Path:")[0];

    private sealed class Reader(string fileName, JsonLineMap lines)
    {
        public Plan Read(PlanFile f)
        {
            if (f.SchemaVersion is not CurrentSchemaVersion)
                Fail("$.schemaVersion", $"schemaVersion phải là {CurrentSchemaVersion}.");
            var commune = ReadCommune(Require(f.Commune, "$.commune"));
            var timeZone = Text(f.TimeZone, "$.timeZone");
            try { TimeZoneInfo.FindSystemTimeZoneById(timeZone); }
            catch (TimeZoneNotFoundException) { Fail("$.timeZone", $"không biết múi giờ \"{timeZone}\" (dùng \"Asia/Ho_Chi_Minh\")."); }

            var kinds = List(f.UnitKinds, "$.unitKinds").Select((k, i) =>
                new UnitKind(Text(k.Code, $"$.unitKinds[{i}].code"), Text(k.Name, $"$.unitKinds[{i}].name"), k.IsLibrary)).ToList();
            Unique(kinds.Select(k => k.Code), "$.unitKinds", "code");
            var kindCodes = kinds.Select(k => k.Code).ToHashSet();

            var units = (f.Units ?? []).Select((u, i) =>
            {
                var at = $"$.units[{i}]";
                var kind = Text(u.Kind, at + ".kind");
                if (!kindCodes.Contains(kind)) Fail(at + ".kind", $"loại đơn vị \"{kind}\" không có trong unitKinds.");
                return new PlanUnit(Text(u.Code, at + ".code"), Text(u.Name, at + ".name"), kind, u.Area);
            }).ToList();
            Unique(units.Select(u => u.Code), "$.units", "code");
            CheckAreas(commune.Areas, units);

            var indicators = List(f.Indicators, "$.indicators").Select((x, i) => ReadIndicator(x, $"$.indicators[{i}]", kindCodes)).ToList();
            Unique(indicators.Select(x => x.Code.ToUpperInvariant()), "$.indicators", "code");

            var schedule = ReadSchedule(Require(f.Schedule, "$.schedule"));
            var holidays = new List<DateOnly>();
            foreach (var (year, days) in f.Holidays ?? [])
                for (var i = 0; i < days.Count; i++)
                    holidays.Add(Date(days[i], $"$.holidays.{year}[{i}]"));

            if (f.LearningWeeks is not null)
                Fail("$.learningWeeks", "Tuần lễ học tập suốt đời nay là một mục lặp lại hằng năm trong \"eventDays\" (\"date\": \"1/10\", \"until\": \"7/10\"); xóa \"learningWeeks\".");
            var eventDays = (f.EventDays ?? []).Select((e, i) => ReadEventDay(e, $"$.eventDays[{i}]")).ToList();
            foreach (var twice in eventDays.GroupBy(e => e.Key).Where(g => g.Count() > 1))
                Fail($"$.eventDays[{eventDays.FindLastIndex(e => e.Key == twice.Key)}]", $"khóa \"{twice.Key}\" đã dùng cho một ngày khác; mỗi ngày một khóa (\"key\").");

            var tasks = new List<PlanTask>();
            foreach (var (t, i) in (f.Tasks ?? []).Select((t, i) => (t, i)))
            {
                var at = $"$.tasks[{i}]";
                var task = new PlanTask(Text(t.Code, at + ".code"), Text(t.Title, at + ".title"))
                {
                    PartOf = t.PartOf is null ? null : Text(t.PartOf, at + ".partOf"),
                    Placeholder = t.Placeholder is null ? null : Text(t.Placeholder, at + ".placeholder"),
                };
                // One level only: the report writes a task as "n." and its parts as "a)".
                if (task.PartOf is { } parent && !tasks.Any(p => p.Code == parent && p.PartOf is null))
                    Fail(at + ".partOf", $"nhiệm vụ \"{parent}\" phải được khai báo trước, trong tasks, và không thuộc nhiệm vụ khác.");
                tasks.Add(task);
            }
            Unique(tasks.Select(t => t.Code), "$.tasks", "code");

            var reviews = new List<PlanReview>();
            foreach (var (rv, i) in (f.Reviews ?? []).Select((rv, i) => (rv, i)))
            {
                var at = $"$.reviews[{i}]";
                var year = rv.Year ?? Fail<int>(at, "thiếu năm (year).");
                if (year <= commune.PlanDate.Year || year > 2100) Fail(at + ".year", $"năm {year} phải sau năm ban hành Kế hoạch ({commune.PlanDate.Year}).");
                if (reviews.Count > 0 && year <= reviews[^1].Year) Fail(at + ".year", $"năm {year} phải sau năm của lần trước ({reviews[^1].Year}).");
                reviews.Add(new PlanReview(year, Text(rv.Name, at + ".name")));
            }
            if (tasks.Count > 0)
            {
                var known = tasks.Select(t => t.Code).ToHashSet();
                for (var i = 0; i < indicators.Count; i++)
                    if (indicators[i].Task is { } task && !known.Contains(task))
                        Fail($"$.indicators[{i}].task", $"nhiệm vụ \"{task}\" không có trong tasks.");
            }

            return new Plan(commune, timeZone, kinds, units, indicators, schedule, holidays, eventDays) { Tasks = tasks, Reviews = reviews };
        }

        private EventDay ReadEventDay(EventDayFile e, string at)
        {
            var title = Text(e.Title, at + ".title");
            var (month, day) = DayOfYear(Text(e.Date, at + ".date"), at + ".date");
            (int, int)? until = e.Until is null ? null : DayOfYear(e.Until, at + ".until");
            if (until is { } u && (u.Item1, u.Item2).CompareTo((month, day)) < 0)
                Fail(at + ".until", "ngày kết thúc trước ngày bắt đầu (một đợt không kéo sang năm sau).");
            var key = e.Key is null ? Words.Fold(title) : Text(e.Key, at + ".key");
            return new EventDay(key, title, month, day, e.Description) { Until = until };
        }

        private (int Month, int Day) DayOfYear(string text, string at)
        {
            // 2000 is a leap year, so "29/2" is accepted; the calendar skips it in other years.
            if (!DateOnly.TryParseExact(text + "/2000", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                Fail(at, $"ngày \"{text}\" phải có dạng ngày/tháng, ví dụ \"21/4\".");
            return (d.Month, d.Day);
        }

        // A unit's area is a section of the digest by area: a name the commune does not list would be a section of its own.
        // A plan that lists no areas keeps its units' areas as free text (villages named for events), as before.
        private void CheckAreas(IReadOnlyList<string> areas, List<PlanUnit> units)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < areas.Count; i++)
                if (string.IsNullOrWhiteSpace(areas[i]) || !seen.Add(areas[i]))
                    Fail($"$.commune.areas[{i}]", $"khu vực \"{areas[i]}\" rỗng hoặc bị trùng.");
            if (areas.Count == 0) return;
            for (var i = 0; i < units.Count; i++)
                if (units[i].Area is { } area && !seen.Contains(area))
                    Fail($"$.units[{i}].area", $"khu vực \"{area}\" không có trong commune.areas ({string.Join(", ", areas)}).");
        }

        private Commune ReadCommune(CommuneFile c)
        {
            var planDate = Date(c.PlanDate, "$.commune.planDate");
            var symbol = c.ReportSymbol is null ? "BC-UBND" : Text(c.ReportSymbol, "$.commune.reportSymbol");
            var later = new List<ReportingBody>();
            foreach (var (b, i) in (c.ReportingBodies ?? []).Select((b, i) => (b, i)))
            {
                var at = $"$.commune.reportingBodies[{i}]";
                var from = b.FromYear ?? Fail<int>(at, "thiếu năm bắt đầu báo cáo (fromYear).");
                if (from <= planDate.Year) Fail(at + ".fromYear", $"năm {from} phải sau năm ban hành Kế hoạch ({planDate.Year}).");
                if (later.Count > 0 && from <= later[^1].FromYear) Fail(at + ".fromYear", $"năm {from} phải sau năm của cơ quan trước ({later[^1].FromYear}).");
                later.Add(new ReportingBody(from, Text(b.IssuingBody, at + ".issuingBody"), Text(b.Place, at + ".place"),
                    List(b.ReportCopiesTo, at + ".reportCopiesTo"), Text(b.SignerTitle, at + ".signerTitle"),
                    string.IsNullOrWhiteSpace(b.SignerName) ? null : b.SignerName.Trim(),
                    b.ReportSymbol is null ? symbol : Text(b.ReportSymbol, at + ".reportSymbol")));
            }
            return new(
                Text(c.Name, "$.commune.name"),
                Text(c.IssuingBody, "$.commune.issuingBody"),
                Text(c.Place, "$.commune.place"),
                Text(c.PlanNumber, "$.commune.planNumber"),
                planDate,
                Text(c.PlanTitle, "$.commune.planTitle"),
                c.ReportCopiesTo ?? [],
                Text(c.SignerTitle, "$.commune.signerTitle"),
                Text(c.SignerName, "$.commune.signerName"),
                c.Areas ?? [])
            {
                ReportSymbol = symbol,
                Programme = c.Programme is null ? null : Text(c.Programme, "$.commune.programme"),
                LaterBodies = later,
            };
        }

        private Indicator ReadIndicator(IndicatorFile x, string at, HashSet<string> kindCodes)
        {
            var code = Text(x.Code, at + ".code");
            if (code.Any(char.IsWhiteSpace) || code.Contains(';')) Fail(at + ".code", $"mã \"{code}\" không được chứa dấu cách hay dấu chấm phẩy.");
            var kind = Enum<IndicatorKind>(x.Kind, at + ".kind");
            var reportedBy = List(x.ReportedBy, at + ".reportedBy");
            for (var i = 0; i < reportedBy.Count; i++)
                if (!kindCodes.Contains(reportedBy[i])) Fail($"{at}.reportedBy[{i}]", $"loại đơn vị \"{reportedBy[i]}\" không có trong unitKinds.");
            var periods = List(x.Periods, at + ".periods").Select((p, i) => Enum<PeriodKind>(p, $"{at}.periods[{i}]")).ToList();
            var aggregation = x.Aggregation is null
                ? (kind == IndicatorKind.YesNo ? AggregationKind.ShareYes : AggregationKind.Sum)
                : Enum<AggregationKind>(x.Aggregation, at + ".aggregation");
            if (aggregation == AggregationKind.ShareYes && kind != IndicatorKind.YesNo)
                Fail(at + ".aggregation", "chỉ chỉ tiêu có/không mới tính tỷ lệ \"có\" (shareYes).");
            if (aggregation == AggregationKind.Sum && kind is IndicatorKind.YesNo or IndicatorKind.Percentage)
                Fail(at + ".aggregation", "không cộng được chỉ tiêu có/không hay tỷ lệ phần trăm (sum).");
            var shareOf = x.ShareOf ?? [.. reportedBy];
            var requiredYes = x.RequiredYes ?? [];
            foreach (var (k, i) in shareOf.Select((k, i) => (k, i)))
                if (!reportedBy.Contains(k)) Fail($"{at}.shareOf[{i}]", $"\"{k}\" không nằm trong reportedBy.");
            foreach (var (k, i) in requiredYes.Select((k, i) => (k, i)))
                if (!reportedBy.Contains(k)) Fail($"{at}.requiredYes[{i}]", $"\"{k}\" không nằm trong reportedBy.");

            TargetKind? targetKind = x.TargetKind is null ? null : Enum<TargetKind>(x.TargetKind, at + ".targetKind");
            var targets = (x.Targets ?? []).Select((t, i) =>
            {
                var tat = $"{at}.targets[{i}]";
                var year = t.Year ?? Fail<int>(tat, "thiếu năm (year).");
                var min = t.Min ?? Fail<decimal>(tat, "thiếu mức tối thiểu (min).");
                if (min < 0 || (targetKind == TargetKind.ShareAtLeast && min > 100)) Fail(tat + ".min", "tỷ lệ phải từ 0 đến 100.");
                if (t.Max is { } max && max < min) Fail(tat + ".max", "max nhỏ hơn min.");
                return new Target(year, min, t.Max);
            }).ToList();
            if (targets.Count > 0 && targetKind is null) Fail(at + ".targetKind", "có chỉ tiêu (targets) nhưng thiếu targetKind.");
            if (targetKind == TargetKind.ShareAtLeast && aggregation != AggregationKind.ShareYes)
                Fail(at + ".targetKind", "shareAtLeast chỉ dùng với aggregation shareYes.");
            if (targetKind == TargetKind.AverageGrowthAtLeast && x.GrowthBaseYear is null)
                Fail(at + ".growthBaseYear", "chỉ tiêu tăng trưởng cần năm gốc (growthBaseYear).");

            if (x.Max is <= 0) Fail(at + ".max", "mức tối đa phải lớn hơn 0.");
            if (x.MinCoverage is < 0 or > 1) Fail(at + ".minCoverage", "phải từ 0 đến 1 (ví dụ 0,8 là 80% số đơn vị).");
            return new Indicator(code, Text(x.Name, at + ".name"), Text(x.Question, at + ".question"), kind, x.UnitOfMeasure,
                reportedBy, periods, new Aggregation(aggregation, shareOf, requiredYes), targetKind, targets, x.GrowthBaseYear, x.Task)
            {
                Max = x.Max,
                MinCoverage = x.MinCoverage ?? Indicator.DefaultMinCoverage,
                UnitNoun = x.UnitNoun is null ? Indicator.DefaultUnitNoun : Text(x.UnitNoun, at + ".unitNoun"),
            };
        }

        private Schedule ReadSchedule(ScheduleFile s)
        {
            var rounds = List(s.Rounds, "$.schedule.rounds").Select((p, i) => Enum<PeriodKind>(p, $"$.schedule.rounds[{i}]")).ToList();
            var deadline = s.DeadlineDaysAfterCutOff ?? Fail<int>("$.schedule", "thiếu deadlineDaysAfterCutOff.");
            if (deadline < 1) Fail("$.schedule.deadlineDaysAfterCutOff", "hạn gửi phải sau ngày chốt số liệu ít nhất 1 ngày (Nghị định 09/2019, Điều 8).");
            var close = s.CloseDaysAfterDeadline ?? 15;
            if (close < 0) Fail("$.schedule.closeDaysAfterDeadline", "không được âm.");
            var r = s.Reminders ?? new ReminderFile();
            var reminders = new ReminderPolicy(
                r.DaysBeforeDeadline ?? [3],
                r.OnDeadlineMorning ?? true,
                r.EveryDaysAfterDeadline ?? 2,
                r.EscalateAfterDaysLate ?? 1,
                Time(r.SendAt ?? "08:00", "$.schedule.reminders.sendAt"));
            if (reminders.EveryDaysAfterDeadline < 1) Fail("$.schedule.reminders.everyDaysAfterDeadline", "phải từ 1 ngày trở lên.");
            var q = s.QuietHours ?? new QuietHoursFile();
            var quiet = new QuietHours(Time(q.From ?? "21:00", "$.schedule.quietHours.from"), Time(q.To ?? "07:00", "$.schedule.quietHours.to"));
            var digestDays = (s.DigestDays ?? ["monday", "thursday"]).Select((d, i) => Enum<DayOfWeek>(d, $"$.schedule.digestDays[{i}]")).ToList();
            return new Schedule(rounds, deadline, close, reminders, quiet, digestDays, Time(s.DigestTime ?? "07:00", "$.schedule.digestTime"));
        }

        private T Require<T>(T? value, string at) where T : class => value ?? Fail<T>(at, "thiếu mục này.");

        private List<T> List<T>(List<T>? value, string at) => value is { Count: > 0 } ? value : Fail<List<T>>(at, "thiếu hoặc rỗng.");

        private string Text(string? value, string at) => string.IsNullOrWhiteSpace(value) ? Fail<string>(at, "thiếu hoặc rỗng.") : value.Trim();

        private DateOnly Date(string? value, string at) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : Fail<DateOnly>(at, $"ngày \"{value}\" phải có dạng năm-tháng-ngày, ví dụ \"2025-04-21\".");

        private TimeOnly Time(string value, string at) =>
            TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t : Fail<TimeOnly>(at, $"giờ \"{value}\" phải có dạng giờ:phút, ví dụ \"08:00\".");

        private T Enum<T>(string? value, string at) where T : struct, Enum =>
            System.Enum.TryParse<T>(value, ignoreCase: true, out var e) && System.Enum.IsDefined(e) && !int.TryParse(value, out _)
                ? e : Fail<T>(at, $"giá trị \"{value}\" không hợp lệ; dùng một trong: {string.Join(", ", System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.");

        private void Unique(IEnumerable<string> codes, string at, string field)
        {
            var seen = new HashSet<string>();
            var i = 0;
            foreach (var code in codes)
            {
                if (!seen.Add(code)) Fail($"{at}[{i}].{field}", $"mã \"{code}\" bị trùng.");
                i++;
            }
        }

        private void Fail(string at, string message) => Fail<bool>(at, message);

        private T Fail<T>(string at, string message)
        {
            var line = lines.NearestLineOf(at);
            throw new PlanException($"{fileName}{(line is null ? "" : $", dòng {line}")} ({at}): {message}");
        }
    }
}
