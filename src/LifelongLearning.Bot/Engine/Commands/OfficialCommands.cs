using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Configuration;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>
/// What officials do in chat: round status, the digest, invites, units and their members, opening a round.
/// Only officials reach these: <see cref="CommandTable"/> refuses everyone else. Each reads and changes only the
/// official's own commune (<see cref="Turn.CommuneId"/>).
/// </summary>
public sealed class OfficialCommands(
    BotStore store, CommuneClock clock, RoundService rounds, Reports reports, BotIdentity identity, IOptions<BotOptions> options,
    RoundDigests digests, Messenger messenger, UnitRegistry units, Members members, CommuneDirectory communes)
{
    public void Status(Turn turn)
    {
        var open = rounds.OpenRounds(turn.CommuneId);
        if (open.Count == 0)
        {
            turn.Say("Hiện không có kỳ báo cáo nào đang mở. Gõ /moky MÃ-KỲ để mở (ví dụ /moky 2026-H1).");
            return;
        }
        foreach (var round in open)
        {
            var lines = new List<string> { DigestWriter.Status(round.Period.Label, round.Deadline, reports.CompletenessOf(round), listUnits: false) };
            foreach (var unit in rounds.UnitsOf(round))
            {
                var first = reports.FirstReportedAt(round, unit.Id);
                var state = first is { } at
                    ? $"đã gửi {VietnameseFormat.DateTime(clock.ToLocal(at))}"
                    : reports.IsReachable(unit.Id) ? "chưa gửi" : rounds.ReportersOf(unit.Id).Count == 0 ? "chưa có người báo cáo" : "không liên lạc được";
                lines.Add($"{(first is null ? "⏳" : "✅")} {unit.Id} {unit.Name}: {state}");
            }
            turn.Say(string.Join("\n", lines));
        }
    }

    /// <summary>/tonghop's digest, built before the message's write (see <see cref="BotEngine.Handle"/>); null when there is no round.</summary>
    public DigestDraft? PrepareDigest(string communeId) => store.Read(() => RoundToShow(communeId)) is { } round ? digests.Build(round) : null;

    public void Digest(Turn turn)
    {
        var round = RoundToShow(turn.CommuneId);
        if (round is null)
        {
            turn.Say("Chưa có kỳ báo cáo nào nên chưa có số liệu tổng hợp.");
            return;
        }
        // Built before the write when the engine could; here only when the round changed meanwhile or the command came another way.
        var draft = turn.PreparedDigest is { } ready && ready.RoundId == round.Id ? ready : digests.Build(round);
        var photo = digests.StoreChart(draft);
        // Queued here rather than as turn replies, so the text comes before the chart.
        messenger.To(turn.Message.Channel, turn.Message.ChatId, draft.Text);
        messenger.To(turn.Message.Channel, turn.Message.ChatId, $"Biểu đồ chỉ tiêu — {round.Period.Label}", OutboxKinds.Digest, photoFileId: photo);
    }

    private Round? RoundToShow(string communeId) => rounds.OpenRounds(communeId).FirstOrDefault()
        ?? store.For(communeId).Rounds.FindAll().OrderByDescending(r => r.Deadline).FirstOrDefault();

    public void Invite(Turn turn, string args)
    {
        var commune = store.For(turn.CommuneId);
        var what = args.Trim();
        if (what.Length == 0)
        {
            var units = commune.Units.Find(u => u.Active).OrderBy(u => u.Id).Select(u => $"{u.Id} — {u.Name}");
            turn.Say("Gõ /moi MÃ-ĐƠN-VỊ để tạo mã mời người báo cáo, hoặc /moi canbo để mời cán bộ theo dõi.\nCác đơn vị:\n" + string.Join("\n", units));
            return;
        }
        Role role;
        UnitRecord? unit = null;
        string? city = null;
        if (Words.Fold(what) is "thanhpho" or "thanh pho")
        {
            // The city official's invite is the city's own record, so the commune's view never holds it.
            if (turn.Role != Role.Admin || communes.City is null)
            {
                turn.Say(turn.Role != Role.Admin
                    ? "Chỉ quản trị viên mời được cán bộ thành phố. Cán bộ xã mời người báo cáo (/moi MÃ-ĐƠN-VỊ) và cán bộ xã (/moi canbo)."
                    : "Bot này đang phục vụ một xã, không có thành phố (Bot:CityPath chưa đặt), nên không mời được cán bộ thành phố.");
                return;
            }
            (commune, role, city) = (store.For(Communes.City), Role.Official, communes.City.Name);
        }
        else if (Words.Fold(what) is "canbo" or "can bo")
            role = Role.Official;
        else
        {
            unit = commune.Units.FindById(what.ToUpperInvariant());
            if (unit is not { Active: true })
            {
                turn.Say($"Không có đơn vị mã «{Quote.Short(what)}». Gõ /donvi để xem mã các đơn vị.");
                return;
            }
            role = Role.Reporter;
        }
        var code = InviteCodes.NewCode();
        var expires = clock.UtcNow + options.Value.InviteLifetime;
        commune.Invites.Insert(new Invite
        {
            Id = InviteCodes.Hash(code), Role = role, UnitId = unit?.Id, CreatedBy = turn.Member?.Id ?? "",
            CreatedAt = clock.UtcNow, ExpiresAt = expires,
        });
        var link = identity.TelegramUsername is { } bot ? $"\nTrên Telegram, mở: https://t.me/{bot}?start={code}" : "";
        var forWhom = city is not null ? $"cán bộ theo dõi của {city}" : unit is null ? "cán bộ theo dõi" : $"người báo cáo của {unit.Name}";
        turn.Say($"Mã mời {forWhom}: {InviteCodes.Display(code)}\n" +
                 $"Dùng được một lần, hết hạn {VietnameseFormat.DateTime(clock.ToLocal(expires))}.\n" +
                 $"Người nhận gửi mã này cho bot (trên Zalo hoặc Telegram).{link}");
    }

    public void AddUnit(Turn turn, string args)
    {
        var parts = args.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kinds = string.Join(", ", communes.PlanOf(turn.CommuneId).UnitKinds.Select(k => $"{k.Code} ({k.Name})"));
        if (parts.Length < 3)
        {
            turn.Say($"Gõ: /themdonvi MÃ loại Tên đơn vị, ví dụ /themdonvi TV-CD thu-vien-khac Thư viện cộng đồng Thôn 2.\nCác loại: {kinds}");
            return;
        }
        var (code, kind, name) = (parts[0].ToUpperInvariant(), parts[1], parts[2]);
        turn.Say(units.Add(store.For(turn.CommuneId), code, kind, name) switch
        {
            UnitAdded.UnknownKind => $"Không có loại đơn vị «{Quote.Short(kind)}». Các loại: {kinds}",
            UnitAdded.CodeTaken => $"Mã {code} đã có đơn vị dùng. Chọn mã khác.",
            _ => $"Đã thêm đơn vị {code} — {name}. Gõ /moi {code} để tạo mã mời người báo cáo.",
        });
    }

    public void ListUnits(Turn turn)
    {
        var commune = store.For(turn.CommuneId);
        var byUnit = commune.Members.Find(m => m.RemovedAt == null && m.UnitId != null).ToLookup(m => m.UnitId!);
        var lines = commune.Units.Find(u => u.Active).OrderBy(u => u.Id).Select(u =>
        {
            var people = byUnit[u.Id].Select(m => $"{m.Name} (số {m.Id})").ToList();
            return $"• {u.Id} — {u.Name}: {(people.Count == 0 ? "chưa có người báo cáo" : string.Join(", ", people))}";
        });
        turn.Say("Đơn vị và người báo cáo:\n" + string.Join("\n", lines) + "\nGõ /xoa SỐ để bỏ một người.");
    }

    public void RemoveMember(Turn turn, string args)
    {
        var commune = store.For(turn.CommuneId);
        var member = commune.Members.FindById(args.Trim());
        if (member is null || member.RemovedAt is not null || member.Role == Role.Resident)
        {
            turn.Say("Không tìm thấy người có số này. Gõ /donvi để xem số của từng người.");
            return;
        }
        if (member.Role == Role.Admin)
        {
            turn.Say("Không thể bỏ quản trị viên; quản trị viên được đặt trong cấu hình.");
            return;
        }
        member.RemovedAt = clock.UtcNow;
        commune.Members.Update(member);
        members.MenuChanged(member);
        store.Conversations.Delete(member.Id);
        turn.Say($"Đã bỏ {member.Name} khỏi danh sách. Người này không còn báo cáo được; các số đã gửi vẫn được giữ.");
    }

    public void OpenRound(Turn turn, string args)
    {
        if (!ReportingPeriod.TryParse(args, out var period) || period is null)
        {
            turn.Say("Gõ mã kỳ: /moky 2026 (cả năm), /moky 2026-H1 (6 tháng đầu năm), /moky 2026-Q1 (quý), /moky 2026-M03 (tháng).");
            return;
        }
        if (rounds.Find(turn.CommuneId, period) is { } existing)
        {
            turn.Say(existing.Status == RoundStatus.Open ? $"Kỳ {period.Label} đang mở rồi." : $"Kỳ {period.Label} đã đóng.");
            return;
        }
        var plan = communes.PlanOf(turn.CommuneId);
        if (!plan.HasQuestionsIn(period.Kind))
        {
            // A round without questions would tell every unit it is open and then ask nothing.
            var kinds = Enum.GetValues<PeriodKind>().Where(plan.HasQuestionsIn).Select(k => $"/moky {Example(k, period.Year)}");
            turn.Say($"Kế hoạch không có chỉ tiêu nào báo cáo theo kỳ {KindName(period.Kind)}, nên kỳ {period.Label} không có câu hỏi; bot không mở kỳ này. " +
                     $"Các kỳ có câu hỏi: {string.Join(", ", kinds)}.");
            return;
        }
        var round = rounds.Open(turn.CommuneId, period);
        turn.Say($"Đã mở kỳ {period.Label}, hạn gửi {VietnameseFormat.Date(round.Deadline)}. Bot đã nhắn các đơn vị.");
    }

    private static string KindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => "tháng",
        PeriodKind.Quarter => "quý",
        PeriodKind.HalfYear => "6 tháng",
        PeriodKind.NineMonths => "9 tháng",
        _ => "năm",
    };

    private static string Example(PeriodKind kind, int year) => kind switch
    {
        PeriodKind.Month => ReportingPeriod.Month(year, 3).Code,
        PeriodKind.Quarter => ReportingPeriod.Quarter(year, 1).Code,
        PeriodKind.HalfYear => ReportingPeriod.FirstHalf(year).Code,
        PeriodKind.NineMonths => ReportingPeriod.NineMonths(year).Code,
        _ => ReportingPeriod.WholeYear(year).Code,
    };

    /// <summary>/giahan MÃ-KỲ dd/MM/yyyy: moves an open round's deadline; every reporter hears of it.</summary>
    public void ExtendDeadline(Turn turn, string args)
    {
        var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !ReportingPeriod.TryParse(parts[0], out var period) || period is null
            || !DateOnly.TryParseExact(parts[1], ["dd/MM/yyyy", "d/M/yyyy"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var deadline))
        {
            turn.Say("Gõ: /giahan MÃ-KỲ ngày/tháng/năm, ví dụ /giahan 2026-H1 30/06/2026.");
            return;
        }
        if (rounds.Find(turn.CommuneId, period) is not { Status: RoundStatus.Open } round)
        {
            turn.Say($"Kỳ {period.Label} không đang mở nên không gia hạn được.");
            return;
        }
        if (deadline < clock.Today)
        {
            turn.Say("Hạn mới phải từ hôm nay trở đi.");
            return;
        }
        var told = rounds.ExtendDeadline(round, deadline);
        turn.Say($"Đã gia hạn kỳ {period.Label} đến {VietnameseFormat.Date(deadline)}; đã báo {told} người báo cáo.");
    }
}
