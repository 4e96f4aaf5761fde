using System.Net;
using System.Text.RegularExpressions;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using LifelongLearning.Bot.Tests.Fakes.Zalo;
using LifelongLearning.Bot.Web;
using QRCoder;
using Xunit;

namespace LifelongLearning.Bot.Tests.Web;

/// <summary>The invitation sheet an official prints from the units page: what each card tells a unit head to do.</summary>
public abstract partial class WebInvitationTestBase : WebTestBase
{
    /// <summary>Signs the admin in, asks for the cards of every unit and returns the sheet's HTML.</summary>
    protected async Task<string> InvitationSheetAsync()
    {
        using var client = await SignedInClientAsync(Admin);
        var token = FormTokenValue().Match(await client.GetStringAsync("/web/don-vi")).Groups[1].Value;
        var sheet = await client.PostAsync("/web/giay-moi", new FormUrlEncodedContent([new("donvi", "tatca"), new(WebServer.FormTokenField, token)]));
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        return await sheet.Content.ReadAsStringAsync();
    }

    /// <summary>The cards of the sheet, each as its own HTML.</summary>
    protected static List<string> Cards(string sheet) => sheet.Split("<div class=\"invite\">").Skip(1).ToList();

    /// <summary>The SVG the page draws for a link, to find on a card (the same generator and settings).</summary>
    protected static string QrOf(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenValue();
}

/// <summary>Zalo and Telegram on, with the Zalo bot's link set: a card carries both QR codes and the code to type.</summary>
public sealed class WebInvitationZaloLinkTests : WebInvitationTestBase
{
    private const string ZaloLink = "https://zalo.me/s/botxatanky";

    private FakeZaloServer Zalo { get; set; } = null!;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Zalo:BotToken"] = FakeZaloServer.DefaultToken;
        settings["Zalo:ApiBaseUrl"] = Zalo.BaseUrl;
        settings["Zalo:PollTimeoutSeconds"] = "5";
        settings["Zalo:BotLink"] = ZaloLink;
        return settings;
    }

    public override async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Zalo.DisposeAsync();
    }

    [Fact]
    public async Task Every_card_shows_the_Zalo_bots_QR_beside_Telegrams_and_the_code_to_type_after_scanning()
    {
        var cards = Cards(await InvitationSheetAsync());

        Assert.True(cards.Count >= 10, $"{cards.Count} cards");
        var zaloQr = QrOf(ZaloLink);
        foreach (var card in cards)
        {
            Assert.Contains(zaloQr, card);
            var code = Regex.Match(card, "<p class=\"code\">([A-Z2-9]{4}-[A-Z2-9]{4})</p>").Groups[1].Value;
            Assert.NotEmpty(code);
            Assert.Contains(QrOf($"https://t.me/{FakeTelegramServer.BotUsername}?start={code.Replace("-", "")}"), card);
            Assert.Contains("<figcaption>Zalo</figcaption>", card);
            Assert.Contains("quét mã QR Zalo bằng ứng dụng Zalo để mở bot của xã, rồi nhắn cho bot mã sau", card);
        }
    }
}

/// <summary>Telegram only, no Zalo link: the card says how to find the bot on Zalo instead of a QR code.</summary>
public sealed class WebInvitationNoZaloLinkTests : WebInvitationTestBase
{
    [Fact]
    public async Task Without_a_Zalo_link_a_card_says_how_to_find_the_bot_in_Zalo_and_shows_only_Telegrams_QR()
    {
        var cards = Cards(await InvitationSheetAsync());

        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            Assert.Contains("Zalo: mở Zalo, gõ tên bot của xã (tên bắt đầu bằng «Bot», cán bộ xã cho biết tên) vào ô Tìm kiếm", card);
            Assert.Single(Regex.Matches(card, "<svg"));
            Assert.DoesNotContain("<figcaption>Zalo</figcaption>", card);
        }
    }
}
