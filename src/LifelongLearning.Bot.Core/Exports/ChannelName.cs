namespace LifelongLearning.Bot.Core.Exports;

/// <summary>The channel an answer came through, as an official reads it in the revisions sheet.</summary>
public static class ChannelName
{
    public static string Display(string channel) => channel switch
    {
        "telegram" => "Telegram",
        "zalo" => "Zalo",
        "console" => "Dòng lệnh (thử nghiệm)",
        "" => "—",
        _ => channel,
    };
}
