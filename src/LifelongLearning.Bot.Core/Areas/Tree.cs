using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Areas;

/// <summary>Builds the tree from the plans: a city of communes, or one commune alone (today's deployment).</summary>
public static class Tree
{
    /// <summary>The city and its communes, each with its plan's units unless <paramref name="unitsOf"/> gives others (the store's).</summary>
    public static TreeNode City(CityPlan city, Func<CityCommune, IEnumerable<PlanUnit>>? unitsOf = null) =>
        new(NodeLevel.City, city.Name, city.Name, city.Indicators,
            [.. city.Communes.Select(c => Commune(c.Code, c.Name, c.Plan, unitsOf?.Invoke(c) ?? c.Plan.Units))]);

    /// <summary>
    /// A commune: one node per area the plan lists, holding the units of that area, then the units in no area
    /// (the commune library, the schools) directly under the commune. A plan without areas has no area level.
    /// </summary>
    public static TreeNode Commune(string code, string name, Plan plan, IEnumerable<PlanUnit> units)
    {
        var list = units.ToList();
        var areas = plan.Commune.Areas;
        var children = new List<TreeNode>();
        foreach (var area in areas)
            children.Add(new TreeNode(NodeLevel.Area, area, area, plan.Indicators,
                [.. list.Where(u => u.Area == area).Select(u => Unit(code, name, plan, u))]) { Plan = plan, CommuneName = name });
        children.AddRange(list.Where(u => u.Area is null || !areas.Contains(u.Area)).Select(u => Unit(code, name, plan, u)));
        return new TreeNode(NodeLevel.Commune, code, name, plan.Indicators, children) { Plan = plan, CommuneName = name };
    }

    private static TreeNode Unit(string communeCode, string communeName, Plan plan, PlanUnit u) =>
        new(NodeLevel.Unit, u.Code, u.Name, plan.Indicators, [])
        {
            Plan = plan, CommuneName = communeName, Kind = u.Kind, Key = KeyOf(communeCode, u.Code),
        };

    public static string KeyOf(string communeCode, string unitCode) => $"{communeCode}/{unitCode}";
}
