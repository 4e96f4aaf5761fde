namespace LifelongLearning.Bot.Engine;

/// <summary>A round's digest built and drawn, not stored yet: the text and the chart's picture.</summary>
public sealed record DigestDraft(string RoundId, string Text, byte[] Chart);
