using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Cities;
using LifelongLearning.Bot.Storage;
using static LifelongLearning.Bot.Core.Text.Sentence;

namespace LifelongLearning.Bot.Exports;

/// <summary>The city official's /xuat: the city's workbook of one period (<see cref="CityXlsxWriter"/>), read from every commune's answers.</summary>
public sealed class CityWorkbook(CommuneDirectory communes, CityFigures figures)
{
    public ExportFile Build(ReportingPeriod period)
    {
        var city = communes.City ?? throw new InvalidOperationException("The process serves no city (Bot:CityPath is empty).");
        var all = figures.Of(city, period, c => communes.ClockOf(c).Zone);
        using var stream = new MemoryStream();
        CityXlsxWriter.Write(all, communes.ClockOf(city.Communes[0].Code).Today, stream);
        return new ExportFile($"tong-hop-thanh-pho-{period.Code}.xlsx", stream.ToArray(),
            $"Bảng tổng hợp {city.Name} — {Cap(period.Label)} (Excel: một dòng mỗi xã, một trang mỗi chỉ tiêu)");
    }
}
