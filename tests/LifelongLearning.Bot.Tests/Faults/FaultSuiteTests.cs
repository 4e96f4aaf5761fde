using LifelongLearning.Bot.Storage;
using Xunit;
using Xunit.Abstractions;

namespace LifelongLearning.Bot.Tests.Faults;

/// <summary>
/// Hostile inputs from a seeded generator, sent through the engine at a reporter in the middle of a report, an
/// official and a resident: nothing throws, every input gets a reply a platform would take (non-empty, within
/// Telegram's 4,096 and valid UTF-16), and no stored answer changes, since none of them confirms a summary.
/// </summary>
public sealed class FaultSuiteTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const int Seed = 20261202;
    public const int PerPerson = 150;
    private FaultBot _bot = null!;

    public async Task InitializeAsync() => _bot = await FaultBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static bool IsValidUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    private static string Snapshot(BotStore store) =>
        string.Join("\n", store.Answers.FindAll().OrderBy(a => a.Id).Select(a => $"{a.Id}={a.Value.Number}/{a.Value.YesNo}/{a.Revisions.Count}"));

    /// <summary>
    /// Digits other than ASCII in a figure once threw FormatException in AnswerParser (decimal.Parse takes only
    /// ASCII digits); they have a test of their own so a regression names itself.
    /// </summary>
    private static bool HasOtherDigits(string input) => input.Any(c => char.IsDigit(c) && c is < '0' or > '9');

    [Fact]
    public void Other_digit_forms_in_the_one_message_form_get_a_clear_answer() => Run(input => HasOtherDigits(input));

    [Fact]
    public void Hostile_inputs_get_a_sendable_reply_and_change_no_answer() => Run(input => !HasOtherDigits(input));

    private void Run(Func<string, bool> include)
    {
        var answers = Snapshot(_bot.Store);
        var problems = new List<string>();
        var sent = 0;
        foreach (var chat in new[] { FaultBot.Reporter, FaultBot.Admin, FaultBot.Resident })
            foreach (var input in new HostileInputs(Seed).Take(PerPerson).Where(include))
            {
                sent++;
                var replies = _bot.Say(chat, input);
                var shown = input.Length > 30 ? input[..30] : input;
                if (replies.Count == 0) problems.Add($"{chat} «{shown}»: no reply");
                foreach (var r in replies)
                {
                    if (r.Text.Contains(FaultBot.Apology)) problems.Add($"{chat} «{shown}»: the apology");
                    if (string.IsNullOrWhiteSpace(r.Text)) problems.Add($"{chat} «{shown}»: an empty reply");
                    if (r.Text.Length > 4096) problems.Add($"{chat} «{shown}»: {r.Text.Length} characters");
                    if (!IsValidUtf16(r.Text)) problems.Add($"{chat} «{shown}»: a broken surrogate");
                }
            }
        output.WriteLine($"{sent} hostile inputs (seed {Seed}), {problems.Count} problems");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
        Assert.Equal(answers, Snapshot(_bot.Store));
    }
}
