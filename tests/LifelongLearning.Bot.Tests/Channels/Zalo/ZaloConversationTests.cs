using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Channels.Zalo;

public sealed class ZaloConversationTests : ZaloBotTestBase
{
    private static bool IsPrompt(Fakes.Zalo.SentZaloMessage m) => m.Text is { } t && (t.Contains("Câu ") || t.Contains("để gửi"));

    [Fact]
    public async Task A_unit_registers_with_an_invite_code_and_reports_a_whole_round_by_typing()
    {
        await RegisterAsync(Reporter, "TV-TH");
        Say(Admin, "/moky 2026");
        await NextContainingAsync(Admin, "Đã mở kỳ");

        var prompt = await NextAsync(Reporter, IsPrompt);
        Assert.Contains("Câu 1/", prompt.Text);
        // Every way of saying yes that people type: the choice's number, the word, without accents, one letter.
        var yes = new Queue<string>(["1", "có", "co", "c"]);
        var typedYes = new List<string>();
        var wrongExplained = false;
        for (var guard = 0; guard < 40 && !prompt.Text!.Contains("Gõ OK để gửi"); guard++)
        {
            Assert.True(prompt.Text!.Length <= 2000);
            if (prompt.Text.Contains("1. Có  2. Không"))
            {
                var word = yes.Count > 0 ? yes.Dequeue() : "có";
                typedYes.Add(word);
                Say(Reporter, word);
            }
            else if (!wrongExplained)
            {
                wrongExplained = true;
                Say(Reporter, "abc");
                await NextContainingAsync(Reporter, "Vui lòng nhập");
                prompt = await NextAsync(Reporter, IsPrompt);
                continue;
            }
            else Say(Reporter, "1.250");
            var before = prompt.Text;
            prompt = await NextAsync(Reporter, IsPrompt);
            Assert.NotEqual(before, prompt.Text);
        }
        Assert.True(wrongExplained);
        Assert.Contains("1", typedYes);
        Assert.Contains("Gõ OK để gửi, hoặc gõ số thứ tự để sửa", prompt.Text);
        Assert.Contains("1.250", prompt.Text);

        // A correction from the summary: item 3 is the visits count; the summary comes back with the new figure.
        var line = prompt.Text!.Split('\n').First(l => l.Contains("1.250"));
        Say(Reporter, line[..line.IndexOf('.')]);
        var asked = await NextAsync(Reporter, IsPrompt);
        Assert.Contains("Đã nhập: 1.250", asked.Text);
        Say(Reporter, "1.300");
        prompt = await NextAsync(Reporter, IsPrompt);
        Assert.Contains("1.300", prompt.Text);

        Say(Reporter, "ok");
        await NextContainingAsync(Reporter, "Đã nhận báo cáo");

        var answers = Bot.Store.Answers.Find(a => a.UnitId == "TV-TH").ToList();
        Assert.Contains(answers, a => a.Value.YesNo == true);
        Assert.Contains(answers, a => a.Value.Number == 1300m);
        var account = Bot.Store.Accounts.FindById($"zalo:{Reporter}");
        Assert.NotNull(account);
        Assert.Equal(Role.Reporter, Bot.Store.Members.FindById(account.MemberId).Role);
        Assert.DoesNotContain(Zalo.Sent, m => (m.Text ?? "").Length > 2000);
    }
}
