namespace LifelongLearning.Bot.Core.Plans;

/// <summary>A kind of responsible unit: "Thư viện trường học", "Nhà văn hóa thôn", ...</summary>
public sealed record UnitKind(string Code, string Name, bool IsLibrary);

/// <summary>A unit the plan names; the store keeps these and any an official adds later.</summary>
public sealed record PlanUnit(string Code, string Name, string Kind, string? Area);
