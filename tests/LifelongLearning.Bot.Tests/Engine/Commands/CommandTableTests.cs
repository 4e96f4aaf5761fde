using System.Text.RegularExpressions;
using LifelongLearning.Bot.Engine.Commands;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// The command table as people meet it: the README, /trogiup and Telegram's menu say what the table says;
/// a mistyped command gets the nearest real one; an unaccented, spaced or slash-less form is understood.
/// </summary>
public sealed partial class CommandTableTests : EngineCommandTestBase
{
    private CommandTable Table => Bot.Services.GetRequiredService<CommandTable>();

    [Fact]
    public void The_readme_lists_for_each_role_exactly_the_commands_the_table_shows_that_role()
    {
        var section = ReadmeCommandsSection();
        var byLabel = new Dictionary<string, HashSet<string>>();
        string? label = null;
        foreach (var part in LabelPattern().Split(section))
        {
            if (LabelPattern().IsMatch(part + ":")) { label = part.StartsWith("Unit heads", StringComparison.Ordinal) ? "Unit heads" : part; continue; }
            if (label is null) continue;
            if (!byLabel.TryGetValue(label, out var set)) byLabel[label] = set = [];
            foreach (Match m in CommandPattern().Matches(part)) set.Add(m.Groups[1].Value);
        }
        var everyone = byLabel["Everyone"];
        foreach (var (readmeLabel, users) in new[] { ("Unit heads", CommandUsers.Reporters), ("Officials", CommandUsers.Officials), ("Residents", CommandUsers.Residents) })
        {
            var table = Table.All.Where(c => c.Help is not null && c.ShownTo(users)).Select(c => c.Name).ToHashSet();
            Assert.Equal(table.Order(), byLabel[readmeLabel].Union(everyone).Order());
        }
        Assert.All(everyone, name => Assert.Contains(Table.All, c => c.Name == name && c.ShownTo(CommandUsers.Everyone)));
    }

    [Fact]
    public void Each_role_s_help_is_the_table_s_lines_for_that_role()
    {
        var lan = Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        var official = Chat.Ask("admin", "/trogiup");
        Assert.Contains("/giahan MÃ-KỲ ngày/tháng/năm — gia hạn kỳ đang mở", official);
        Assert.Contains("/huy — thôi việc đang làm dở", official);
        Assert.DoesNotContain("/baocao", official);

        var reporter = Chat.Ask("lan", "/trogiup");
        Assert.Contains("/baocao — bắt đầu hoặc tiếp tục báo cáo", reporter);
        Assert.Contains("«bỏ qua»", reporter);
        Assert.DoesNotContain("/moky", reporter);

        var visitor = Chat.Ask("visitor", "/help");
        Assert.Contains("/start — đăng ký nhận thông báo sự kiện", visitor);
        Assert.DoesNotContain("/baocao", visitor);
        Assert.DoesNotContain("/lienket", visitor); // nothing to link before joining
        Assert.EndsWith("/trogiup — xem lại hướng dẫn này", visitor);
        Assert.NotNull(lan);
    }

    [Fact]
    public void A_mistyped_command_gets_the_nearest_one_and_an_unknown_one_the_help()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Assert.Equal("Bot không hiểu lệnh /tonhop. Ý anh/chị là /tonghop? Gõ /trogiup để xem các lệnh.", Chat.Ask("admin", "/tonhop"));
        Assert.Equal("Bot không hiểu lệnh /baocoa. Ý anh/chị là /baocao? Gõ /trogiup để xem các lệnh.", Chat.Ask("lan", "/baocoa"));
        Assert.Equal("Bot không hiểu lệnh /abc. Gõ /trogiup để xem các lệnh.", Chat.Ask("lan", "/abc"));
        Assert.Equal("Bot không hiểu lệnh /thongbaoo. Ý anh/chị là /thongbao? Gõ /trogiup để xem các lệnh.", Chat.Ask("admin", "/thongbaoo"));
    }

    [Fact]
    public void An_unaccented_spaced_or_slashless_command_is_understood()
    {
        const string noRound = "Chưa có kỳ báo cáo nào nên chưa có số liệu tổng hợp.";
        Assert.Equal(noRound, Chat.Ask("admin", "/tonghop"));
        Assert.Equal(noRound, Chat.Ask("admin", "/tong hop"));
        Assert.Equal(noRound, Chat.Ask("admin", "/Tổng Hợp"));
        Assert.Equal(noRound, Chat.Ask("admin", "tổng hợp"));
        Assert.Equal(noRound, Chat.Ask("admin", "tong hop"));
        // Three words, with the argument kept: not /huy with «su kien 9999».
        Assert.Contains("Gõ /huysukien kèm số của sự kiện", Chat.Ask("admin", "/huy su kien 9999"));
        var opened = Chat.Ask("admin", "/mo ky 2026-H1");
        Assert.True(opened.Contains("Đã mở kỳ 6 tháng đầu năm 2026"), opened);
        // A slash-less word runs only a command its writer may use; anything else is the usual hint.
        Assert.Contains("Chào anh/chị!", Chat.Ask("visitor", "tổng hợp"));
    }

    [Fact]
    public void Every_menu_fits_telegram_and_the_admin_gets_an_own_menu()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        Chat.Ask("admin", "/trogiup"); // the admin becomes a member on first message
        var menus = Bot.Services.GetRequiredService<CommandMenus>().For(Chat.Channel);
        Assert.All(menus.SelectMany(m => m.Commands), c =>
        {
            Assert.Matches("^[a-z0-9_]{1,32}$", c.Name);
            Assert.InRange(c.Text.Length, 1, 256);
        });
        Assert.All(menus, m => Assert.InRange(m.Commands.Count, 1, 100));
        var chats = menus.Where(m => m.Scope == MenuScope.Chat).ToDictionary(m => m.ChatId!, m => m.Commands.Select(c => c.Name).ToList());
        Assert.Contains("giahan", chats["admin"]);
        Assert.Contains("baocao", chats["lan"]);
        Assert.DoesNotContain("giahan", chats["lan"]);
        Assert.DoesNotContain(menus.Single(m => m.Scope == MenuScope.Default).Commands, c => c.Name == "baocao");
    }

    [Fact]
    public void A_chat_whose_person_joins_is_due_a_menu_until_it_is_published_and_asking_changes_nothing()
    {
        var menus = Bot.Services.GetRequiredService<CommandMenus>();
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        var due = Assert.Single(menus.Due(Chat.Channel));
        Assert.Equal("lan", due.ChatId);
        Assert.Contains(due.Commands, c => c.Name == "baocao");

        // The menu channel asks after every commit: asking must not commit, or it would wake itself for ever.
        var commits = 0;
        void Count() => commits++;
        Store.Committed += Count;
        try { menus.Due(Chat.Channel); }
        finally { Store.Committed -= Count; }
        Assert.Equal(0, commits);

        menus.Published(Chat.Channel, due);
        Assert.Empty(menus.Due(Chat.Channel));
    }

    private static string ReadmeCommandsSection()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LifelongLearning.Bot.sln"))) dir = dir.Parent;
        var readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md"));
        var start = readme.IndexOf("\n## Commands", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    [GeneratedRegex(@"(Unit heads after an event|Unit heads|Officials|Residents|Everyone):")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"`/([a-z]+)")]
    private static partial Regex CommandPattern();
}
