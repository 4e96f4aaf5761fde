using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Reporting;

namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>
/// /start with an invite code binds the chat to a unit as its reporter, or makes an official; with a link
/// code it joins the chat to the member who made it (<see cref="LinkCommand"/>); /start without one offers
/// a stranger to subscribe as a resident, never more.
/// </summary>
public sealed class StartCommand(BotStore store, Plan plan, CommuneClock clock, RoundService rounds, Messenger messenger, Members members, LinkCommand link, CommuneDirectory communes)
{
    public void Handle(Turn turn, string args)
    {
        if (string.IsNullOrWhiteSpace(args))
        {
            Welcome(turn);
            return;
        }
        Redeem(turn, args);
    }

    private void Welcome(Turn turn)
    {
        if (turn.Member is not null && turn.Role != Role.Resident)
        {
            turn.Say($"Chào {turn.Member.Name}! Anh/chị đã đăng ký với bot. Gõ /trogiup để xem các lệnh.");
            return;
        }
        if (turn.Member is not null && store.Subscribers.FindById(turn.Member.Id) is { Active: true })
        {
            turn.Say("Anh/chị đang nhận thông báo sự kiện của xã. Gõ /ngung để thôi nhận.");
            return;
        }
        // Serving a city, the bot is the city's; the commune is asked when the person agrees (see Subscribe).
        var owner = communes.City is { } city && communes.ServesMany ? city.Name : plan.Commune.Name;
        turn.Say(new Reply(
            $"Chào anh/chị! Đây là bot học tập suốt đời của {owner}.\n" +
            "Bot gửi thông báo về ngày hội đọc sách, Tuần lễ học tập suốt đời, các lớp học và câu lạc bộ.\n" +
            "Bot chỉ lưu tên hiển thị và mã trò chuyện của anh/chị. Gõ «đồng ý» để nhận thông báo.\n" +
            "Cán bộ đơn vị có mã mời thì gửi mã đó (ví dụ ABCD-EFGH).",
            [new Choice("Đồng ý nhận thông báo", "/dangky")]));
    }

    /// <summary>
    /// A resident's yes. A returning resident keeps their commune; a newcomer to a bot serving several communes
    /// names theirs first (<paramref name="args"/>: its number in the list, its name or its code), so each
    /// commune's announcements reach only its own residents.
    /// </summary>
    public void Subscribe(Turn turn, string args)
    {
        var communeId = turn.Member?.CommuneId ?? ChosenCommune(turn, args);
        if (communeId is null) return;
        var member = turn.Member ?? members.Create(turn.Message, Role.Resident, null, communeId);
        turn.Member = member;
        var subscribers = store.For(member.CommuneId).Subscribers;
        var subscriber = subscribers.FindById(member.Id) ?? new Subscriber { Id = member.Id };
        subscriber.Active = true;
        subscriber.SubscribedAt = clock.UtcNow;
        subscriber.LeftAt = null;
        subscribers.Upsert(subscriber);
        var whose = communes.ServesMany ? "của " + MidSentence(communes.Of(member.CommuneId).Name) : "của xã";
        turn.Say($"Cảm ơn anh/chị đã đăng ký! Bot sẽ báo trước các sự kiện học tập {whose}. Gõ /ngung bất cứ lúc nào để thôi nhận.");
    }

    /// <summary>
    /// A stranger's answer to «ở xã nào?»: a stranger has no stored conversation to hold the question, so a
    /// commune's number in the list, or its name, from someone the bot does not know is taken as that answer.
    /// </summary>
    public bool TryCommuneAnswer(Turn turn, string text)
    {
        if (!communes.ServesMany || turn.Member is not null) return false;
        var pick = int.TryParse(text.Trim(), out var n) && n >= 1 && n <= communes.All.Count ? communes.All[n - 1] : CommuneNamed(text);
        if (pick is null) return false;
        Subscribe(turn, pick.Code);
        return true;
    }

