namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>The event_name values Zalo sends.</summary>
public static class ZaloEvents
{
    public const string Text = "message.text.received";
    public const string Image = "message.image.received";
    public const string Sticker = "message.sticker.received";
    public const string Voice = "message.voice.received";

    /// <summary>Zalo hid the content from the bot; answer politely rather than treating it as malformed.</summary>
    public const string Unsupported = "message.unsupported.received";
}
