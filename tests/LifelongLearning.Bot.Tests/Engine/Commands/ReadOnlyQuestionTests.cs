using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Engine.Commands;

/// <summary>
/// What a channel asks the engine before handing over a message (is this chat known, does it take a photo, who is
/// on the channel) reads the store: it commits nothing, so the outbox, menus and exports loops, which wake on
/// every commit, are not woken on each message for nothing.
/// </summary>
public sealed class ReadOnlyQuestionTests : EngineCommandTestBase
{
    [Fact]
    public void Asking_whether_a_chat_is_known_or_takes_a_photo_commits_nothing()
    {
        Chat.Join("lan", "Cô Lan", Role.Reporter, "TV-TH");
        var commits = 0;
        void Count() => commits++;
        Store.Committed += Count;
        try
        {
            Assert.True(Bot.Engine.Knows(Chat.Channel, "lan"));
            Assert.False(Bot.Engine.Knows(Chat.Channel, "stranger"));
            Assert.False(Bot.Engine.ExpectsPhoto(new IncomingMessage(Chat.Channel, "lan", "Cô Lan", "", "test:photo:1", PhotoRef: "test:p")));
            Assert.Contains(Bot.Engine.PeopleOn(Chat.Channel), p => p.ChatId == "lan");
        }
        finally { Store.Committed -= Count; }
        Assert.Equal(0, commits);
    }
}
