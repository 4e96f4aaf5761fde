namespace LifelongLearning.Bot.Engine;

/// <summary>What the channels learn about the bot at start (its Telegram username, for invite links).</summary>
public sealed class BotIdentity
{
    public string? TelegramUsername { get; set; }
}
