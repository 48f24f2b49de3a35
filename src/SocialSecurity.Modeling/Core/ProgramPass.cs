namespace SocialSecurity.Modeling.Core;

/// <summary>
/// A program prepared for one run: parameters resolved, ready to compute its outputs over blocks of households.
/// <see cref="Execute"/> may be called concurrently for disjoint blocks, so it must only touch its own block's rows
/// and keep no mutable state.
/// </summary>
public abstract class ProgramPass
{
    /// <summary>Computes the program's outputs for the households of <paramref name="context"/>'s block.</summary>
    /// <param name="context">The block of households, the columns, and an optional explanation sink.</param>
    public abstract void Execute(ProgramContext context);
}
