namespace LifelongLearning.Bot.Engine;

/// <summary>
/// What the channels learn about the bot at start, for the ways people are told to reach it: its Telegram
/// username (invite links), and on Zalo the link from the settings and the name getMe gives.
/// </summary>
public sealed class BotIdentity
{
    public string? TelegramUsername { get; set; }

    /// <summary>The Zalo bot's own link (Zalo:BotLink), shown as a QR code on the invitation sheet; null when not set or Zalo is off.</summary>
    public string? ZaloBotLink { get; set; }

    /// <summary>The Zalo bot's name as getMe gives it ("Bot Học tập Tân Kỳ"), for people who look for it in Zalo.</summary>
    public string? ZaloBotName { get; set; }
}
