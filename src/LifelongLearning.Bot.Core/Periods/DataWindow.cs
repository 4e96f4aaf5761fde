using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Periods;

/// <summary>
/// The days a figure covers, as Nghị định 09/2019/NĐ-CP, Điều 12 cuts them (15th of the month before to the
/// 14th): stated in every round's opening message and every report, so nobody reads a yearly figure as a
/// calendar year.
/// </summary>
public static class DataWindow
{
    /// <summary>"Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025".</summary>
    public static string Sentence(DateOnly from, DateOnly to) =>
        $"Số liệu tính từ ngày {VietnameseFormat.Date(from)} đến ngày {VietnameseFormat.Date(to)}";

    public static string Sentence(ReportingPeriod period) => Sentence(period.From, period.To);
}
