using System.Globalization;
using LifelongLearning.Bot.Engine;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine;

/// <summary>
/// The keys a running store already holds: a key built differently after an upgrade would make the calendar
/// send every reminder, alert and digest of the open rounds a second time.
/// </summary>
public class DedupKeysTests
{
    [Fact]
    public void Every_key_keeps_the_format_the_stores_of_earlier_releases_hold()
    {
        var day = new DateOnly(2026, 6, 19);
        Assert.Equal("remind:2026-H1:TV-TH:2026-06-19:7", DedupKeys.ForMember(DedupKeys.Reminder("2026-H1", "TV-TH", day), "7"));
        Assert.Equal("escalate:2026-H1:2026-06-19:7", DedupKeys.ForMember(DedupKeys.Escalation("2026-H1", day), "7"));
        Assert.Equal("digest:2026-H1:2026-06-19", DedupKeys.Digest("2026-H1", day));
        Assert.Equal("close:2026", DedupKeys.Close("2026"));
        Assert.Equal("open:2026-H1:7", DedupKeys.Opening("2026-H1", "7"));
        Assert.Equal("extend:2026-H1:2026-06-19:7", DedupKeys.Extension("2026-H1", day, "7"));
        Assert.Equal("participation:3:NVH-1:7", DedupKeys.Participation(3, "NVH-1", "7"));
        Assert.Equal("calendar-failed:close:2026-H1", DedupKeys.CalendarFailed("close:2026-H1"));
        Assert.Equal("export:12:bao-cao.docx", DedupKeys.ExportFile(12, "bao-cao.docx"));
        Assert.Equal("digest:thu@telegram:1", DedupKeys.OnAccount("digest:thu", "telegram:1"));
        Assert.Equal("digest:thu#2", DedupKeys.Part("digest:thu", 2));
    }

    [Fact]
    public void A_reminder_key_is_read_back_as_the_unit_and_slot_it_was_built_for_whatever_the_servers_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // A Buddhist-calendar culture writes 2026 as 2569 with "yyyy": the key must not follow the server's culture.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            var key = DedupKeys.ForMember(DedupKeys.Reminder("2026-H1", "TV-TH", new DateOnly(2026, 6, 19)), "7");
            Assert.StartsWith(DedupKeys.ReminderPrefix("2026-H1", "TV-TH"), key);
            Assert.StartsWith(DedupKeys.ReminderPrefix("2026-H1"), key);
            Assert.Equal("TV-TH", DedupKeys.ReminderUnit(key));
            Assert.Equal(new DateOnly(2026, 6, 19), DedupKeys.ReminderSlot(key));
            Assert.Equal("remind:2026-H1:TV-TH:2026-06-19:7", key);
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
