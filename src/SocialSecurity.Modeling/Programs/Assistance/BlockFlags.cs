using System.Buffers;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Assistance;

/// <summary>
/// Unions of flag columns over one block, computed one column at a time (one column lookup per block rather than per
/// row). Buffers come from the shared pool; return them with <see cref="Return"/>.
/// </summary>
internal static class BlockFlags
{
    /// <summary>For each household of the block (index household − first), true when any household variable equals 1.</summary>
    public static bool[] AnyHousehold(ProgramContext context, IReadOnlyList<string> householdVariables)
    {
        int first = context.FirstHousehold, count = context.EndHousehold - first;
        var rented = ArrayPool<bool>.Shared.Rent(count);
        var any = rented.AsSpan(0, count);
        any.Clear();
        for (int v = 0; v < householdVariables.Count; v++) // indexed: an interface enumerator would allocate per block
        {
            var column = context.Read(householdVariables[v]);
            for (int i = 0; i < count; i++)
            {
                any[i] |= column[first + i] == 1;
            }
        }

        return rented;
    }

    /// <summary>For each person of the block (index person − first member), true when any person variable is above 0.</summary>
    public static bool[] AnyPositivePerson(ProgramContext context, IReadOnlyList<string> personVariables)
    {
        var start = context.Population.MemberStart;
        int first = start[context.FirstHousehold], count = start[context.EndHousehold] - first;
        var rented = ArrayPool<bool>.Shared.Rent(count);
        var any = rented.AsSpan(0, count);
        any.Clear();
        for (int v = 0; v < personVariables.Count; v++)
        {
            var column = context.Read(personVariables[v]);
            for (int i = 0; i < count; i++)
            {
                any[i] |= column[first + i] > 0;
            }
        }

        return rented;
    }

    /// <summary>Returns a buffer to the pool.</summary>
    public static void Return(bool[] buffer) => ArrayPool<bool>.Shared.Return(buffer);
}
