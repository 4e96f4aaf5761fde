namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// The indicators a city's figures are made of. One rule at every level needs one definition: an indicator
/// counts for the city only when every commune's plan defines it (by code), and alike (the same kind, the same
/// way of making the figure, the same kinds of unit). Its targets are the city's own when the city file sets
/// them; otherwise the communes' when all communes hold the same; otherwise none, and the city figure is
/// shown without a verdict.
/// </summary>
internal static class CityIndicators
{
    public static IReadOnlyList<Indicator> Of(IReadOnlyList<CityCommune> communes, List<CityTargetFile> targets, FileErrors errors)
    {
        var first = communes[0];
        var shared = new List<Indicator>();
        foreach (var indicator in first.Plan.Indicators)
        {
            var others = communes.Skip(1).Select(c => (c, Other: c.Plan.FindIndicator(indicator.Code))).ToList();
            if (others.Any(o => o.Other is null)) continue;
            if (others.FirstOrDefault(o => !Alike(indicator, o.Other!)) is ({ } c, _))
                errors.Fail($"$.communes[{communes.ToList().IndexOf(c)}].plan",
                    $"chỉ tiêu {indicator.Code} trong kế hoạch của {c.Name} được tính khác với {first.Name} (loại, cách tính hoặc đơn vị báo cáo)",
                    $"indicator {indicator.Code} is defined differently from {first.Name}'s plan (kind, aggregation or reporting units)");
            var same = others.All(o => o.Other!.Targets.SequenceEqual(indicator.Targets));
            shared.Add(indicator with { Targets = same ? indicator.Targets : [] });
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var at = $"$.targets[{i}]";
            var code = errors.Text(targets[i].Indicator, at + ".indicator");
            var k = shared.FindIndex(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
            if (k < 0)
                errors.Fail(at + ".indicator", $"chỉ tiêu \"{code}\" không có trong kế hoạch của mọi xã", $"indicator \"{code}\" is not in every commune's plan");
            if (shared[k].TargetKind is not { } kind)
                errors.Fail(at + ".indicator", $"chỉ tiêu \"{code}\" không có cách đánh giá (targetKind) trong kế hoạch của xã", $"indicator \"{code}\" has no targetKind in the communes' plans");
            else
                shared[k] = shared[k] with { Targets = ReadTargets(targets[i].Targets, kind, at, errors) };
        }
        return shared;
    }

    private static bool Alike(Indicator a, Indicator b) =>
        a.Kind == b.Kind && a.TargetKind == b.TargetKind && a.Aggregation.Kind == b.Aggregation.Kind
        && a.ReportedBy.Order().SequenceEqual(b.ReportedBy.Order())
        && a.Aggregation.ShareOf.Order().SequenceEqual(b.Aggregation.ShareOf.Order())
        && a.Aggregation.RequiredYes.Order().SequenceEqual(b.Aggregation.RequiredYes.Order());

    private static List<Target> ReadTargets(List<TargetFile>? files, TargetKind kind, string at, FileErrors errors)
    {
        if (files is not { Count: > 0 }) errors.Fail(at + ".targets", "thiếu chỉ tiêu (targets)", "no targets given");
        var list = new List<Target>();
        for (var j = 0; j < files!.Count; j++)
        {
            var tat = $"{at}.targets[{j}]";
            var year = files[j].Year ?? errors.Fail<int>(tat, "thiếu năm (year)", "year is missing");
            var min = files[j].Min ?? errors.Fail<decimal>(tat, "thiếu mức tối thiểu (min)", "min is missing");
            if (min < 0 || (kind == TargetKind.ShareAtLeast && min > 100))
                errors.Fail(tat + ".min", "tỷ lệ phải từ 0 đến 100", "a share must be between 0 and 100");
            if (files[j].Max is { } max && max < min) errors.Fail(tat + ".max", "max nhỏ hơn min", "max is below min");
            if (list.Any(t => t.Year == year)) errors.Fail(tat + ".year", $"năm {year} bị trùng", $"year {year} is given twice");
            list.Add(new Target(year, min, files[j].Max));
        }
        return list;
    }
}
