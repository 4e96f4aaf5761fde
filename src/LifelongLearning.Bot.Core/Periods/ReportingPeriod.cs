using System.Globalization;

namespace LifelongLearning.Bot.Core.Periods;

/// <summary>
/// One reporting period. Every period ends on the 14th (the data cut-off of Nghị định 09/2019/NĐ-CP,
/// Điều 12) and starts on the 15th after the previous cut-off, so a report's year Y starts on 15/12/Y−1.
/// Both ends are inclusive.
/// </summary>
public sealed record ReportingPeriod
{
    public const int CutOffDay = 14;

    public PeriodKind Kind { get; }
    public int Year { get; }

    /// <summary>Month 1–12, quarter 1–4, half 1–2; always 1 for nine months and year.</summary>
    public int Number { get; }

    public ReportingPeriod(PeriodKind kind, int year, int number = 1)
    {
        if (year is < 2000 or > 2100) throw new ArgumentOutOfRangeException(nameof(year), year, "Năm báo cáo phải từ 2000 đến 2100.");
        var max = kind switch
        {
            PeriodKind.Month => 12,
            PeriodKind.Quarter => 4,
            PeriodKind.HalfYear => 2,
            _ => 1,
        };
        if (number < 1 || number > max) throw new ArgumentOutOfRangeException(nameof(number), number, $"Kỳ {kind} chỉ có số từ 1 đến {max}.");
        Kind = kind;
        Year = year;
        Number = number;
    }

    public static ReportingPeriod Month(int year, int month) => new(PeriodKind.Month, year, month);
    public static ReportingPeriod Quarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);
    public static ReportingPeriod FirstHalf(int year) => new(PeriodKind.HalfYear, year, 1);
    public static ReportingPeriod SecondHalf(int year) => new(PeriodKind.HalfYear, year, 2);
    public static ReportingPeriod NineMonths(int year) => new(PeriodKind.NineMonths, year);
    public static ReportingPeriod WholeYear(int year) => new(PeriodKind.Year, year);

    /// <summary>The last month the period covers (its cut-off falls on the 14th of it).</summary>
    private int LastMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => Number * 3,
        PeriodKind.HalfYear => Number * 6,
        PeriodKind.NineMonths => 9,
        _ => 12,
    };

    private int FirstMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => Number * 3 - 2,
        PeriodKind.HalfYear => Number * 6 - 5,
        _ => 1,
    };

    public DateOnly From => FirstMonth == 1
        ? new DateOnly(Year - 1, 12, CutOffDay + 1)
        : new DateOnly(Year, FirstMonth - 1, CutOffDay + 1);

    /// <summary>The cut-off day (thời gian chốt số liệu), the last day the period covers.</summary>
    public DateOnly To => new(Year, LastMonth, CutOffDay);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The same period one year earlier, for growth "so với cùng kỳ".</summary>
    public ReportingPeriod YearBefore() => new(Kind, Year - 1, Number);

    /// <summary>The period of this kind that holds the day (20/12/2025 is in the year 2026's periods).</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly day)
    {
        var year = day.Month == 12 && day.Day > CutOffDay ? day.Year + 1 : day.Year;
        var month = day.Day > CutOffDay ? day.Month % 12 + 1 : day.Month;
        return kind switch
        {
            PeriodKind.Month => Month(year, month),
            PeriodKind.Quarter => Quarter(year, (month + 2) / 3),
            PeriodKind.HalfYear => new ReportingPeriod(PeriodKind.HalfYear, year, month <= 6 ? 1 : 2),
            PeriodKind.NineMonths when month <= 9 => NineMonths(year),
            PeriodKind.NineMonths => NineMonths(year + 1),
            _ => WholeYear(year),
        };
    }

    /// <summary>
    /// The period of this kind whose cut-off came last before the day: the one a round opens for. Nine months
    /// leave 15/9–14/12 uncovered, and there <see cref="Containing"/> gives next year's period, not yet begun.
    /// </summary>
    public static ReportingPeriod LastEndedBefore(PeriodKind kind, DateOnly day)
    {
        var current = Begun(kind, day);
        return current.To < day ? current : Begun(kind, current.From.AddDays(-1));
    }

    /// <summary>The period holding the day, or, in a gap between nine-month periods, the one that ended before it.</summary>
    private static ReportingPeriod Begun(PeriodKind kind, DateOnly day)
    {
        var period = Containing(kind, day);
        return period.From > day ? new ReportingPeriod(kind, period.Year - 1, period.Number) : period;
    }

    /// <summary>A short, stable code used in storage and commands: 2025, 2025-H1, 2025-Q3, 2025-M04, 2025-9M.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Month => $"{Year}-M{Number:00}",
        PeriodKind.Quarter => $"{Year}-Q{Number}",
        PeriodKind.HalfYear => $"{Year}-H{Number}",
        PeriodKind.NineMonths => $"{Year}-9M",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The Vietnamese name people use for the period.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => $"Tháng {Number} năm {Year}",
        PeriodKind.Quarter => $"Quý {ToRoman(Number)} năm {Year}",
        PeriodKind.HalfYear when Number == 1 => $"6 tháng đầu năm {Year}",
        PeriodKind.HalfYear => $"6 tháng cuối năm {Year}",
        PeriodKind.NineMonths => $"9 tháng năm {Year}",
        _ => $"Năm {Year}",
    };

    public static bool TryParse(string? code, out ReportingPeriod? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(code)) return false;
        var text = code.Trim().ToUpperInvariant();
        var parts = text.Split('-', 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100) return false;
        if (parts.Length == 1) { period = WholeYear(year); return true; }
        var rest = parts[1];
        int n;
        switch (rest)
        {
            case "9M": period = NineMonths(year); return true;
            case ['H', .. var h] when int.TryParse(h, out n) && n is 1 or 2: period = new(PeriodKind.HalfYear, year, n); return true;
            case ['Q', .. var q] when int.TryParse(q, out n) && n is >= 1 and <= 4: period = Quarter(year, n); return true;
            case ['M', .. var m] when int.TryParse(m, out n) && n is >= 1 and <= 12: period = Month(year, n); return true;
            default: return false;
        }
    }

    public override string ToString() => Code;

    private static string ToRoman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
