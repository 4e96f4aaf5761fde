using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Scheduling;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Scheduling;
using Xunit;

namespace LifelongLearning.Bot.Tests.Faults;

/// <summary>
/// A store kept from before figures had a maximum: decimal.MaxValue accepted as «lượt» by two units, in this
/// year's round and last year's. The calendar still opens, reminds, digests and closes over it; a step that
/// fails anyway (a row the code cannot read) fails alone, and the officials hear of it once.
/// </summary>
public class OverflowingStoreCalendarTests
{
    private static DateTime At(int y, int m, int d, int h) => new(y, m, d, h, 0, 0);
    private static readonly Member By = new() { Id = "0", Name = "Dữ liệu cũ" };

    private static void Huge(CalendarWorld w, Round round, params string[] units)
    {
        foreach (var unit in units)
            w.Rounds.Submit(round, unit, By, "test", new Dictionary<string, AnswerValue> { ["TV-LUOT"] = AnswerValue.Of(decimal.MaxValue) });
    }

    [Fact]
    public void The_calendar_closes_a_round_whose_sum_would_overflow_and_sends_its_digest()
    {
        using var w = new CalendarWorld(At(2026, 12, 15, 9));
        w.Store.Write(() => Huge(w, w.Rounds.Open(Communes.Shipped, ReportingPeriod.WholeYear(2025), askReporters: false), "TV-XA", "TV-TH"));
        w.RunAt(At(2026, 12, 15, 9));
        var round = w.Rounds.Find("2026")!;
        w.Store.Write(() => Huge(w, round, "TV-XA", "TV-TH", "TV-MN"));

        w.Drive(new DateOnly(2026, 12, 16), new DateOnly(2027, 1, 5), [new(7, 0), new(8, 0)]);

        var close = Assert.Single(w.WithKeyPrefix("close:2026:"));
        Assert.Contains("(TV-LUOT):", close.Text);
        Assert.NotNull(w.Store.Files.FindById(close.PhotoFileId!));
        Assert.Equal(RoundStatus.Closed, w.Rounds.Find("2026")!.Status);
        Assert.NotEmpty(w.WithKeyPrefix("digest:2026:"));
        Assert.Empty(w.WithKeyPrefix("calendar-failed:"));
    }

    [Fact]
    public void A_step_that_fails_is_rolled_back_and_reported_once_while_the_others_go_on()
    {
        using var w = new CalendarWorld(At(2026, 6, 15, 7));
        w.RunAt(At(2026, 6, 15, 7));
        var h1 = w.Rounds.Find("2026-H1")!;
        // A row this build cannot make figures of, in H1 only: a second answer for the same indicator, as a plan
        // change that renamed a code could leave behind. Closing H1 fails on it, every minute.
        w.Store.Write(() =>
        {
            Huge(w, h1, "TV-XA");
            var copy = w.Store.Answers.FindById(Answer.IdOf("2026-H1", "TV-XA", "TV-LUOT"));
            copy.Id += "-cu";
            w.Store.Answers.Insert(copy);
        });

        w.RunAt(At(2026, 7, 4, 7));
        w.RunAt(At(2026, 7, 4, 8));
        w.RunAt(At(2026, 12, 15, 7)); // H2 and the year open in the same runs in which H1 fails to close
        w.RunAt(At(2026, 12, 18, 8));
        w.RunAt(At(2027, 1, 5, 8));

        Assert.Equal(RoundStatus.Open, w.Rounds.Find("2026-H1")!.Status); // rolled back: not closed without its digest
        Assert.Empty(w.WithKeyPrefix("close:2026-H1"));
        Assert.Single(w.WithKeyPrefix("close:2026-H2:"));
        Assert.Single(w.WithKeyPrefix("close:2026:"));
        Assert.NotEmpty(w.WithKeyPrefix("remind:2026-H2:TV-TH:"));
        var told = Assert.Single(w.WithKeyPrefix("calendar-failed:"));
        Assert.Equal($"calendar-failed:close:2026-H1:{w.Official.Id}", told.DedupKey);
        Assert.Contains("đóng kỳ báo cáo 2026-H1", told.Text);
        Assert.Contains("các việc khác vẫn chạy", told.Text);
    }
}
