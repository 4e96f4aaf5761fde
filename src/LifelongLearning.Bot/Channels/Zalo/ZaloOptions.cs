namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>Configuration section "Zalo"; checked by <see cref="ZaloOptionsValidator"/>.</summary>
public sealed class ZaloOptions
{
    public const string SectionName = "Zalo";

    /// <summary>The bot's token from Zalo Bot Creator; empty means the Zalo channel is off.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://bot-api.zaloplatforms.com";

    /// <summary>
    /// The bot's own https link, as Zalo Bot Manager shows it: printed as a QR code on the invitation sheet,
    /// since a Zalo bot, unlike a Telegram one, cannot be opened from a link carrying the invite code.
    /// Empty = the sheet says how to find the bot by name.
    /// </summary>
    public string? BotLink { get; set; }

    /// <summary>Sent to Zalo with setWebhook and expected back in the X-Bot-Api-Secret-Token header.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Public HTTPS address of this bot; when set the bot takes updates by webhook instead of polling.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Zalo does not document a rate limit, so sending is throttled to this rate to stay polite.</summary>
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>Sends under way at once (never two to one chat), so a slow network still fills the rate.</summary>
    public int MaxInFlight { get; set; } = 8;

    /// <summary>
    /// The least time between two messages to one chat, counted from the previous one's answer: Zalo documents
    /// no limit, so one a second, as Telegram's. Only the tests, against their own server, set it shorter.
    /// </summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Where the webhook endpoint (and the chart and file links) listen in webhook mode; a reverse proxy
    /// forwards <see cref="PublicBaseUrl"/> here.</summary>
    public string WebhookListenUrl { get; set; } = "http://0.0.0.0:8081";

    /// <summary>How long a chart or file link sent on Zalo keeps working.</summary>
    public TimeSpan FileLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Webhook mode is chosen by having a public address: Zalo can only post to a public HTTPS URL.</summary>
    public bool IsWebhook => !string.IsNullOrEmpty(PublicBaseUrl);
}
