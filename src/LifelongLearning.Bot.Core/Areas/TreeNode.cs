using LifelongLearning.Bot.Core.Plans;

namespace LifelongLearning.Bot.Core.Areas;

/// <summary>The levels of the tree the figures roll up, from the top.</summary>
public enum NodeLevel
{
    City,
    Commune,
    /// <summary>A former commune, a thôn or a khu dân cư inside a commune (the plan's <c>commune.areas</c>).</summary>
    Area,
    Unit,
}

/// <summary>
/// A node of the tree city → commune → area → unit. Every figure is made for a node from the units under it
/// (<see cref="Units"/>), by the same rules at every level, and held against <see cref="Indicators"/>: the
/// commune's plan from the commune down, the city's own targets at the city.
/// </summary>
public sealed class TreeNode
{
    private IReadOnlyList<TreeNode>? _units;

    public TreeNode(NodeLevel level, string code, string name, IReadOnlyList<Indicator> indicators, IReadOnlyList<TreeNode> children)
    {
        if (level == NodeLevel.Unit && children.Count > 0) throw new ArgumentException("Đơn vị không có cấp dưới.", nameof(children));
        Level = level;
        Code = code;
        Name = name;
        Indicators = indicators;
        Children = children;
    }

    public NodeLevel Level { get; }

    /// <summary>The commune's code, the area's name, the unit's code.</summary>
    public string Code { get; }

    public string Name { get; }

    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Areas, then the commune's own units (those in no area), in plan order.</summary>
    public IReadOnlyList<TreeNode> Children { get; }

    /// <summary>The commune's plan, from the commune down; null at the city.</summary>
    public Plan? Plan { get; init; }

    /// <summary>The commune the node belongs to (its name is how a city reader tells two "Thư viện xã" apart); null at the city.</summary>
    public string? CommuneName { get; init; }

    /// <summary>A unit's kind (plan unit kind code); null above the units.</summary>
    public string? Kind { get; init; }

    /// <summary>A unit's key across the city, "commune/unit" ("tan-ky/TV-XA"): unit codes repeat from commune to commune.</summary>
    public string? Key { get; init; }

    /// <summary>The units under the node, in tree order (a unit is its own only unit).</summary>
    public IReadOnlyList<TreeNode> Units => _units ??= Level == NodeLevel.Unit ? [this] : [.. Children.SelectMany(c => c.Units)];

    /// <summary>The node below this one with this level and code (case-insensitive), or null.</summary>
    public TreeNode? Find(NodeLevel level, string code) =>
        Level == level && string.Equals(Code, code, StringComparison.OrdinalIgnoreCase) ? this
        : Children.Select(c => c.Find(level, code)).FirstOrDefault(n => n is not null);
}
