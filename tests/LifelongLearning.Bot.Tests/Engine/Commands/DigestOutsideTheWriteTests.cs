using LifelongLearning.Bot.Charts;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using LifelongLearning.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// /tonghop sums every yearly round and draws a chart: on a big store that takes a second or more. It is built
/// from a read of the store before the message's write, so a unit head who answers meanwhile is not kept waiting
/// behind the store's single writer. The test holds the chart's drawing half-way and answers as a unit head then.
/// </summary>
public sealed class DigestOutsideTheWriteTests
{
    [Fact]
    public async Task A_unit_heads_answer_is_handled_while_an_officials_digest_is_being_drawn()
    {
        var drawing = new HeldDrawing();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        await using var bot = await EngineHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:AdminChatIds:0"] = "test:admin" },
            services => services.AddSingleton<TimeProvider>(clock).AddSingleton<DigestCharts>(drawing));
        var chat = new EngineChat(bot);
        chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        chat.Join("hoa", "Chị Hoa", Role.Official);
        bot.Store.Write(() => bot.Services.GetRequiredService<RoundService>().Open(Communes.Shipped, ReportingPeriod.WholeYear(2025), askReporters: false));
        Assert.NotEmpty(chat.Ask("lan", "/baocao"));

        var digest = Task.Run(() => chat.Say("hoa", "/tonghop"));
        Task<string>? answer = null;
        try
        {
            await Waits.UntilAsync(() => drawing.IsDrawing, what: "the digest's chart is being drawn");
            answer = Task.Run(() => chat.Ask("lan", "có"));
            await Waits.UntilAsync(() => answer.IsCompleted, what: "Cô Lan's answer handled while the chart is drawn");
            Assert.NotEmpty(await answer);
        }
        finally
        {
            drawing.Release();
        }
        await digest;

        var toOfficial = chat.Queued("hoa");
        Assert.Contains(toOfficial, m => m.Text.Contains("2025") && m.PhotoFileId is null);
        Assert.Contains(toOfficial, m => m.PhotoFileId is not null);
        // Cô Lan's next question was queued before the digest, not after it.
        Assert.True(chat.Queued("lan")[^1].Id < toOfficial[0].Id);
    }

    private sealed class HeldDrawing : DigestCharts
    {
        private readonly ManualResetEventSlim _release = new();
        private volatile bool _drawing;

        public bool IsDrawing => _drawing;

        public override byte[] Draw(ChartInput input)
        {
            _drawing = true;
            _release.Wait(TimeSpan.FromSeconds(30));
            return base.Draw(input);
        }

        public void Release() => _release.Set();
    }
}
