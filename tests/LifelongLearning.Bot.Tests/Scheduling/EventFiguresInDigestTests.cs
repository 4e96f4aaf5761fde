using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Scheduling;

/// <summary>The round digest shows the participation units reported after the period's events, beside (not inside) their own figures.</summary>
public sealed class EventFiguresInDigestTests
{
    [Fact]
    public void The_digest_sums_the_figures_of_the_events_within_the_rounds_period_only()
    {
        using var w = new CalendarWorld(new DateTime(2026, 6, 16, 9, 0, 0));
        var round = w.Store.Write(() => w.Rounds.Open(Communes.Shipped, new ReportingPeriod(PeriodKind.HalfYear, 2026, 1), askReporters: false));
        w.Store.Write(() =>
        {
            Figure(1, "NVH-1", new DateTime(2026, 4, 19), 135);
            Figure(1, "TV-XA", new DateTime(2026, 4, 19), 40);
            Figure(2, "TV-XA", new DateTime(2026, 4, 21), 1_200);
            Figure(3, "TV-XA", new DateTime(2026, 6, 15), 99); // after the cut-off of 14/6: the next half-year
        });

        var (text, _) = w.Digests.RoundDigest(round);

        Assert.Contains("2 sự kiện, 1.375 lượt người tham gia (để đối chiếu, không cộng vào số đơn vị báo cáo)", text);
        void Figure(int eventId, string unit, DateTime day, int people) => w.Store.EventFigures.Insert(new EventFigure
        {
            Id = EventFigure.IdOf(eventId, unit), EventId = eventId, UnitId = unit, EventDay = DateOnly.FromDateTime(day), Participants = people,
        });
    }
}
