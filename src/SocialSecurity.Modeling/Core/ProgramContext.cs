namespace SocialSecurity.Modeling.Core;

/// <summary>
/// What a <see cref="ProgramPass"/> sees for one block of households: the block's bounds, the population, the
/// columns it declared, and (in household calculations) an explanation to write steps to.
/// </summary>
/// <remarks>
/// Columns are whole-population spans; a pass indexes them with household indices in
/// [<see cref="FirstHousehold"/>, <see cref="EndHousehold"/>) and, for person columns, with those households'
/// member ranges (<see cref="Population.MemberStart"/>). Reading an undeclared column, or writing
/// another program's output, throws.
/// </remarks>
public sealed class ProgramContext
{
    private readonly PolicyProgram _program;
    private readonly VariableTable _table;

    // The columns already checked and looked up, by the name instance asked for: a rule binds the same few columns for
    // every chunk of its block, and a string hash and declaration search per column and chunk add up (several ns per person).
    private (string Name, double[] Data, bool Writable, int Rows)[] _bound = [];
    private int _boundCount;

    internal ProgramContext(PolicyProgram program, VariableTable table, Population population, int firstHousehold, int endHousehold, Explanation? explanation)
    {
        _program = program;
        _table = table;
        Population = population;
        FirstHousehold = firstHousehold;
        EndHousehold = endHousehold;
        Explanation = explanation;
    }

    /// <summary>The population.</summary>
    public Population Population { get; }

    /// <summary>The first household index of the block.</summary>
    public int FirstHousehold { get; private set; }

    /// <summary>One past the last household index of the block.</summary>
    public int EndHousehold { get; private set; }

    /// <summary>One past the last person index of the block (the first member of household <see cref="EndHousehold"/>).</summary>
    internal int EndPerson => Population.MemberStart[EndHousehold];

    /// <summary>Where to record explanation steps, or <see langword="null"/> in population runs (do not build step text then).</summary>
    public Explanation? Explanation { get; }

    /// <summary>Moves the context to another block of the same run (the engine reuses one context per program and thread).</summary>
    internal void MoveTo(int firstHousehold, int endHousehold)
    {
        FirstHousehold = firstHousehold;
        EndHousehold = endHousehold;
    }

    /// <summary>A column the program declared as an input.</summary>
    /// <param name="name">The variable's name.</param>
    public ReadOnlySpan<double> Read(string name)
    {
        for (int i = 0; i < _boundCount; i++)
        {
            if (ReferenceEquals(_bound[i].Name, name))
            {
                return _bound[i].Data.AsSpan(0, _bound[i].Rows);
            }
        }

        if (!_program.Inputs.Contains(name) && !Writes(name))
        {
            throw new InvalidOperationException($"Program '{_program.Name}' reads '{name}' without declaring it in Inputs.");
        }

        return Bind(name, writable: false);
    }

    /// <summary>A column the program declared as an output, to write its block's rows.</summary>
    /// <param name="name">The variable's name.</param>
    public Span<double> Write(string name)
    {
        for (int i = 0; i < _boundCount; i++)
        {
            if (ReferenceEquals(_bound[i].Name, name) && _bound[i].Writable)
            {
                return _bound[i].Data.AsSpan(0, _bound[i].Rows);
            }
        }

        if (!Writes(name))
        {
            throw new InvalidOperationException($"Program '{_program.Name}' writes '{name}' without declaring it in Outputs.");
        }

        return Bind(name, writable: true);
    }

    /// <summary>A person column the program declared (in <see cref="PolicyProgram.Inputs"/>, typically through <see cref="PolicyProgram.InputColumns"/>), indexed by person.</summary>
    /// <param name="column">The column's definition; its values were validated against it when the population was built or the run prepared.</param>
    public ReadOnlySpan<double> Person(ColumnDefinition column) => Typed(column, Entity.Person);

    /// <summary>A household column the program declared, indexed by household.</summary>
    /// <param name="column">The column's definition.</param>
    public ReadOnlySpan<double> Household(ColumnDefinition column) => Typed(column, Entity.Household);

    /// <summary>Looks a checked column up and keeps it for the next chunks (a name read first and written later is kept twice, the second time writable; an equal name of another instance is not kept again).</summary>
    private Span<double> Bind(string name, bool writable)
    {
        for (int i = 0; i < _boundCount; i++)
        {
            if (_bound[i].Writable == writable && string.Equals(_bound[i].Name, name, StringComparison.Ordinal))
            {
                return _bound[i].Data.AsSpan(0, _bound[i].Rows);
            }
        }

        var (data, rows) = _table.ColumnAndRows(name);
        if (_boundCount == _bound.Length)
        {
            Array.Resize(ref _bound, Math.Max(8, _bound.Length * 2));
        }

        _bound[_boundCount++] = (name, data, writable, rows);
        return data.AsSpan(0, rows); // an output's array may be longer (recycled): a whole-population span all the same
    }

    private bool Writes(string name)
    {
        // A loop rather than LINQ: called once per column and block, it should allocate nothing.
        var outputs = _program.Outputs;
        for (int i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private ReadOnlySpan<double> Typed(ColumnDefinition column, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Entity != entity)
        {
            throw new InvalidOperationException($"Program '{_program.Name}' reads '{column.Name}' as a {entity.ToString().ToLowerInvariant()} column; it is a {column.Entity.ToString().ToLowerInvariant()} column.");
        }

        return Read(column.Name);
    }
}
