using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Cities;

/// <summary>
/// What a city official does in chat: the city's digest with the chart ranking communes, one commune's digest,
/// and the city's workbook. They read every commune and change none: <see cref="Commands.CommandTable"/> gives them
/// no command that writes a commune's data.
/// </summary>
public sealed class CityCommands(BotStore store, CommuneDirectory communes, CityFigures figures, Messenger messenger)
{
    public const string OwnCommuneOnly =
        "Cán bộ theo dõi của xã xem tổng hợp của xã mình: gõ /tonghop (không kèm mã). Số liệu của xã khác và của thành phố do cán bộ thành phố xem.";

    public const string NoCity = "Bot này đang phục vụ một xã, không có thành phố (Bot:CityPath chưa đặt), nên không có số liệu thành phố.";

    /// <summary>/tonghop: the city's digest and chart; /tonghop MÃ-XÃ or SỐ: that commune's.</summary>
    public void Digest(Turn turn, string args)
    {
        if (communes.City is not { } city)
        {
            turn.Say(NoCity);
            return;
        }
        var what = args.Trim();
        CityCommune? one = null;
        if (what.Length > 0 && (one = Find(city, what)) is null)
        {
            turn.Say($"Không có xã «{Quote.Short(what)}» trong {city.Name}. {Menu(city)}");
            return;
        }
        // Read before the message's write when the engine could (BotEngine.Handle), so nobody waits behind the city's sums.
        var read = turn.PreparedCity ?? Read();
        if (read is null)
        {
            turn.Say("Chưa có xã nào mở kỳ báo cáo nên chưa có số liệu tổng hợp của thành phố.");
            return;
        }
        var (channel, chat) = (turn.Message.Channel, turn.Message.ChatId);
        if (one is not null)
        {
            var commune = read.All.Children.Single(c => c.Node.Code == one.Code);
            messenger.To(channel, chat, CommuneText(commune));
            return;
        }
        var today = communes.ClockOf(city.Communes[0].Code).Today;
        messenger.To(channel, chat, CityDigest.Text(read.All, today) + "\n\n" + Menu(city));
        var bars = read.All.Children.Select(c => new CommuneBar(c.Node.Name, c.Completeness.Answered, c.Completeness.Expected));
        var caption = $"Xếp hạng các xã theo tỉ lệ đơn vị đã báo cáo — {read.Period.Label}";
        var png = CityChart.Render($"{city.Name} — {Sentence.LowerFirst(read.Period.Label)}", bars);
        // One chart per period, replaced each time: /tonghop pressed every day does not grow the store.
        var fileId = $"$/charts/{CityPlan.Code}/{read.Period.Code}";
        using (var stream = new MemoryStream(png)) store.Files.Upload(fileId, $"{CityPlan.Code}-{read.Period.Code}.png", stream);
        messenger.To(channel, chat, caption, OutboxKinds.Digest, photoFileId: fileId);
    }

    /// <summary>
    /// The city's figures of its latest period, read commune by commune (<see cref="CityFigures.Of"/>); null when no
    /// commune has opened a round, or the process serves no city.
    /// </summary>
    public CityRead? Read()
    {
        if (communes.City is not { } city || store.Read(() => figures.LatestPeriod(city)) is not { } period) return null;
        return new CityRead(period, figures.Of(city, period, c => communes.ClockOf(c).Zone));
    }

    /// <summary>/xuat [KỲ]: the city's workbook of a period (the latest by default), built by the export service and sent as a file.</summary>
    public void Export(Turn turn, string args)
    {
        if (communes.City is not { } city)
        {
            turn.Say(NoCity);
            return;
        }
        ReportingPeriod? period;
        if (args.Trim().Length == 0) period = store.Read(() => figures.LatestPeriod(city));
        else if (!ReportingPeriod.TryParse(args.Trim(), out period))
        {
            turn.Say($"Bot không hiểu kỳ «{Quote.Short(args)}». Gõ /xuat 2025 (cả năm) hoặc /xuat 2026-H1 (6 tháng đầu năm).");
            return;
        }
        if (period is null || !store.Read(() => city.Communes.Any(c => store.For(c.Code).Rounds.FindAll().Any(r => r.Period == period))))
        {
            turn.Say(period is null
                ? "Chưa có xã nào mở kỳ báo cáo nên chưa có số liệu để xuất."
                : $"Chưa xã nào có kỳ báo cáo {period.Label} nên chưa có số liệu để xuất.");
            return;
        }
        var memberId = turn.Member!.Id;
        var mine = store.For(Communes.City);
        if (mine.Exports.Exists(e => e.MemberId == memberId && e.Scope == period.Code && e.Status == ExportStatus.Pending))
        {
            turn.Say($"Bot đang chuẩn bị bảng tổng hợp {period.Label}, vui lòng chờ trong giây lát.");
            return;
        }
        mine.Exports.Insert(new ExportRequest
        {
            Scope = period.Code, MemberId = memberId, Channel = turn.Message.Channel, ChatId = turn.Message.ChatId,
            Status = ExportStatus.Pending, RequestedAt = communes.ClockOf(city.Communes[0].Code).UtcNow,
        });
        turn.Say($"Đang chuẩn bị bảng tổng hợp {period.Label} của {city.Name} (Excel: một dòng mỗi xã, một trang mỗi chỉ tiêu)… Bot sẽ gửi tệp trong ít phút.");
    }

    /// <summary>The refusal of a command that reads or changes one commune's data, for a city official.</summary>
    public static string Refusal(string name) =>
        $"Cán bộ thành phố xem số liệu các xã (/tonghop, /xuat) và gửi thông báo (/thongbao), không thay đổi dữ liệu của xã. " +
        $"Lệnh /{name} do cán bộ theo dõi của xã thực hiện; bot không thay đổi gì.";

    private static CityCommune? Find(CityPlan city, string what) =>
        int.TryParse(what, out var n) ? (n >= 1 && n <= city.Communes.Count ? city.Communes[n - 1] : null)
        : city.FindCommune(what) ?? city.Communes.FirstOrDefault(c => Words.Fold(c.Name) == Words.Fold(what));

    private static string Menu(CityPlan city) =>
        "Xem một xã: /tonghop SỐ hoặc MÃ-XÃ — " + string.Join(", ", city.Communes.Select((c, i) => $"{i + 1} {c.Code} ({c.Name})")) + ".";

    // A commune's digest as the city reads it: its completeness and its figures against its own plan's targets.
    private static string CommuneText(NodeFigures commune) =>
        $"📍 {commune.Node.Name}\n" +
        DigestWriter.Status(commune.Period.Label, commune.Node.Plan!.DeadlineFor(commune.Period), commune.Completeness) +
        "\n\n" + DigestWriter.Figures(commune.Figures);
}
