namespace LifelongLearning.Bot.Channels.Zalo;

public sealed record ZaloUser(string Id, string DisplayName = "", bool IsBot = false);
