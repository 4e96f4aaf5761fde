namespace LifelongLearning.Bot.Core.Plans;

/// <summary>A day the plan names every year (Ngày Sách và Văn hóa đọc Việt Nam 21/4, ...).</summary>
public sealed record EventDay(string Title, int Month, int Day, string? Description);

/// <summary>The Tuần lễ hưởng ứng học tập suốt đời: its dates are set each year.</summary>
public sealed record LearningWeek(int Year, DateOnly From, DateOnly To);
