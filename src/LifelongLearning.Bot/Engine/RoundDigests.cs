using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine.Events;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// A round's digest, text and chart, for its own commune: what /tonghop shows and what the calendar sends at closing.
/// One builder for both, so the digest an official asks for is the one the calendar sends.
/// </summary>
public sealed class RoundDigests(BotStore store, Reports reports, RoundService rounds, DigestCharts? charts = null)
{
    /// <summary>The round digest: status and figures as text, and the chart stored in the store's files (call inside a write).</summary>
    public (string Text, string PhotoFileId) RoundDigest(Round round, string? heading = null)
    {
        var draft = Build(round, heading);
        return (draft.Text, StoreChart(draft));
    }

    /// <summary>
    /// The digest built from a read of the store and drawn with no lock held, so /tonghop can build it before its
    /// message's write and the single writer is not held while the answers are summed and the chart drawn.
    /// </summary>
    public DigestDraft Build(Round round, string? heading = null)
    {
        var (text, input) = store.Read(() =>
        {
            var sums = reports.YearlyFiguresByIndicator(round.CommuneId);
            var figures = reports.FiguresOf(round, sums);
            var status = DigestWriter.Status(round.Period.Label, round.Deadline, reports.CompletenessOf(round));
            return ($"{(heading is null ? "" : heading + "\n")}{status}\n\n{DigestWriter.Figures(figures)}{EventsLine(round)}",
                ChartInputBuilder.Build(rounds.PlanOf(round), round.Period.Label, figures, sums));
        });
        return new DigestDraft(round.Id, text, (charts ?? new DigestCharts()).Draw(input));
    }

    /// <summary>Stores the chart (call inside a write); one per round, replaced each time, so /tonghop pressed every day does not grow the store.</summary>
    public string StoreChart(DigestDraft draft)
    {
        var fileId = $"$/charts/{draft.RoundId}";
        using var stream = new MemoryStream(draft.Chart);
        store.Files.Upload(fileId, $"{draft.RoundId}.png", stream);
        return fileId;
    }

    /// <summary>
    /// Participation in the period's events, as units reported it after each one. Shown beside the figures,
    /// never added to a unit's answer: a unit's own figure for the period (HD-NGUOI) already counts everyone
    /// at its activities, these events included, so adding would count the same people twice. The official
    /// compares the two; the unit's confirmed answer stays the figure of record.
    /// </summary>
    private string EventsLine(Round round)
    {
        var (events, people) = EventFigures.Between(store.For(round.CommuneId), round.Period.From, round.Period.To);
        return events == 0 ? "" : $"\n\nSự kiện trong kỳ có số liệu đơn vị gửi sau sự kiện: {VietnameseFormat.Number(events)} sự kiện, " +
                                  $"{VietnameseFormat.Number(people)} lượt người tham gia (để đối chiếu, không cộng vào số đơn vị báo cáo).";
    }
}
