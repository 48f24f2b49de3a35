namespace SocialSecurity.Modeling.Tests.Architecture;

/// <summary>
/// The library's layering, checked on its compiled IL: each namespace area may use only areas of lower layers
/// (and, inside one area, its sub-namespaces may use each other without a cycle). docs/architecture.md explains
/// the layers; a new namespace must be placed here before it builds green.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Areas by layer, lowest first. An area is a namespace and everything under it.</summary>
    private static readonly string[][] Layers =
    [
        ["(root)"],
        ["Internal", "Money", "Randomness"],
        ["Regions"],
        ["Core"],
        ["Parameters", "Populations", "Metrics"],
        ["Reforms", "Programs"],
        ["Simulation"],
        ["Projection"],
        ["IO"],
        ["Formatting"],
    ];

    private static string Area(string ns)
    {
        if (!ns.StartsWith(NamespaceGraph.Root, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return ns.Length == NamespaceGraph.Root.Length ? "(root)" : ns[(NamespaceGraph.Root.Length + 1)..].Split('.')[0];
    }

    private static string FullNamespace(string ns) => ns.StartsWith(NamespaceGraph.Root, StringComparison.Ordinal) ? ns : string.Empty;

    [Fact]
    public void Every_namespace_has_a_layer()
    {
        var known = Layers.SelectMany(l => l).ToHashSet();
        var areas = NamespaceGraph.Namespaces().Select(Area).Where(a => a.Length > 0).Distinct();
        areas.Where(a => !known.Contains(a)).Should().BeEmpty("every namespace area must be placed in a layer of LayeringTests");
    }

    [Fact]
    public void No_area_references_an_area_of_the_same_or_a_higher_layer()
    {
        var layerOf = Layers.SelectMany((areas, i) => areas.Select(a => (a, i))).ToDictionary(x => x.a, x => x.i);
        var violations = NamespaceGraph.Edges(Area)
            .Where(e => layerOf.TryGetValue(e.Key.From, out var from) && layerOf.TryGetValue(e.Key.To, out var to) && to >= from)
            .Select(e => $"{e.Key.From} (layer {layerOf[e.Key.From]}) uses {e.Key.To} (layer {layerOf[e.Key.To]}): {e.Value}")
            .ToList();
        violations.Should().BeEmpty();
    }

    [Fact]
    public void No_namespace_cycle()
    {
        var edges = NamespaceGraph.Edges(FullNamespace);
        var graph = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var cycles = StronglyConnected(graph).Where(c => c.Count > 1)
            .Select(c => string.Join(", ", c.Order(StringComparer.Ordinal)) + ": " + string.Join("; ", edges.Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To)).Select(e => e.Value)))
            .ToList();
        cycles.Should().BeEmpty();
    }

    [Fact]
    public void The_checker_sees_a_cycle_and_an_upward_reference()
    {
        // The checks above are only as good as the graph: it must contain edges we know exist.
        var edges = NamespaceGraph.Edges(Area);
        edges.Keys.Should().Contain(("Simulation", "Core"), "Microsimulation uses Policy")
            .And.Contain(("Programs", "Core"), "programs derive from PolicyProgram")
            .And.Contain(("Reforms", "Parameters"), "reform application builds on the parameter store");
        var cycle = new Dictionary<string, List<string>> { ["a"] = ["b"], ["b"] = ["c"], ["c"] = ["a"], ["d"] = ["a"] };
        StronglyConnected(cycle).Where(c => c.Count > 1).Should().ContainSingle().Which.Should().BeEquivalentTo(["a", "b", "c"]);
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        int counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w) && index.TryGetValue(w, out var wIndex))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var v in graph.Keys.Concat(graph.Values.SelectMany(x => x)).Distinct().ToList())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return result;
    }
}
