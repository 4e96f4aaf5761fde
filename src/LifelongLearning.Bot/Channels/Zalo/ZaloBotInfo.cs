namespace LifelongLearning.Bot.Channels.Zalo;

public sealed record ZaloBotInfo(string Id, string AccountName, string? AccountType = null, bool CanJoinGroups = false);
