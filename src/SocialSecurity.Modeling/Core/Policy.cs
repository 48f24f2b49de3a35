using System.Collections.Immutable;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// An ordered, checked set of programs: what a simulation runs. Building one orders the programs so that each runs
/// after the programs whose outputs it reads, and rejects duplicate outputs, outputs that shadow built-in inputs,
/// and cycles (naming the cycle), before anything runs.
/// </summary>
public sealed class Policy
{
    // Derived once: a policy is immutable, and runs, contexts and the household calculator ask for these every time.
    private readonly HashSet<string> _produced;
    private readonly ImmutableArray<string> _parameters;

    private Policy(ImmutableArray<PolicyProgram> programs, ImmutableArray<string> externalInputs)
    {
        Programs = programs;
        ExternalInputs = externalInputs;
        _produced = programs.SelectMany(p => p.Outputs).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        _parameters = [.. programs.SelectMany(p => p.Parameters).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The programs, in evaluation order.</summary>
    public ImmutableArray<PolicyProgram> Programs { get; }

    /// <summary>Inputs that neither the built-in population columns nor any program provide: the population must carry them as extra columns.</summary>
    public ImmutableArray<string> ExternalInputs { get; }

    /// <summary>
    /// The declared definitions of the population columns the programs read and no program writes (from
    /// <see cref="PolicyProgram.InputColumns"/>), in program order; a column two programs declare appears once per
    /// distinct definition. A run checks each against the population's declaration before any household is computed.
    /// </summary>
    public IEnumerable<ColumnDefinition> InputColumns
    {
        get
        {
            var produced = _produced;
            var seen = new HashSet<ColumnDefinition>(ReferenceEqualityComparer.Instance);
            foreach (var program in Programs)
            {
                foreach (var column in program.InputColumns)
                {
                    if (!produced.Contains(column.Name) && seen.Add(column))
                    {
                        yield return column;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The declared definitions of the extra columns the programs read only when the population carries them
    /// (<see cref="PolicyProgram.OptionalInputColumns"/>) and no program writes, in program order; never required.
    /// </summary>
    public IEnumerable<ColumnDefinition> OptionalInputColumns
    {
        get
        {
            var seen = new HashSet<ColumnDefinition>(ReferenceEqualityComparer.Instance);
            foreach (var program in Programs)
            {
                foreach (var column in program.OptionalInputColumns)
                {
                    if (!_produced.Contains(column.Name) && seen.Add(column))
                    {
                        yield return column;
                    }
                }
            }
        }
    }

    /// <summary>The input columns of <paramref name="program"/> that no program of this policy writes: those the population must provide as declared.</summary>
    internal IEnumerable<ColumnDefinition> InputColumnsOf(PolicyProgram program)
    {
        var produced = _produced;
        foreach (var column in program.InputColumns)
        {
            if (!produced.Contains(column.Name))
            {
                yield return column;
            }
        }
    }

    /// <summary>Every output variable of every program.</summary>
    public IEnumerable<VariableDefinition> Outputs => Enumerable.SelectMany(Programs, p => p.Outputs);

    /// <summary>Every parameter any program uses.</summary>
    public IEnumerable<string> Parameters => _parameters;

    /// <summary>Orders and checks programs.</summary>
    /// <param name="programs">The programs, in any order.</param>
    /// <exception cref="PolicyDefinitionException">Duplicate outputs or names, shadowed inputs, or a cycle.</exception>
    public static Policy Create(params PolicyProgram[] programs) => Create((IEnumerable<PolicyProgram>)programs);

    /// <summary>Orders and checks programs, adding their <see cref="PolicyProgram.Prerequisites"/> where missing.</summary>
    /// <param name="programs">The programs, in any order.</param>
    /// <exception cref="PolicyDefinitionException">Duplicate outputs or names, shadowed inputs, conflicting prerequisites, or a cycle.</exception>
    public static Policy Create(IEnumerable<PolicyProgram> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        var list = programs.ToList();
        if (list.Count == 0)
        {
            throw new PolicyDefinitionException("A policy needs at least one program.");
        }

        AddPrerequisites(list);

        var payer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var program in list)
        {
            foreach (var benefit in program.Pays)
            {
                if (payer.TryGetValue(benefit, out var other))
                {
                    throw new PolicyDefinitionException($"Programs '{other}' and '{program.Name}' both pay the benefit '{benefit}'; keep one of them, or the benefit would be paid twice.");
                }

                payer[benefit] = program.Name;
            }
        }

        var builtIn = InputVariables.All.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var schema = PopulationSchema.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            var program = list[i] ?? throw new PolicyDefinitionException($"Program {i} is null.");
            if (!names.Add(program.Name))
            {
                throw new PolicyDefinitionException($"Two programs are named '{program.Name}'.");
            }

            foreach (var column in program.InputColumns)
            {
                if (column is null || !program.Inputs.Contains(column.Name))
                {
                    throw new PolicyDefinitionException($"Program '{program.Name}' declares the input column '{column?.Name}' in InputColumns but not in Inputs.");
                }
            }

            foreach (var output in program.Outputs)
            {
                if (schema.Contains(output.Name))
                {
                    throw new PolicyDefinitionException($"Program '{program.Name}' writes '{output.Name}', which is a built-in population input.");
                }

                if (producer.TryGetValue(output.Name, out var other))
                {
                    throw new PolicyDefinitionException($"Programs '{list[other].Name}' and '{program.Name}' both write '{output.Name}'.");
                }

                producer[output.Name] = i;
            }
        }

        // Kahn's algorithm, taking the earliest-declared ready program first, so the order is stable.
        var dependsOn = list.Select(p => p.Inputs.Where(producer.ContainsKey).Select(v => producer[v]).Distinct().ToList()).ToList();
        var remaining = Enumerable.Range(0, list.Count).ToList();
        var ordered = new List<PolicyProgram>();
        var done = new HashSet<int>();
        while (remaining.Count > 0)
        {
            int next = remaining.FirstOrDefault(i => dependsOn[i].All(d => done.Contains(d)), -1);
            if (next < 0)
            {
                throw new PolicyDefinitionException($"The programs depend on each other in a cycle: {DescribeCycle(list, dependsOn, remaining, producer)}.");
            }

            ordered.Add(list[next]);
            done.Add(next);
            remaining.Remove(next);
        }

        var external = list.SelectMany(p => p.Inputs).Where(v => !builtIn.Contains(v) && !producer.ContainsKey(v)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new Policy([.. ordered], external);
    }

    private static void AddPrerequisites(List<PolicyProgram> list)
    {
        // Breadth-first: a prerequisite may have prerequisites of its own.
        for (int i = 0; i < list.Count; i++)
        {
            var program = list[i] ?? throw new PolicyDefinitionException($"Program {i} is null.");
            foreach (var prerequisite in program.Prerequisites)
            {
                var present = list.FirstOrDefault(p => p is not null && p.Name == prerequisite.Name);
                if (present is null)
                {
                    list.Add(prerequisite);
                }
                else if (!present.Inputs.SequenceEqual(prerequisite.Inputs, StringComparer.Ordinal)
                    || !present.Outputs.Select(o => o.Name).SequenceEqual(prerequisite.Outputs.Select(o => o.Name), StringComparer.Ordinal))
                {
                    throw new PolicyDefinitionException(
                        $"Program '{program.Name}' needs '{prerequisite.Name}' reading {string.Join(", ", prerequisite.Inputs)}, but the policy already has a '{present.Name}' reading {string.Join(", ", present.Inputs)}; give the means-tested programs the same income definition.");
                }
            }
        }
    }

    private static string DescribeCycle(List<PolicyProgram> list, List<List<int>> dependsOn, List<int> remaining, Dictionary<string, int> producer)
    {
        // Walk dependencies among the blocked programs until one repeats.
        var path = new List<int> { remaining[0] };
        while (true)
        {
            int current = path[^1];
            int next = dependsOn[current].First(remaining.Contains);
            int seen = path.IndexOf(next);
            if (seen >= 0)
            {
                var cycle = path.Skip(seen).Append(next).ToList();
                return string.Join(" → ", cycle.Zip(cycle.Skip(1), (a, b) =>
                    $"'{list[a].Name}' reads '{list[a].Inputs.First(v => producer.TryGetValue(v, out var p) && p == b)}' from '{list[b].Name}'"));
            }

            path.Add(next);
        }
    }
}
