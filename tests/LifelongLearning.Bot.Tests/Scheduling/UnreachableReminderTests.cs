using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

public class UnreachableReminderTests
{
    private static DateTime At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0);

    [Fact]
    public void A_reminder_to_a_person_no_channel_reaches_is_dealt_with_once_and_the_digest_names_the_person()
    {
        using var w = new CalendarWorld(At(2026, 6, 15, 7));
        w.RunAt(At(2026, 6, 15, 7));
        var account = w.Store.Accounts.FindById(ChatAccount.AddressOf(CalendarWorld.Channel, "r-TV-XA"))!;
        w.Store.Write(() =>
        {
            account.UnreachableReason = "người dùng đã chặn bot";
            account.UnreachableSince = w.Local.UtcNow;
            w.Store.Accounts.Update(account);
        });

        // The slot of 16/6 08:00, and the calendar's minutes after it.
        for (var minute = 0; minute < 5; minute++) w.RunAt(At(2026, 6, 16, 8, minute));

        var marked = Assert.Single(w.WithKeyPrefix("remind:2026-H1:TV-XA:"));
        Assert.Equal(OutboxStatus.Unreachable, marked.Status);
        Assert.Equal("người dùng đã chặn bot", marked.Error);
        Assert.Equal(At(2026, 6, 16, 8), CalendarWorld.ToLocal(marked.CreatedAt));
        Assert.Single(w.WithKeyPrefix("remind:2026-H1:TV-TH:"), m => m.Status == OutboxStatus.Pending);

        // The person writes again that day: the slot was dealt with, no late copy of it goes out.
        w.Store.Write(() =>
        {
            account.UnreachableReason = null;
            w.Store.Accounts.Update(account);
        });
        w.RunAt(At(2026, 6, 16, 15));
        Assert.Single(w.WithKeyPrefix("remind:2026-H1:TV-XA:"));

        // Blocked again: the Thursday morning digest names the person and the unit.
        w.Store.Write(() =>
        {
            account.UnreachableReason = "người dùng đã chặn bot";
            w.Store.Accounts.Update(account);
        });
        w.RunAt(At(2026, 6, 18, 7));
        var digest = Assert.Single(w.WithKeyPrefix("digest:2026-H1:2026-06-18"));
        Assert.Contains("Không liên lạc được (1): Báo cáo TV-XA (Thư viện xã Quảng Nghiệp).", digest.Text);

        // The next slot (the deadline morning) is again considered once.
        for (var minute = 0; minute < 3; minute++) w.RunAt(At(2026, 6, 19, 8, minute));
        Assert.Equal(2, w.WithKeyPrefix("remind:2026-H1:TV-XA:").Count(m => m.Status == OutboxStatus.Unreachable));
    }
}
