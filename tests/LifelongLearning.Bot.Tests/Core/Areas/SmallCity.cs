using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Tests.Core.Areas;

/// <summary>
/// Two communes on the default plan, small enough to compute every figure by hand (see each test):
/// Xã A has two libraries of schools, its own library and two cultural houses (Thôn 1, Thôn 2, which has not
/// reported); Xã B has its library, one school library (late) and the cultural house of Thôn 1.
/// The city holds TV-HTSD against 60% in 2025, its own target; the communes keep the plan's 70%.
/// </summary>
internal static class SmallCity
{
    public static readonly ReportingPeriod Year2025 = ReportingPeriod.WholeYear(2025);

    public static Plan Plan => DefaultPlan.Value;

    public static CityPlan City { get; } = new("Thành phố Thử", [new("xa-a", "Xã A", Plan), new("xa-b", "Xã B", Plan)],
        [.. Plan.Indicators.Select(i => i.Code == "TV-HTSD" ? i with { Targets = [new Target(2025, 60)] } : i)]);

    public static TreeNode Tree { get; } = LifelongLearning.Bot.Core.Areas.Tree.City(City, c => c.Code == "xa-a"
        ?
        [
            new("TV-XA", "Thư viện xã A", "thu-vien-xa", null),
            new("TV-TH", "Thư viện Trường Tiểu học A", "thu-vien-truong", null),
            new("TV-MN", "Thư viện Trường Mầm non A", "thu-vien-truong", null),
            new("NVH-1", "Nhà văn hóa Thôn 1", "nha-van-hoa", "Thôn 1"),
            new("NVH-2", "Nhà văn hóa Thôn 2", "nha-van-hoa", "Thôn 2"),
        ]
        :
        [
            new("TV-XA", "Thư viện xã B", "thu-vien-xa", null),
            new("TV-TH", "Thư viện Trường Tiểu học B", "thu-vien-truong", null),
            new("NVH-1", "Nhà văn hóa Thôn 1 xã B", "nha-van-hoa", "Thôn 1"),
        ]);

    public static AnswerBook Book()
    {
        var book = new AnswerBook();
        void Add(ReportingPeriod p, string key, bool late, params (string Code, AnswerValue Value)[] answers) =>
            book.Add(p, key, answers.ToDictionary(a => a.Code, a => a.Value), late);
        var yes = AnswerValue.Yes;
        var no = AnswerValue.No;
        Add(Year2025, "xa-a/TV-XA", false, ("TV-HTSD", yes), ("TV-LUOT", AnswerValue.Of(1000)));
        Add(Year2025, "xa-a/TV-TH", false, ("TV-HTSD", yes), ("TV-LUOT", AnswerValue.Of(300)));
        Add(Year2025, "xa-a/TV-MN", false, ("TV-HTSD", no), ("TV-LUOT", AnswerValue.Of(200)));
        Add(Year2025, "xa-a/NVH-1", false, ("VH-CLB", yes));
        Add(Year2025, "xa-b/TV-XA", false, ("TV-HTSD", yes), ("TV-LUOT", AnswerValue.Of(500)));
        Add(Year2025, "xa-b/TV-TH", true, ("TV-HTSD", yes), ("TV-LUOT", AnswerValue.Of(100)));
        Add(Year2025, "xa-b/NVH-1", false, ("VH-CLB", no));

        var y2024 = ReportingPeriod.WholeYear(2024);
        Add(y2024, "xa-a/TV-XA", false, ("TV-LUOT", AnswerValue.Of(900)));
        Add(y2024, "xa-a/TV-TH", false, ("TV-LUOT", AnswerValue.Of(300)));
        Add(y2024, "xa-b/TV-XA", false, ("TV-LUOT", AnswerValue.Of(400)));
        return book;
    }
}
