namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A <see cref="PolicyProgram"/> whose declarations (name, description, inputs, outputs, parameters, benefits paid,
/// prerequisites) are given once, to the constructor, so that a rule's file holds only its declarations, its formula
/// and its legal basis. The formula is a small struct run by <see cref="PerPerson{TRule, TBlock}"/> or
/// <see cref="PerHousehold{TRule, TBlock}"/>, which own the loops over households and members.
/// </summary>
/// <remarks>
/// The loops are generic over the rule's struct type, so the JIT compiles one specialised loop per rule and the
/// formula is an ordinary, inlinable call: no virtual call per person or household.
/// </remarks>
public abstract class RuleProgram : PolicyProgram
{
    /// <summary>Declares the program.</summary>
    /// <param name="name">A short unique name (<see cref="PolicyProgram.Name"/>).</param>
    /// <param name="description">What the program does, with its legal basis.</param>
    /// <param name="inputs">The variables the program reads.</param>
    /// <param name="outputs">The variables the program writes.</param>
    /// <param name="parameters">The parameters the program resolves.</param>
    /// <param name="pays">The benefits the program pays (<see cref="PolicyProgram.Pays"/>); none when omitted.</param>
    /// <param name="prerequisites">Programs this one needs (<see cref="PolicyProgram.Prerequisites"/>); none when omitted.</param>
    protected RuleProgram(
        string name,
        string description,
        IReadOnlyList<string> inputs,
        IReadOnlyList<VariableDefinition> outputs,
        IReadOnlyList<string> parameters,
        IReadOnlyList<string>? pays = null,
        IReadOnlyList<PolicyProgram>? prerequisites = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(parameters);
        Name = name;
        Description = description;
        Inputs = inputs;
        Outputs = outputs;
        Parameters = parameters;
        Pays = pays ?? [];
        Prerequisites = prerequisites ?? [];
    }

    /// <inheritdoc />
    public sealed override string Name { get; }

    /// <inheritdoc />
    public sealed override string Description { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<string> Inputs { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<VariableDefinition> Outputs { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<string> Parameters { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<string> Pays { get; }

    /// <inheritdoc />
    public sealed override IReadOnlyList<PolicyProgram> Prerequisites { get; }

    /// <inheritdoc />
    public sealed override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return CreatePass(setup);
    }

    /// <summary>Resolves the parameters for the run and returns the pass, usually <see cref="PerPerson{TRule, TBlock}"/> or <see cref="PerHousehold{TRule, TBlock}"/> over a rule struct.</summary>
    /// <param name="setup">The date, parameters and population of the run (not null).</param>
    protected abstract ProgramPass CreatePass(ProgramSetup setup);

    /// <summary>A pass that calls <paramref name="rule"/> once per person of each block, household by household.</summary>
    /// <typeparam name="TRule">The rule: a struct holding the values resolved for the run.</typeparam>
    /// <typeparam name="TBlock">The columns the rule binds for one block.</typeparam>
    /// <param name="rule">The rule, resolved for the run.</param>
    protected static ProgramPass PerPerson<TRule, TBlock>(TRule rule)
        where TRule : struct, IPersonRule<TBlock>
        where TBlock : allows ref struct
        => new PersonRulePass<TRule, TBlock>(rule);

    /// <summary>A pass that calls <paramref name="rule"/> once per household of each block.</summary>
    /// <typeparam name="TRule">The rule: a struct holding the values resolved for the run.</typeparam>
    /// <typeparam name="TBlock">The columns the rule binds for one block.</typeparam>
    /// <param name="rule">The rule, resolved for the run.</param>
    protected static ProgramPass PerHousehold<TRule, TBlock>(TRule rule)
        where TRule : struct, IHouseholdRule<TBlock>
        where TBlock : allows ref struct
        => new HouseholdRulePass<TRule, TBlock>(rule);
}
