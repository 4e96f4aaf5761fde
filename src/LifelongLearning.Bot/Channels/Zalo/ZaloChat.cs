namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>A chat; <see cref="ChatType"/> is "PRIVATE", or "GROUP" (in beta at Zalo).</summary>
public sealed record ZaloChat(string Id, string ChatType = "PRIVATE")
{
    public bool IsPrivate => string.Equals(ChatType, "PRIVATE", StringComparison.OrdinalIgnoreCase);
}