    /// <summary>
    /// The commune a newcomer named, or null after asking them which. The choices are not kept: a newcomer has no
    /// stored conversation, so their answer comes back through <see cref="TryCommuneAnswer"/> or a /dangky button.
    /// </summary>
    private string? ChosenCommune(Turn turn, string args)
    {
        if (!communes.ServesMany) return communes.Default;
        if (CommuneNamed(args) is { } named) return named.Code;
        var choices = communes.All.Select(c => new Choice(c.Name, $"/dangky {c.Code}")).ToList();
        var unknown = args.Trim().Length == 0 ? "" : $"Không có xã «{Quote.Short(args.Trim())}» trong {communes.City!.Name}. ";
        turn.Say(new Reply(unknown + "Anh/chị ở xã nào? Gõ số thứ tự hoặc tên xã.", choices, Numbered: true));
        return null;
    }

    /// <summary>A commune of this city by its code or its name, with or without accents and «xã».</summary>
    private CityCommune? CommuneNamed(string text) =>
        communes.All.FirstOrDefault(c => string.Equals(c.Code, text.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? communes.All.FirstOrDefault(c => Words.Names(c.Name, text));

    private static string MidSentence(string name) =>
        name.StartsWith("Xã ", StringComparison.Ordinal) || name.StartsWith("Phường ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : name;

    private void Redeem(Turn turn, string code)
    {
        var invite = InviteCodes.LooksLikeCode(code) ? store.Invites.FindById(InviteCodes.Hash(code)) : null;
        if (invite is null)
        {
            turn.Say("Mã không đúng. Vui lòng kiểm tra lại mã (8 ký tự, ví dụ ABCD-EFGH). Mã mời: xin cán bộ xã mã mới; mã liên kết: gõ /lienket ở kênh kia để lấy mã mới.");
            return;
        }
        // A link code (/lienket) is stored as an invite; its person gets a new one themselves, not from an official.
        var renew = invite.LinksMemberId is null ? "vui lòng xin cán bộ xã mã mới" : "gõ /lienket ở kênh kia để lấy mã mới";
        var what = invite.LinksMemberId is null ? "Mã mời" : "Mã liên kết";
        if (invite.UsedAt is not null)
        {
            turn.Say($"{what} này đã được dùng. Mỗi mã chỉ dùng một lần; {renew}.");
            return;
        }
        if (invite.ExpiresAt <= clock.UtcNow)
        {
            turn.Say($"{what} này đã hết hạn lúc {VietnameseFormat.DateTime(clock.ToLocal(invite.ExpiresAt))}; {renew}.");
            return;
        }
        if (invite.LinksMemberId is not null)
        {
            link.Join(turn, invite);
            return;
        }
        // The invite says the commune: the unit is looked up in it, and the newcomer becomes one of its people.
        var unit = invite.UnitId is null ? null : store.For(invite.CommuneId).Units.FindById(invite.UnitId);
        if (invite.UnitId is not null && unit is not { Active: true })
        {
            turn.Say("Đơn vị của mã mời này không còn hoạt động. Vui lòng liên hệ cán bộ xã.");
            return;
        }

        var member = turn.Member;
        if (member is null)
        {
            member = members.Create(turn.Message, invite.Role, invite.UnitId, invite.CommuneId);
            // The turn's blank conversation becomes the new member's, so the report begun below is saved with the turn.
            turn.Conversation.Id = member.Id;
        }
        else
        {
            if (turn.Role != Role.Admin && member.CommuneId != invite.CommuneId)
            {
                // The person now belongs where the invite says (a resident of a commune becoming the city's official).
                member.CommuneId = invite.CommuneId;
                foreach (var account in store.Accounts.Find(a => a.MemberId == member.Id).ToList())
                {
                    account.CommuneId = invite.CommuneId;
                    store.Accounts.Update(account);
                }
            }
            if (turn.Role != Role.Admin) member.Role = invite.Role;
            member.UnitId = invite.UnitId;
            store.Members.Update(member);
            members.MenuChanged(member);
        }
        turn.Member = member;
        turn.Role = turn.Role == Role.Admin ? Role.Admin : invite.Role;
        invite.UsedAt = clock.UtcNow;
        invite.UsedBy = member.Id;
        store.Invites.Update(invite);

        if (invite.CommuneId == Communes.City && communes.City is { } city)
        {
            turn.Say($"Chào {member.Name}! Anh/chị đã được đăng ký là cán bộ theo dõi của {city.Name}: xem tổng hợp các xã (/tonghop), " +
                     "bảng tổng hợp Excel (/xuat) và gửi thông báo cho người dân các xã (/thongbao). Gõ /trogiup để xem các lệnh.");
            messenger.ToMember(invite.CreatedBy, $"{member.Name} đã nhận lời mời làm cán bộ theo dõi của {city.Name}.", OutboxKinds.Alert);
            return;
        }
        if (unit is null)
        {
            turn.Say($"Chào {member.Name}! Anh/chị đã được đăng ký là cán bộ theo dõi Kế hoạch. Gõ /trogiup để xem các lệnh.");
            messenger.ToOfficialsOf(member.CommuneId, $"{member.Name} đã nhận lời mời làm cán bộ theo dõi.", OutboxKinds.Alert);
            return;
        }
        messenger.ToOfficialsOf(member.CommuneId, $"{member.Name} đã đăng ký báo cáo cho {unit.Name}.", OutboxKinds.Alert);
        var open = rounds.OpenRounds(unit.CommuneId).Where(r => rounds.IndicatorsFor(unit, r).Count > 0).ToList();
        var due = open.FirstOrDefault(r => !rounds.HasReported(r.Id, unit.Id));
        turn.Say(Greeting(member, unit, due ?? open.FirstOrDefault(), due is null));
        // The report of an open round begins in this turn's replies, after the welcome, so it never arrives first.
        if (due is not null)
            turn.Say(ReportSession.Begin(turn.Conversation, due.Id, unit.Id, rounds.ContextFor(due, unit), new Dictionary<string, Core.Answers.AnswerValue>()).Replies);
    }

    /// <param name="open">the round the unit has open, if any: the welcome gives its own deadline, which a /giahan may have moved from the plan's rule</param>
    /// <param name="reported">whether the unit has already sent that round's report (by another of its people)</param>
    private string Greeting(Member member, UnitRecord unit, Round? open, bool reported)
    {

        var asked = plan.Indicators.Where(i => i.IsReportedBy(unit.Kind)).ToList();
        var periods = string.Join(", ", plan.Schedule.Rounds.Select(p => p switch
        {
            Core.Periods.PeriodKind.HalfYear => "6 tháng",
            Core.Periods.PeriodKind.Year => "cả năm",
            Core.Periods.PeriodKind.Quarter => "quý",
            Core.Periods.PeriodKind.Month => "tháng",
            _ => "9 tháng",
        }));
        var when = open is null
            ? $", hạn gửi {plan.Schedule.DeadlineDaysAfterCutOff} ngày sau đó. Bot sẽ nhắn khi đến kỳ."
            : $". Kỳ báo cáo {open.Period.Label} đang mở, hạn gửi {VietnameseFormat.Date(open.Deadline)}. {Core.Periods.DataWindow.Sentence(open.Period)}." +
              (reported ? " Đơn vị đã gửi báo cáo kỳ này; gõ /sua nếu cần sửa số." : " Bot hỏi từng câu ngay sau đây.");
        return $"Chào {member.Name}! Anh/chị đã được đăng ký báo cáo cho {unit.Name}.\n" +
               $"Đơn vị báo cáo {asked.Count} chỉ tiêu, theo kỳ {periods}; số liệu chốt ngày 14{when}\n" +
               string.Join("\n", asked.Select(i => $"• {i.Code}: {i.Name}"));
    }
}
