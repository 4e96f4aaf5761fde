using System.Text.Json.Nodes;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

public sealed class TelegramConversationTests : TelegramBotTestBase
{
    [Fact]
    public async Task An_invite_binds_a_new_chat_once_and_refuses_used_and_unknown_codes()
    {
        Say(Admin, "/moi TV-TH");
        var invite = await NextContainingAsync(Admin, "Mã mời");
        Assert.Contains($"https://t.me/{FakeTelegramServer.BotUsername}?start=", invite.Body);
        var code = LinkCode().Match(invite.Body!).Groups[1].Value;

        Say(Reporter, $"/start {code}", "Hạnh");
        var greeting = await NextContainingAsync(Reporter, "Chào");
        Assert.Contains("Thư viện Trường Tiểu học", greeting.Body);
        await NextContainingAsync(Admin, "đã đăng ký báo cáo cho Thư viện Trường Tiểu học");

        Say(6002, $"/start {code}");
        Assert.Contains("đã được dùng", (await NextAsync(6002)).Body);
        Say(6003, "/start ZZZZ-ZZZZ");
        Assert.Contains("không đúng", (await NextAsync(6003)).Body);

        var store = Bot.Store;
        var account = store.Accounts.FindById("telegram:6001");
        Assert.NotNull(account);
        var member = store.Members.FindById(account.MemberId);
        Assert.Equal(Role.Reporter, member.Role);
        Assert.Equal("TV-TH", member.UnitId);
        Assert.Null(store.Accounts.FindById("telegram:6002"));
        Assert.Null(store.Accounts.FindById("telegram:6003"));
        Assert.Single(store.Members.Find(m => m.Role == Role.Reporter));
    }

    [Fact]
    public async Task A_whole_report_for_the_school_library_with_buttons_typed_numbers_a_wrong_answer_and_a_skip()
    {
        await RegisterAsync(Reporter, "TV-TH");
        Say(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");

        var prompt = await NextPromptAsync(Reporter);
        Assert.Contains("Câu 1/", prompt.Body);
        bool pressedButton = false, wrongExplained = false, skipped = false;
        for (var guard = 0; guard < 40 && !prompt.Buttons.Any(b => b.Text == "✅ Gửi báo cáo"); guard++)
        {
            if (prompt.Buttons.Any(b => b.Text == "Đúng, lưu số này"))
            {
                Fake.PressButton(prompt, "Đúng, lưu số này");
            }
            else if (prompt.Buttons.Any(b => b.Text == "Có"))
            {
                var update = Fake.PressButton(prompt, "Có");
                if (!pressedButton)
                {
                    pressedButton = true;
                    var next = await NextPromptAsync(Reporter);
                    Assert.Contains(Fake.AnsweredCallbackQueries, q => q.CallbackQueryId == FakeTelegramServer.CallbackQueryIdFor(update));
                    prompt = next;
                    continue;
                }
            }
            else if (!wrongExplained)
            {
                wrongExplained = true;
                Say(Reporter, "abc");
                var explanation = await NextAsync(Reporter);
                Assert.Empty(explanation.Buttons);
                prompt = await NextPromptAsync(Reporter);
                Assert.Contains("Câu", prompt.Body);
                continue;
            }
            else if (!skipped)
            {
                skipped = true;
                Say(Reporter, "bỏ qua");
            }
            else Say(Reporter, "1.250");
            prompt = await NextPromptAsync(Reporter);
        }
        Assert.True(pressedButton && wrongExplained && skipped, $"button {pressedButton}, wrong {wrongExplained}, skip {skipped}");
        Assert.Contains("1.250", prompt.Body);

        Say(Reporter, "OK");
        await NextContainingAsync(Reporter, "Đã nhận báo cáo");

        var answers = Bot.Store.Answers.Find(a => a.UnitId == "TV-TH").ToList();
        Assert.NotEmpty(answers);
        Assert.Contains(answers, a => a.Value.YesNo == true);
        Assert.Contains(answers, a => a.Value.Number == 1250m);
        Assert.Contains(answers, a => a.Value.IsMissing);

        Say(Reporter, "/trangthai");
        var status = await NextAsync(Reporter);
        Assert.Contains("Thư viện Trường Tiểu học", status.Body);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_changes_nothing_the_second_time()
    {
        // Both copies wait at the server before the bot polls, so one getUpdates hands over both.
        await Bot.StopAsync();
        var update = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 77,
                ["date"] = 1_750_000_000,
                ["chat"] = new JsonObject { ["id"] = Admin, ["type"] = "private", ["first_name"] = "Lan" },
                ["from"] = new JsonObject { ["id"] = Admin, ["is_bot"] = false, ["first_name"] = "Lan" },
                ["text"] = "/moi TV-TH",
                ["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = 4 }),
            },
        };
        var id = Fake.EnqueueUpdate(update);
        update["update_id"] = id;
        Fake.EnqueueUpdate(update);
        Assert.Equal(2, Fake.PendingUpdateCount);

        await Bot.StartAsync();
        await NextContainingAsync(Admin, "Mã mời");
        await Fake.WaitForConfirmedOffsetAsync(id + 1, Wait);
        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "/trangthai");

        Assert.NotNull(Bot.Store.Received.FindById($"telegram:update:{id}"));
        Assert.Single(Bot.Store.Invites.FindAll());
        Assert.Single(Fake.SentTo(Admin), m => m.Body?.Contains("Mã mời") == true);
    }

    [Fact]
    public async Task An_update_handled_but_not_confirmed_before_a_restart_is_not_handled_again()
    {
        await WaitUntilAsync(() => Fake.IsLongPolling);
        var id = Say(Admin, "/moi TV-TH");
        // The poll in flight delivers the update; the next ones (which would confirm it) fail.
        Fake.FailNext("getUpdates", 500, count: 2);
        await NextContainingAsync(Admin, "Mã mời");
        await WaitUntilAsync(() => Bot.Store.Outbox.Count(m => m.Status == OutboxStatus.Sent) >= 1);
        Assert.True(Fake.ConfirmedOffset <= id, $"confirmed {Fake.ConfirmedOffset}, update {id}");

        await Bot.RestartAsync();
        await Fake.WaitForConfirmedOffsetAsync(id + 1, TimeSpan.FromSeconds(15));
        Say(Admin, "/trogiup");
        await NextContainingAsync(Admin, "/trangthai");

        Assert.Single(Bot.Store.Invites.FindAll());
        Assert.Single(Fake.SentTo(Admin), m => m.Body?.Contains("Mã mời") == true);
    }
}
