using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Digests;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Tests.Core;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Digests;

public class FigureCalculatorTests
{
    private static Indicator I(string code) => DefaultPlan.Value.FindIndicator(code)!;

    private static UnitReport Unit(string id, string kind, params (string Code, AnswerValue Value)[] answers) =>
        new(id, "Đơn vị " + id, kind, answers.ToDictionary(a => a.Code, a => a.Value));

    private static readonly AnswerValue Yes = AnswerValue.Yes, No = AnswerValue.No, Missing = AnswerValue.Missing;

    // Seven units; the cultural house answers nothing the libraries are asked.
    private static List<UnitReport> Now(AnswerValue communeLibraryService) =>
    [
        Unit("TV-XA", "thu-vien-xa", ("TV-HTSD", communeLibraryService), ("TV-CDS", Yes), ("TV-LUOT", AnswerValue.Of(1000))),
        Unit("TV-MN", "thu-vien-truong", ("TV-HTSD", Yes), ("TV-CDS", Yes), ("TV-LUOT", AnswerValue.Of(300))),
        Unit("TV-TH", "thu-vien-truong", ("TV-HTSD", No), ("TV-CDS", No), ("TV-LUOT", AnswerValue.Of(250))),
        Unit("TV-THCS", "thu-vien-truong", ("TV-HTSD", Missing), ("TV-CDS", No), ("TV-LUOT", Missing)),
        Unit("TV-CD", "thu-vien-khac", ("TV-HTSD", Yes), ("TV-CDS", Missing), ("TV-LUOT", AnswerValue.Of(150))),
        Unit("TV-CD2", "thu-vien-khac"), // has not reported
        Unit("NVH-1", "nha-van-hoa", ("VH-CLB", Yes)),
    ];

    [Fact]
    public void The_service_share_leaves_out_missing_answers_and_the_commune_library()
    {
        var f = FigureCalculator.Compute(I("TV-HTSD"), 2025, Now(Yes), []);
        // School and other libraries that answered: MN có, TH không, CD có (THCS skipped, CD2 silent) → 2/3.
        Assert.Equal(66.7m, f.Value);
        Assert.Equal(3, f.UnitsCounted);
        Assert.Equal(5, f.UnitsExpected);
        Assert.Empty(f.RequiredNotYes);
        Assert.Equal(70, f.Target!.Min);
        Assert.Null(f.OnTrack); // 3/5 reported, below the 80% coverage a verdict needs
        Assert.False(FigureCalculator.Compute(I("TV-HTSD") with { MinCoverage = 0.6m }, 2025, Now(Yes), []).OnTrack); // 66,7% < 70%
    }

    [Fact]
    public void The_commune_library_without_the_service_is_named_and_the_target_is_not_met()
    {
        var units = Now(No);
        units[2] = Unit("TV-TH", "thu-vien-truong", ("TV-HTSD", Yes)); // now 3/3 of the others say có
        var f = FigureCalculator.Compute(I("TV-HTSD"), 2025, units, []);
        Assert.Equal(100m, f.Value);
        Assert.Equal(["Đơn vị TV-XA"], f.RequiredNotYes);
        Assert.False(f.OnTrack);

        units[0] = Unit("TV-XA", "thu-vien-xa", ("TV-HTSD", Yes));
        Assert.True(FigureCalculator.Compute(I("TV-HTSD") with { MinCoverage = 0.6m }, 2025, units, []).OnTrack);
    }

