using Xunit;

namespace LifelongLearning.Bot.Tests.Faults;

/// <summary>Long inputs full of emoji get a sensible answer, not the apology for a reply that could not be stored.</summary>
public sealed class LongInputTests : IAsyncLifetime
{
    private static readonly string Emoji = string.Concat(Enumerable.Repeat("🙂", 2100));
    private FaultBot _bot = null!;

    public async Task InitializeAsync() => _bot = await FaultBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private void AssertSensible(string reply, string expected)
    {
        Assert.DoesNotContain(FaultBot.Apology, reply);
        Assert.Contains(expected, reply);
        Assert.True(reply.Length < 600, $"{reply.Length} characters: the input was quoted whole");
    }

    [Fact]
    public void A_command_of_2100_emoji_is_an_unknown_command()
    {
        AssertSensible(_bot.Text(FaultBot.Resident, "/" + Emoji), "Bot không hiểu lệnh /🙂");
        AssertSensible(_bot.Text(FaultBot.Admin, "/" + Emoji), "Gõ /trogiup");
    }

    [Fact]
    public void A_one_message_form_with_an_emoji_run_says_what_it_could_not_read()
    {
        var reply = _bot.Text(FaultBot.Reporter, "TV-LUOT 1; " + Emoji);
        AssertSensible(reply, "…");
    }

    [Fact]
    public void An_invite_for_a_long_unit_code_names_it_shortly()
    {
        AssertSensible(_bot.Text(FaultBot.Admin, "/moi " + Emoji), "Không có đơn vị mã «🙂");
        AssertSensible(_bot.Text(FaultBot.Admin, "/moi " + new string('X', 5000)), "Không có đơn vị mã «XXX");
    }
}
