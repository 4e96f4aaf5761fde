using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Fakes.Telegram;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>Figures typed in a group and expired, used or unknown invites: refused, nothing taken or bound.</summary>
public sealed class TelegramBadInviteAndGroupTests : TelegramBotTestBase
{
    private const long Group = -7001;

    [Fact]
    public async Task Figures_typed_in_a_group_and_expired_used_or_unknown_invites_are_refused_and_bind_nothing()
    {
        var code = await RegisterAsync(Reporter, "TV-TH");
        Say(Admin, "/moky 2026");
        Assert.Contains("Câu 1/11: Thư viện có cung cấp dịch vụ", (await NextPromptAsync(Reporter)).Body);

        // Figures typed in a group are not taken (and not answered, not to flood the group); a report command
        // addressed to the bot there is refused with where to go instead.
        var figures = Fake.EnqueueMessage(Group, "1.250", "Hạnh", chatType: "group", fromId: Reporter);
        Fake.EnqueueMessage(Group, $"/baocao@{FakeTelegramServer.BotUsername}", "Hạnh", chatType: "group", fromId: Reporter);
        var refusal = await NextAsync(Group);
        Assert.Contains("Trong nhóm, bot chỉ trả lời /trangthai, /tonghop và /trogiup. Vui lòng nhắn riêng cho bot để báo cáo.", refusal.Body);

        // Invites: expired, used, unknown.
        Say(Admin, "/moi TV-MN");
        var expiring = LinkCode().Match((await NextContainingAsync(Admin, "?start=")).Body!).Groups[1].Value;
        Bot.Store.Write(() =>
        {
            var invite = Bot.Store.Invites.FindOne(i => i.UnitId == "TV-MN");
            invite.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            Bot.Store.Invites.Update(invite);
        });
        Say(6201, $"/start {expiring}");
        Assert.Contains("Mã mời này đã hết hạn lúc", (await NextAsync(6201)).Body);
        Say(6202, $"/start {code}");
        Assert.Contains("Mã mời này đã được dùng. Mỗi mã chỉ dùng một lần", (await NextAsync(6202)).Body);
        Say(6203, "ABCD-EFGH");
        Assert.Contains("Mã không đúng.", (await NextAsync(6203)).Body);

        var store = Bot.Store;
        Assert.NotNull(store.Received.FindById($"telegram:update:{figures}"));
        Assert.Single(Fake.SentTo(Group));
        Assert.Empty(store.Answers.FindAll());
        var member = store.Accounts.FindById($"telegram:{Reporter}")!.MemberId;
        var conversation = store.Conversations.FindById(member);
        Assert.Equal(0, conversation.Index);
        Assert.Empty(conversation.Draft);
        Assert.All(new long[] { 6201, 6202, 6203 }, chat => Assert.Null(store.Accounts.FindById($"telegram:{chat}")));
        Assert.Null(store.Invites.FindOne(i => i.UnitId == "TV-MN").UsedAt);
        Assert.Single(store.Members.Find(m => m.Role == Role.Reporter));
    }
}
