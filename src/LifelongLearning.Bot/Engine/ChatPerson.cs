namespace LifelongLearning.Bot.Engine;

/// <summary>Someone with a chat on a channel, and what they are in words a person reads («báo cáo cho Thư viện xã»).</summary>
public sealed record ChatPerson(string ChatId, string Name, string Description);
