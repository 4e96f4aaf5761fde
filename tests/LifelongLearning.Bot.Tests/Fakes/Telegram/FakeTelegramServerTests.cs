using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;
using Xunit;
using Xunit.Abstractions;
using LifelongLearning.Bot.Tests.Support;

namespace LifelongLearning.Bot.Tests.Fakes.Telegram;

public sealed class FakeTelegramServerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Alice = 1001;
    private FakeTelegramServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync()
    {
        // What Telegram.Bot actually put on the wire, for whoever reads the test log.
        foreach (var request in _server.Requests)
            output.WriteLine($"{request.HttpMethod} {request.Method} [{request.ContentType}] {Shorten(request.Parameters.ToJsonString())} files:{string.Join(',', request.FileParts)} → {request.StatusCode} {request.Description}");
        await _server.DisposeAsync();
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    // RetryThreshold 0: a 429 must reach the test instead of being waited out inside the client.
    private TelegramBotClient Bot(string? token = null, HttpClient? http = null) =>
        new(new TelegramBotClientOptions(token ?? _server.Token, _server.BaseUrl) { RetryThreshold = 0 }, http);

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostRawAsync(string method, object body)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync($"{_server.BaseUrl}/bot{_server.Token}/{method}", body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task GetMe_answers_the_bot_user()
    {
        var me = await Bot().GetMe();

        Assert.True(me.IsBot);
        Assert.Equal(123456, me.Id);
        Assert.Equal(FakeTelegramServer.BotUsername, me.Username);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot("654321:WRONG-token").GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.Contains("Unauthorized", error.Message);
    }

    [Fact]
    public async Task SendMessage_is_recorded_with_its_buttons()
    {
        var markup = new InlineKeyboardMarkup([
            [InlineKeyboardButton.WithCallbackData("Có", "yes"), InlineKeyboardButton.WithCallbackData("Không", "no")],
        ]);

        var message = await Bot().SendMessage(Alice, "Xin chào", replyMarkup: markup);

        Assert.Equal(Alice, message.Chat.Id);
        Assert.Equal("Xin chào", message.Text);
        var sent = await _server.WaitForMessageAsync(Alice);
        Assert.Equal("sendMessage", sent.Method);
        Assert.Equal(message.MessageId, sent.MessageId);
        Assert.Equal([("Có", "yes"), ("Không", "no")], sent.Buttons.Select(b => (b.Text, b.CallbackData!)));
    }

    [Fact]
    public async Task Text_over_4096_characters_is_refused_and_4096_is_accepted()
    {
        var bot = Bot();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Alice, new string('a', 4097)));
        await bot.SendMessage(Alice, new string('a', 4096));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("message is too long", error.Message);
        Assert.Single(_server.Sent);
    }

    [Fact]
    public async Task Callback_data_over_64_bytes_is_refused()
    {
        // 22 × "ố" is 22 characters but 66 bytes: Telegram counts bytes.
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Chọn", new string('ố', 22)));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot().SendMessage(Alice, "Chọn đi", replyMarkup: markup));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task A_parameter_the_method_does_not_have_is_refused()
    {
        var (status, body) = await PostRawAsync("sendMessage", new { chat_id = Alice, text = "hi", colour = "red" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(400, body["error_code"]!.GetValue<int>());
        Assert.Contains("colour", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_required_parameter_is_refused()
    {
        var (status, body) = await PostRawAsync("sendMessage", new { chat_id = Alice });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bad Request: ", body["description"]!.GetValue<string>());
        Assert.Contains("text", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_method_is_not_found_and_method_names_ignore_case()
    {
        var (status, body) = await PostRawAsync("sendTelegram", new { chat_id = Alice });
        var (caseStatus, _) = await PostRawAsync("SENDMESSAGE", new { chat_id = Alice, text = "hi" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", body["description"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, caseStatus);
        Assert.Equal("sendMessage", _server.Sent.Single().Method);
    }

    [Fact]
    public async Task Injected_updates_arrive_until_an_offset_confirms_them()
    {
        var bot = Bot();
        var first = _server.EnqueueMessage(Alice, "/start");
        var second = _server.EnqueueMessage(Alice, "xin chào", firstName: "Lan");

        var updates = await bot.GetUpdates();
        var again = await bot.GetUpdates();
        var afterConfirm = await bot.GetUpdates(offset: (int)first + 1);

        Assert.Equal([first, second], updates.Select(u => (long)u.Id));
        Assert.Equal("/start", updates[0].Message!.Text);
        Assert.Equal(Alice, updates[1].Message!.Chat.Id);
        Assert.Equal("Lan", updates[1].Message!.From!.FirstName);
        Assert.Equal(2, again.Length);
        Assert.Equal([second], afterConfirm.Select(u => (long)u.Id));
        Assert.Equal(first + 1, _server.ConfirmedOffset);
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_an_update_arrives()
    {
        var poll = Bot().GetUpdates(timeout: 10);
        await Waits.UntilAsync(() => _server.IsLongPolling); // the poll is at the server, and waits
        Assert.False(poll.IsCompleted);

        var id = _server.EnqueueMessage(Alice, "trả lời");
        var updates = await poll.WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(id, updates.Single().Id);
    }

    [Fact]
    public async Task A_blocked_user_is_forbidden()
    {
        _server.BlockUser(Alice);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot().SendMessage(Alice, "Nhắc nhở"));

        Assert.Equal(403, error.ErrorCode);
        Assert.Contains("bot was blocked by the user", error.Message);
        Assert.Empty(_server.Sent);
    }

    [Fact]
    public async Task FailNext_429_surfaces_retry_after()
    {
        _server.FailNext("sendMessage", 429, retryAfter: 7);
        var bot = Bot();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Alice, "một"));
        await bot.SendMessage(Alice, "hai");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters?.RetryAfter);
        Assert.Equal("hai", _server.Sent.Single().Text);
    }

    [Fact]
    public async Task HangNext_makes_the_call_time_out()
    {
        _server.HangNext("getMe");
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(150) };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Bot(http: http).GetMe());

        output.WriteLine($"hung call threw {error.GetType().FullName}: {error.Message}");
        Assert.IsType<RequestException>(error);
        var retry = await Bot().GetMe();
        Assert.True(retry.IsBot);
    }

    [Fact]
    public async Task SendPhoto_records_the_uploaded_bytes()
    {
        var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3 };
        using var stream = new MemoryStream(png);
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Chi tiết", "detail"));

        var message = await Bot().SendPhoto(Alice, InputFile.FromStream(stream, "chart.png"), caption: "Biểu đồ", replyMarkup: markup);

        var sent = await _server.WaitForMessageAsync(Alice, m => m.Method == "sendPhoto");
        Assert.Equal(png, sent.FileBytes);
        Assert.Equal("chart.png", sent.FileName);
        Assert.Equal("Biểu đồ", sent.Caption);
        Assert.Equal("detail", sent.Buttons.Single().CallbackData);
        Assert.NotNull(message.Photo);
        Assert.Equal("Biểu đồ", message.Caption);
    }

    [Fact]
    public async Task SetMyCommands_is_recorded()
    {
        await Bot().SetMyCommands([new BotCommand("start", "Bắt đầu"), new BotCommand("baocao", "Báo cáo")]);

        Assert.Equal([new BotCommandInfo("start", "Bắt đầu"), new BotCommandInfo("baocao", "Báo cáo")], _server.Commands);
    }

    [Fact]
    public async Task A_pressed_button_arrives_as_a_callback_query_that_can_be_answered_once()
    {
        var bot = Bot();
        await bot.SendMessage(Alice, "Đồng ý?", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Có", "yes")));
        var sent = await _server.WaitForMessageAsync(Alice);

        _server.PressButton(sent, "Có");
        var query = (await bot.GetUpdates()).Single().CallbackQuery!;
        await bot.AnswerCallbackQuery(query.Id, "Đã ghi nhận");
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery(query.Id));

        Assert.Equal("yes", query.Data);
        Assert.Equal(sent.MessageId, query.Message!.MessageId);
        Assert.Equal("Đã ghi nhận", _server.AnsweredCallbackQueries.Single().Text);
        Assert.Equal(400, twice.ErrorCode);
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_is_refused_like_Telegram_does()
    {
        var bot = Bot();
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Có", "yes"));
        var message = await bot.SendMessage(Alice, "Câu hỏi", replyMarkup: markup);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(Alice, message.MessageId, "Câu hỏi", replyMarkup: markup));
        var edited = await bot.EditMessageText(Alice, message.MessageId, "Đã trả lời");

        Assert.Contains("message is not modified", error.Message);
        Assert.Equal("Đã trả lời", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        Assert.Equal("editMessageText", _server.Sent[^1].Method);
    }

    [Fact]
    public async Task EnforceLimits_refuses_a_fourth_message_to_one_person_within_a_second()
    {
        _server.EnforceLimits = true;
        var bot = Bot();
        for (var i = 0; i < 3; i++) await bot.SendMessage(Alice, $"tin {i}");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Alice, "tin 3"));

        Assert.Equal(429, error.ErrorCode);
        Assert.True(error.Parameters?.RetryAfter >= 1);
        Assert.Equal(1, _server.LimitViolations);
        Assert.Equal(3, _server.Sent.Count);
    }

    [Fact]
    public async Task WaitForMessageAsync_times_out_listing_what_the_chat_got()
    {
        await Bot().SendMessage(Alice, "một tin khác");

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            _server.WaitForMessageAsync(Alice, m => m.Text == "không có", TimeSpan.FromMilliseconds(100)));

        Assert.Contains("một tin khác", error.Message);
    }

    [Fact]
    public async Task SendDocument_records_the_file_and_answers_with_a_document()
    {
        var bytes = Encoding.UTF8.GetBytes("PK fake xlsx");
        using var stream = new MemoryStream(bytes);

        var message = await Bot().SendDocument(Alice, InputFile.FromStream(stream, "bao-cao.xlsx"), caption: "Báo cáo tháng");

        var sent = _server.Sent.Single();
        Assert.Equal("sendDocument", sent.Method);
        Assert.Equal(bytes, sent.FileBytes);
        Assert.Equal("bao-cao.xlsx", message.Document!.FileName);
    }

    [Fact]
    public async Task A_group_message_carries_its_sender_and_command_entity()
    {
        const long Group = -1001234567890;
        _server.EnqueueMessage(Group, "/baocao@llbot_test_bot 12", firstName: "Lan", chatType: "supergroup", fromId: Alice);

        var message = (await Bot().GetUpdates()).Single().Message!;

        Assert.Equal(Group, message.Chat.Id);
        Assert.Equal(global::Telegram.Bot.Types.Enums.ChatType.Supergroup, message.Chat.Type);
        Assert.Equal(Alice, message.From!.Id);
        Assert.Equal("/baocao@llbot_test_bot", message.EntityValues!.Single());
    }

    [Fact]
    public async Task EnforceLimits_refuses_the_21st_message_a_minute_to_a_group()
    {
        const long Group = -42;
        _server.EnforceLimits = true;
        var bot = Bot();
        for (var i = 0; i < 20; i++) await bot.SendMessage(Group, $"tin {i}");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Group, "tin 20"));

        Assert.Equal(429, error.ErrorCode);
        Assert.InRange(error.Parameters!.RetryAfter!.Value, 55, 60);
    }

    [Fact]
    public async Task Limits_are_counted_even_when_not_enforced()
    {
        var bot = Bot();
        for (var i = 0; i < 31; i++) await bot.SendMessage(2000 + i, "thông báo chung");

        Assert.Equal(31, _server.Sent.Count);
        Assert.Equal(1, _server.LimitViolations);
        Assert.Contains("overall", _server.LimitViolationDetails.Single());
    }

    [Fact]
    public async Task A_webhook_excludes_polling_until_deleted()
    {
        var bot = Bot();
        await bot.SetWebhook("https://bot.example.org/telegram", secretToken: "s3cret_token-1");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetUpdates());
        await bot.DeleteWebhook();
        await bot.GetUpdates();

        Assert.Equal(409, error.ErrorCode);
        Assert.Null(_server.WebhookUrl);
        Assert.Equal("s3cret_token-1", _server.Requests.Single(r => r.Method == "setWebhook").Parameters["secret_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_poller_ends_the_first_with_409()
    {
        var first = Bot().GetUpdates(timeout: 10);
        await Waits.UntilAsync(() => _server.IsLongPolling);

        await Bot().GetUpdates();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, error.ErrorCode);
    }

    [Fact]
    public async Task FailNext_500_fails_once_without_retry()
    {
        _server.FailNext(null, 500);
        var bot = Bot();

        var error = await Assert.ThrowsAnyAsync<RequestException>(() => bot.GetMe());
        await bot.GetMe();

        output.WriteLine($"500 threw {error.GetType().FullName}: {error.Message}");
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task RequireKnownChats_refuses_a_person_who_never_wrote()
    {
        _server.RequireKnownChats = true;
        _server.EnqueueMessage(Alice, "/start");
        var bot = Bot();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Alice + 1, "Chào anh"));
        await bot.SendMessage(Alice, "Chào chị");

        Assert.Contains("chat not found", error.Message);
    }

    [Fact]
    public async Task WaitForMessagesAsync_completes_when_enough_have_arrived()
    {
        var bot = Bot();
        var waiting = _server.WaitForMessagesAsync(Alice, 2);

        await bot.SendMessage(Alice, "một");
        await bot.SendMessage(Alice, "hai");

        Assert.Equal(["một", "hai"], (await waiting).Select(m => m.Text));
    }

    [Fact]
    public async Task SendMediaGroup_records_each_upload()
    {
        using var first = new MemoryStream([1, 2, 3]);
        using var second = new MemoryStream([4, 5]);

        var messages = await Bot().SendMediaGroup(Alice, [
            new InputMediaPhoto(InputFile.FromStream(first, "a.png")) { Caption = "Tháng 1" },
            new InputMediaPhoto(InputFile.FromStream(second, "b.png")),
        ]);

        Assert.Equal(2, messages.Length);
        Assert.Equal([[1, 2, 3], [4, 5]], _server.Sent.Select(m => m.FileBytes!));
        Assert.Equal("Tháng 1", _server.Sent[0].Caption);
    }
}
