namespace LifelongLearning.Bot.Core.Plans;

/// <summary>A plan file that cannot be used; the message names the file, the line and what is wrong.</summary>
public sealed class PlanException(string message) : Exception(message);
