using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocialSecurity.Modeling.Core;

/// <summary>
/// Arrays of zeros shared by every population of the process, one per element type and length: an optional built-in
/// column a build was not given is one of these. Building the same size again allocates nothing for absent columns
/// (no garbage, no clearing, no page faults), and a rule that sums a column can skip one (<see cref="Holds"/>): adding
/// zeros changes no sum. Populations never write to their arrays; nothing may write to these.
/// </summary>
/// <remarks>Held weakly: an array lives as long as some population uses it.</remarks>
internal static class ZeroColumns
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<(Type Element, int Length), WeakReference<Array>> Shared = [];

    /// <summary>The shared array of <paramref name="length"/> zeros stored as <paramref name="storage"/>.</summary>
    public static Array Get(ColumnStorage storage, int length)
    {
        var key = (PopulationSchema.ElementType(storage), length);
        lock (Gate)
        {
            if (Shared.TryGetValue(key, out var weak) && weak.TryGetTarget(out var array))
            {
                return array;
            }

            if (Shared.Count >= 32)
            {
                foreach (var dead in Shared.Where(kv => !kv.Value.TryGetTarget(out _)).Select(kv => kv.Key).ToList())
                {
                    Shared.Remove(dead);
                }
            }

            array = PopulationSchema.NewArray(storage, length);
            Shared[key] = new WeakReference<Array>(array);
            return array;
        }
    }

    /// <summary>Whether <paramref name="array"/> is one of the shared arrays of zeros.</summary>
    public static bool Is(Array array)
    {
        lock (Gate)
        {
            return Shared.TryGetValue((array.GetType().GetElementType()!, array.Length), out var weak) && weak.TryGetTarget(out var shared) && ReferenceEquals(shared, array);
        }
    }

    /// <summary>Whether <paramref name="values"/> is a whole shared array of zeros (a column known to be all zeros without reading it).</summary>
    public static bool Holds(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return false;
        }

        lock (Gate)
        {
            return Shared.TryGetValue((typeof(double), values.Length), out var weak) && weak.TryGetTarget(out var shared)
                && Unsafe.AreSame(ref MemoryMarshal.GetReference(values), ref MemoryMarshal.GetArrayDataReference((double[])shared));
        }
    }
}
