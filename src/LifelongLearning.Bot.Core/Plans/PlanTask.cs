namespace LifelongLearning.Bot.Core.Plans;

/// <summary>A numbered part of the plan ("I.2.a Đối với hệ thống thư viện"), under which the report writes its figures.</summary>
public sealed record PlanTask(string Code, string Title);
