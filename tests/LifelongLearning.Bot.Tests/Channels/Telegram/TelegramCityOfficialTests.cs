using LifelongLearning.Bot.Engine;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Exports;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>
/// The city official on the two-commune test city (Support/City: xã Tân Kỳ on the shipped plan, xã Hòa Bình with
/// two units): invited by the admin with /moi thanhpho, they read every commune's figures (/tonghop, /xuat), reach
/// every commune's residents (/thongbao), and change nothing of a commune.
/// </summary>
public sealed class TelegramCityOfficialTests : TelegramBotTestBase
{
    private const long CityOfficial = 5201, OfficialB = 5202, ResidentA = 7301, ResidentB = 7302;
    private const string HoaBinh = "hoa-binh";
    private static readonly ReportingPeriod FirstHalf = ReportingPeriod.FirstHalf(2026);

    private FollowingClock _clock = null!;

    protected override bool StartBot => false;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Bot:CityPath"] = Path.Combine(AppContext.BaseDirectory, "Support", "City", "thanh-pho-thu.json");
        return settings;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Monday 15/6/2026, 09:00: the first half-year ended on the 14th, so both communes' rounds open at start.
        _clock = new FollowingClock(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        Bot.ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock.Provider);
        await Bot.StartAsync();
        await WaitUntilAsync(() => Bot.Store.Rounds.FindById(FirstHalf.Code) is not null);
        // The calendar opens the shipped commune's round; Hòa Bình's is opened as its own calendar step will open it.
        Bot.Store.Write(() =>
        {
            if (Bot.Store.Rounds.FindById(Round.IdOf(HoaBinh, FirstHalf)) is not null) return;
            var shipped = Bot.Store.Rounds.FindById(FirstHalf.Code)!;
            Bot.Store.For(HoaBinh).Rounds.Insert(new Round
            {
                Id = Round.IdOf(HoaBinh, FirstHalf), Kind = shipped.Kind, Year = shipped.Year, Number = shipped.Number, Status = RoundStatus.Open,
                Deadline = shipped.Deadline, ClosesOn = shipped.ClosesOn, OpenedAt = shipped.OpenedAt,
            });
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _clock.DisposeAsync();
    }

    private async Task JoinAsCityOfficialAsync()
    {
        Say(Admin, "/moi thanhpho");
        var invite = await NextContainingAsync(Admin, $"https://t.me/{FakeTelegramServer.BotUsername}?start=");
        Assert.Contains("Mã mời cán bộ theo dõi của Thành phố Thử", invite.Body);
        Say(CityOfficial, $"/start {LinkCode().Match(invite.Body!).Groups[1].Value}", "Anh Sở");
        var welcome = await NextContainingAsync(CityOfficial, "Chào Anh Sở");
        Assert.Contains("cán bộ theo dõi của Thành phố Thử", welcome.Body);
    }

    /// <summary>Hòa Bình's library has sent its report (one answer stored as a confirmed report stores it).</summary>
    private void HoaBinhLibraryReported() => Bot.Store.Write(() => Bot.Store.For(HoaBinh).Answers.Insert(new Answer
    {
        Id = Answer.IdOf(Round.IdOf(HoaBinh, FirstHalf), "HB-TV", "TV-LUOT"), RoundId = Round.IdOf(HoaBinh, FirstHalf), UnitId = "HB-TV",
        IndicatorCode = "TV-LUOT", Value = AnswerValue.Of(640), FirstConfirmedAt = new DateTime(2026, 6, 15, 3, 0, 0, DateTimeKind.Utc),
    }));

    /// <summary>A resident of the commune who subscribed (as /start in that commune leaves them).</summary>
    private void Subscribed(long chat, string communeId, string name) => Bot.Store.Write(() =>
    {
        var member = Bot.Get<LifelongLearning.Bot.Engine.Members>().Create("telegram", chat.ToString(), name, Role.Resident, null, communeId);
        Bot.Store.For(communeId).Subscribers.Insert(new Subscriber { Id = member.Id, Active = true, SubscribedAt = DateTime.UtcNow });
    });

    [Fact]
    public async Task An_admin_invites_a_city_official_whose_help_and_menu_are_the_city_s()
    {
        await JoinAsCityOfficialAsync();
        var member = Bot.Store.Members.FindById(Bot.Store.Accounts.FindById($"telegram:{CityOfficial}")!.MemberId)!;
        Assert.Equal((Role.Official, Communes.City), (member.Role, member.CommuneId));

        Say(CityOfficial, "/trogiup");
        var help = await NextContainingAsync(CityOfficial, "Các lệnh của bot");
        Assert.Contains("/tonghop — tổng hợp các xã của thành phố", help.Body);
        Assert.Contains("/xuat KỲ — bảng tổng hợp Excel của thành phố", help.Body);
        Assert.Contains("/thongbao", help.Body);
        Assert.DoesNotContain("/donvi", help.Body);
        Assert.DoesNotContain("/moky", help.Body);
        Assert.DoesNotContain("/baocao", help.Body);

        // Telegram's menu in the city official's chat is the same list.
        await WaitUntilAsync(() => ChatMenu(CityOfficial) is { } menu && menu.Any(c => c.Command == "xuat"));
        var names = ChatMenu(CityOfficial)!.Select(c => c.Command).ToList();
        Assert.Contains("tonghop", names);
        Assert.Contains("thongbao", names);
        Assert.DoesNotContain("donvi", names);
        Assert.DoesNotContain("giahan", names);
    }

    private IReadOnlyList<BotCommandInfo>? ChatMenu(long chat) =>
        Fake.CommandSets.LastOrDefault(s => s.Scope?["type"]?.GetValue<string>() == "chat" && s.Scope["chat_id"]?.GetValue<long>() == chat)?.Commands;

    [Fact]
    public async Task The_city_digest_names_each_commune_s_completeness_with_a_chart_and_one_commune_on_request()
    {
        await JoinAsCityOfficialAsync();
        HoaBinhLibraryReported();

        Say(CityOfficial, "/tonghop");
        var digest = await NextContainingAsync(CityOfficial, "🏙️ Thành phố Thử");
        Assert.Contains("tổng hợp 2 xã", digest.Body);
        Assert.Contains("• Xã Tân Kỳ: 0/", digest.Body);
        Assert.Contains("• Xã Hòa Bình: 1/2 đơn vị", digest.Body);
        var chart = await NextAsync(CityOfficial, m => m.Method == "sendPhoto");
        Assert.Equal("Xếp hạng các xã theo tỉ lệ đơn vị đã báo cáo — 6 tháng đầu năm 2026", chart.Caption);
        Assert.True(chart.FileBytes!.Length > 1000);

        Say(CityOfficial, "/tonghop 2");
        var one = await NextContainingAsync(CityOfficial, "📍 Xã Hòa Bình");
        Assert.Contains("6 tháng đầu năm 2026", one.Body);
        Assert.DoesNotContain("Tân Kỳ", one.Body);
        // Read, not written: the digest stored nothing of a commune.
        Assert.Equal(1, Bot.Store.Answers.Count());
    }

    [Fact]
    public async Task The_city_export_is_a_workbook_with_a_row_per_commune()
    {
        await JoinAsCityOfficialAsync();
        HoaBinhLibraryReported();

        Say(CityOfficial, "/xuat 2026-H1");
        await NextContainingAsync(CityOfficial, "Đang chuẩn bị bảng tổng hợp 6 tháng đầu năm 2026 của Thành phố Thử");
        var file = await NextAsync(CityOfficial, m => m.Method == "sendDocument");
        Assert.Equal("tong-hop-thanh-pho-2026-H1.xlsx", file.FileName);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(file.FileBytes!), false);
        var part = doc.WorkbookPart!;
        var strings = part.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var summary = part.Workbook.Sheets!.Elements<Sheet>().First();
        Assert.Equal(CityXlsxWriter.SummarySheet, summary.Name!.Value);
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text)] : c.CellValue?.Text ?? "";
        var firstCells = ((WorksheetPart)part.GetPartById(summary.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(Text).ToList()).ToList();
        var tanKy = Assert.Single(firstCells, r => r.FirstOrDefault() == Communes.Shipped);
        var hoaBinh = Assert.Single(firstCells, r => r.FirstOrDefault() == HoaBinh);
        Assert.Equal("Xã Tân Kỳ", tanKy[1]);
        Assert.Equal("Xã Hòa Bình", hoaBinh[1]);
        Assert.Equal(Communes.City, Bot.Store.Exports.FindAll().Single().CommuneId);
    }

    [Fact]
    public async Task A_city_announcement_reaches_the_residents_of_both_communes_and_a_commune_s_only_its_own()
    {
        await JoinAsCityOfficialAsync();
        Subscribed(ResidentA, Communes.Shipped, "Nga");
        Subscribed(ResidentB, HoaBinh, "Bình");

        Say(CityOfficial, "/thongbao");
        Say(CityOfficial, "Thành phố phát động Tuần lễ học tập suốt đời.");
        var where = await NextContainingAsync(CityOfficial, "Gửi cho ai");
        Assert.Contains("Cả thành phố", string.Join("|", where.Buttons.Select(b => b.Text)));
        Assert.Contains("Xã Hòa Bình", string.Join("|", where.Buttons.Select(b => b.Text)));
        Say(CityOfficial, "1");
        await NextContainingAsync(CityOfficial, "Gửi tới 2 người (cả thành phố)");
        Say(CityOfficial, "OK");
        await NextContainingAsync(CityOfficial, "Kết quả gửi thông báo: 2 đã gửi");
        await NextContainingAsync(ResidentA, "Tuần lễ học tập suốt đời");
        await NextContainingAsync(ResidentB, "Tuần lễ học tập suốt đời");

        // The shipped commune's official (the admin) reaches its own residents only.
        Say(Admin, "/thongbao");
        Say(Admin, "Tân Kỳ họp bàn ngày hội đọc sách.");
        await NextContainingAsync(Admin, "Gửi cho ai");
        Say(Admin, "1");
        await NextContainingAsync(Admin, "Gửi tới 1 người (cả xã)");
        Say(Admin, "OK");
        await NextContainingAsync(Admin, "Kết quả gửi thông báo");
        await NextContainingAsync(ResidentA, "ngày hội đọc sách");
        Assert.DoesNotContain(Fake.SentTo(ResidentB), m => m.Body?.Contains("ngày hội đọc sách") == true);
    }

    [Fact]
    public async Task A_city_official_changes_no_commune_data_and_a_commune_official_reads_no_other_commune()
    {
        await JoinAsCityOfficialAsync();
        var units = Bot.Store.Units.Count();
        var invites = Bot.Store.Invites.Count();
        var deadline = Bot.Store.Rounds.FindById(FirstHalf.Code)!.Deadline;
        foreach (var command in new[] { "/donvi", "/moky 2026", "/xoa 1", "/themdonvi TV-CD thu-vien-khac Thư viện cộng đồng", "/giahan 2026-H1 30/06/2026", "/moi TV-XA", "/trangthai" })
        {
            Say(CityOfficial, command);
            var answer = await NextAsync(CityOfficial);
            Assert.Contains("Cán bộ thành phố xem số liệu các xã (/tonghop, /xuat) và gửi thông báo (/thongbao), không thay đổi dữ liệu của xã.", answer.Body);
        }
        Assert.Equal((units, invites, 2), (Bot.Store.Units.Count(), Bot.Store.Invites.Count(), Bot.Store.Rounds.Count()));
        Assert.Equal(deadline, Bot.Store.Rounds.FindById(FirstHalf.Code)!.Deadline);
        Assert.All(Bot.Store.Members.FindAll(), m => Assert.Null(m.RemovedAt));

        // A commune official asks for the other commune's digest and for a city invite: refused, nothing made.
        Bot.Store.Write(() => Bot.Get<LifelongLearning.Bot.Engine.Members>().Create("telegram", OfficialB.ToString(), "Chị Mai", Role.Official, null, HoaBinh));
        Say(OfficialB, "/tonghop tan-ky");
        Assert.Contains("Cán bộ theo dõi của xã xem tổng hợp của xã mình", (await NextAsync(OfficialB)).Body);
        invites = Bot.Store.Invites.Count();
        Say(OfficialB, "/moi thanhpho");
        Assert.Contains("Chỉ quản trị viên mời được cán bộ thành phố", (await NextAsync(OfficialB)).Body);
        Assert.Equal(invites, Bot.Store.Invites.Count());
    }
}
