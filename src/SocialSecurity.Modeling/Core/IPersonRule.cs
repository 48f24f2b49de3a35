namespace SocialSecurity.Modeling.Core;

/// <summary>
/// The formula of a per-person rule (<see cref="RuleProgram.PerPerson{TRule, TBlock}"/>): a struct holding the
/// values resolved for the run, that binds its columns once per block and then computes one person at a time.
/// </summary>
/// <typeparam name="TBlock">The columns bound for one block (usually a <see langword="ref struct"/> of spans).</typeparam>
public interface IPersonRule<TBlock>
    where TBlock : allows ref struct
{
    /// <summary>Reads and writes the block's columns (<see cref="ProgramContext.Read"/>, <see cref="ProgramContext.Write"/>) once per block.</summary>
    /// <param name="context">The block.</param>
    TBlock Bind(ProgramContext context);

    /// <summary>Computes the outputs of one person and, when <paramref name="explanation"/> is given, records the steps.</summary>
    /// <param name="block">The block's columns.</param>
    /// <param name="person">The person, their household and region.</param>
    /// <param name="explanation">Where to record steps, or <see langword="null"/> in population runs.</param>
    void Compute(ref TBlock block, in PersonRow person, Explanation? explanation);

    /// <summary>Gives back what <see cref="Bind"/> rented (pooled buffers), after the block; nothing by default.</summary>
    /// <param name="block">The block's columns.</param>
    void Release(ref TBlock block)
    {
    }
}
