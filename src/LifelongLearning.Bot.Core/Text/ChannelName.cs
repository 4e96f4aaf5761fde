namespace LifelongLearning.Bot.Core.Text;

/// <summary>A channel as people read it: in messages, alerts and the revisions sheet.</summary>
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
