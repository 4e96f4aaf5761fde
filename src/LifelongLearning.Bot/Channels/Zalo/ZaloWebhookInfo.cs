namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>What getWebhookInfo reports; <see cref="Url"/> is null or empty when the bot polls.</summary>
public sealed record ZaloWebhookInfo(string? Url = null, long? UpdatedAt = null);
