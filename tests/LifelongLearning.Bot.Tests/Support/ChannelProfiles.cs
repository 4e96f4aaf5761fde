using LifelongLearning.Bot.Channels.Console;
using LifelongLearning.Bot.Channels.Telegram;
using LifelongLearning.Bot.Channels.Zalo;
using LifelongLearning.Bot.Engine;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>The text limits of every channel, as the host registers them, for tests that build a Messenger by hand.</summary>
public static class ChannelProfiles
{
    public static TextLimits TextLimits => new([TelegramSender.Profile, ZaloSender.Profile, ConsoleSender.Profile]);
}
