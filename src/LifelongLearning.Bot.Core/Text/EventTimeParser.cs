using System.Globalization;
using System.Text.RegularExpressions;

namespace LifelongLearning.Bot.Core.Text;

/// <summary>
/// A date with an optional time of day, as an official types it: "21/4/2026 8:00", "21-04-2026 8h30",
/// "21/4/2026 14h", or "21/4/2026" alone (an all-day event). Day first, as Vietnamese dates are written.
/// The year may be left out ("5/12 8h"): people announcing an event mean its next coming, so it is the
/// first such day on or after <c>today</c>.
/// </summary>
public static partial class EventTimeParser
{
    public static bool TryParse(string text, DateOnly today, out DateOnly day, out TimeOnly? time)
    {
        day = default;
        time = null;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1) return false;
        int y;
        if (m.Groups["y"].Success)
        {
            y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (y < 100) y += 2000;
        }
        else
        {
            // The first year from this one where the day exists (29/2) and has not passed.
            y = today.Year;
            while (y <= today.Year + 4 && (d > DateTime.DaysInMonth(y, mo) || new DateOnly(y, mo, d) < today)) y++;
        }
        if (d > DateTime.DaysInMonth(y, mo)) return false;
        day = new DateOnly(y, mo, d);
        if (!m.Groups["h"].Success) return true;
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var min = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        if (h > 23 || min > 59) return false;
        time = new TimeOnly(h, min);
        return true;
    }

    // The time may come before or after the date ("8:00 21/4/2026" is as common as "21/4/2026 8:00").
    [GeneratedRegex(@"^(?:(?<h>\d{1,2})\s*(?:[:hg]\s*(?<min>\d{2})?)\s*(?:ngày\s*)?)?(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})(?:\s*[/.-]\s*(?<y>\d{2}|\d{4}))?(?:\s*(?:lúc\s*)?(?<h>\d{1,2})\s*(?:[:hg]\s*(?<min>\d{2})?)\s*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
