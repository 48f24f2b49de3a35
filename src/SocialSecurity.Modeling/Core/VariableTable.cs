
namespace SocialSecurity.Modeling.Core;

/// <summary>The columns of one run: the population's inputs (shared, not copied) and every program output.</summary>
internal sealed class VariableTable
{
    private readonly Dictionary<string, (VariableDefinition Definition, double[] Data)> _columns;
    private readonly List<double[]>? _allocated;
    private int _persons;
    private int _households;

    public VariableTable(Population population, Policy policy)
        : this(population, policy, output => new double[output.Entity == Entity.Person ? population.PersonCount : population.HouseholdCount])
    {
    }

    /// <summary>A table whose output columns come from <paramref name="allocate"/> (pooled or uninitialised arrays of the output's length).</summary>
    /// <param name="population">The population whose columns are the inputs.</param>
    /// <param name="policy">The programs whose outputs the table holds.</param>
    /// <param name="allocate">Gives each output's array.</param>
    /// <param name="keepAllocated">Whether to list the arrays <paramref name="allocate"/> gave (<see cref="AllocatedOutputs"/>), for a table whose columns are given back to a pool.</param>
    public VariableTable(Population population, Policy policy, Func<VariableDefinition, double[]> allocate, bool keepAllocated = false)
    {
        // Sized once: a table grown entry by entry rehashes several times (the household calculator makes one per call).
        int outputs = 0;
        foreach (var program in policy.Programs)
        {
            outputs += program.Outputs.Count;
        }

        _columns = new(InputVariables.All.Count + population.ExtraDefinitions.Count + outputs, StringComparer.Ordinal);
        _allocated = keepAllocated ? new List<double[]>(outputs) : null;
        BindInputs(population);

        foreach (var program in policy.Programs)
        {
            var copied = program.CopiedOutput;
            foreach (var output in program.Outputs)
            {
                double[] data = copied?.Copy == output.Name ? [] : allocate(output);
                _columns[output.Name] = (output, data);
                if (data.Length > 0)
                {
                    _allocated?.Add(data);
                }
            }
        }

        // An output that is always a copy of another shares its column: one array written once, not two.
        foreach (var program in policy.Programs)
        {
            if (program.CopiedOutput is { } copied)
            {
                _columns[copied.Copy] = (_columns[copied.Copy].Definition, _columns[copied.Source].Data);
            }
        }
    }

    public IEnumerable<VariableDefinition> Definitions => _columns.Values.Select(c => c.Definition);

    /// <summary>The output arrays this table got from its allocator (each once; not the population's columns, nor columns put in with <see cref="Replace"/>); null unless made with <c>keepAllocated</c>.</summary>
    public IReadOnlyList<double[]>? AllocatedOutputs => _allocated;

    public bool Contains(string name) => _columns.ContainsKey(name);

    public VariableDefinition Definition(string name) => Get(name).Definition;

    /// <summary>The array behind a column: at least as long as the column's rows (an output's array may be a recycled, longer one), only those rows its values.</summary>
    public double[] Column(string name) => Get(name).Data;

    /// <summary>A column's values, one per person or household (<see cref="Column"/> cut to the rows).</summary>
    public Span<double> Span(string name)
    {
        var (data, rows) = ColumnAndRows(name);
        return data.AsSpan(0, rows);
    }

    /// <summary>The array behind a column and its rows, in one lookup (a rule's context binds its columns this way for every block).</summary>
    public (double[] Data, int Rows) ColumnAndRows(string name)
    {
        var (definition, data) = Get(name);
        return (data, Rows(definition));
    }

    /// <summary>The rows of a column of <paramref name="definition"/>'s entity: the population's persons or households.</summary>
    public int Rows(VariableDefinition definition) => definition.Entity == Entity.Person ? _persons : _households;

    /// <summary>
    /// Points the input columns at <paramref name="population"/>'s, keeping the output columns, when it has this table's
    /// row counts and extra columns (a population rebuilt with other values); otherwise leaves the table as it is.
    /// </summary>
    /// <param name="population">The population to read.</param>
    /// <param name="current">The population the table reads now.</param>
    /// <returns>Whether the table now reads <paramref name="population"/>.</returns>
    public bool TryRebind(Population population, Population current)
    {
        if (population.PersonCount != current.PersonCount || population.HouseholdCount != current.HouseholdCount
            || population.ExtraDefinitions.Count != current.ExtraDefinitions.Count
            || population.ExtraDefinitions.Any(e => !current.ExtraDefinitions.TryGetValue(e.Key, out var d) || d.Variable != e.Value.Variable))
        {
            return false;
        }

        BindInputs(population);
        return true;
    }

    /// <summary>Replaces an output column's array (with one of the output's length, for example a cached column shared between runs).</summary>
    public void Replace(string name, double[] data) => _columns[name] = (Get(name).Definition, data);

    /// <summary>The population's input columns (shared, not copied); extra columns enter as declared: their period and income role count in the income concepts.</summary>
    private void BindInputs(Population population)
    {
        _persons = population.PersonCount;
        _households = population.HouseholdCount;
        foreach (var input in InputVariables.All)
        {
            _columns[input.Name] = (input, InputVariables.Column(population, input.Name));
        }

        foreach (var (name, definition) in population.ExtraDefinitions)
        {
            _columns[name] = (definition.Variable, population.DoubleColumn(name));
        }
    }

    private (VariableDefinition Definition, double[] Data) Get(string name)
        => _columns.TryGetValue(name, out var column)
            ? column
            : throw new KeyNotFoundException($"No variable '{name}' in this run; available: {string.Join(", ", _columns.Keys.Order(StringComparer.Ordinal))}.");
}