    [Fact]
    public void The_digital_share_is_of_the_school_and_other_libraries_and_the_commune_library_must_have_it()
    {
        // The plan writes TV-CDS as TV-HTSD: the commune library must have it, the share is of the others.
        // MN có, TH không, THCS không (CD skipped, CD2 silent) → 1/3; XA's «có» meets the requirement, outside the share.
        var f = FigureCalculator.Compute(I("TV-CDS"), 2025, Now(Yes), []);
        Assert.Equal(33.3m, f.Value);
        Assert.Equal(3, f.UnitsCounted);
        Assert.Equal(5, f.UnitsExpected);
        Assert.Empty(f.RequiredNotYes);

        var withoutIt = Now(Yes);
        withoutIt[0] = Unit("TV-XA", "thu-vien-xa", ("TV-CDS", No));
        Assert.Equal(["Đơn vị TV-XA"], FigureCalculator.Compute(I("TV-CDS"), 2025, withoutIt, []).RequiredNotYes);
    }

    [Fact]
    public void Visits_are_summed_and_grow_over_the_same_units_only()
    {
        List<UnitReport> before =
        [
            Unit("TV-XA", "thu-vien-xa", ("TV-LUOT", AnswerValue.Of(900))),
            Unit("TV-MN", "thu-vien-truong", ("TV-LUOT", AnswerValue.Of(250))),
            Unit("TV-TH", "thu-vien-truong", ("TV-LUOT", AnswerValue.Of(200))),
            Unit("TV-THCS", "thu-vien-truong", ("TV-LUOT", AnswerValue.Of(400))), // not this year
        ];
        var f = FigureCalculator.Compute(I("TV-LUOT"), 2025, Now(Yes), before);
        Assert.Equal(1700m, f.Value);      // 1000 + 300 + 250 + 150; THCS missing is not zero
        Assert.Equal(4, f.UnitsCounted);
        Assert.Equal(6, f.UnitsExpected);
        var g = f.Growth!;
        Assert.Equal(1350m, g.Before);      // XA, MN, TH a year before
        Assert.Equal(1550m, g.Now);         // the same three now
        Assert.Equal(14.8m, g.Percent);     // 200 / 1350
        Assert.Equal(3, g.UnitsCompared);
        Assert.True(g.UnitsChanged);        // CD only now, THCS only before
    }

    [Fact]
    public void Growth_over_unchanged_units_is_not_flagged()
    {
        List<UnitReport> now = [Unit("A", "thu-vien-xa", ("TV-LUOT", AnswerValue.Of(110))), Unit("B", "thu-vien-truong", ("TV-LUOT", AnswerValue.Of(220)))];
        List<UnitReport> before = [Unit("A", "thu-vien-xa", ("TV-LUOT", AnswerValue.Of(100))), Unit("B", "thu-vien-truong", ("TV-LUOT", AnswerValue.Of(200)))];
        var g = FigureCalculator.Compute(I("TV-LUOT"), 2025, now, before).Growth!;
        Assert.Equal(10m, g.Percent);
        Assert.False(g.UnitsChanged);
    }

    [Fact]
    public void Average_growth_since_the_base_year_is_measured_against_the_target()
    {
        // MN reported only in 2025: it is left out of the average, which is over XA alone (total to total: 22,9%).
        var yearly = YearlyFigures.Of([(2023, "TV-XA", 1000m), (2025, "TV-XA", 1210m), (2025, "TV-MN", 300m)]);
        var f = FigureCalculator.Compute(I("TV-LUOT") with { MinCoverage = 0 }, 2025, Now(Yes), [], yearly);
        Assert.Equal(10m, f.AverageGrowth); // √1,21 − 1
        Assert.Equal((1000m, 1210m, 1), (f.AverageBasis!.Before, f.AverageBasis.Now, f.AverageBasis.UnitsCompared));
        Assert.True(f.OnTrack);
    }

    [Fact]
    public void Nobody_answering_gives_no_figure_rather_than_zero()
    {
        List<UnitReport> silent = [Unit("TV-XA", "thu-vien-xa"), Unit("TV-MN", "thu-vien-truong")];
        Assert.Null(FigureCalculator.Compute(I("TV-CDS"), 2025, silent, []).Value);
        Assert.Null(FigureCalculator.Compute(I("TV-LUOT"), 2025, silent, []).Value);
    }
}
