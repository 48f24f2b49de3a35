using System.Numerics;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// Where each person goes in a population: households in the order given, each household's members stored together
/// in person-id order. Computed once per build from the id columns, by <see cref="PopulationBuilder"/> and
/// <see cref="ColumnarPopulationBuilder"/> alike, with the same checks and problem lines: ids unique, every person's
/// household present, every household with at least one member.
/// </summary>
/// <remarks>
/// Fast path: when household ids are strictly increasing, persons come grouped by household in that order
/// (non-decreasing household ids) and person ids are strictly increasing, the persons are already in member order:
/// one merge walk maps each person to its household, with no hashing, no sort and no reordering of any column.
/// Otherwise households are found by hashing and persons put in member order by a stable counting sort.
/// </remarks>
internal sealed class PopulationLayout
{
    private int[]? _personHousehold;

    private PopulationLayout(int[] memberStart, int[]? personHousehold, int[]? order)
    {
        MemberStart = memberStart;
        _personHousehold = personHousehold;
        Order = order;
    }

    /// <summary>Index of each household's first member, one longer than the number of households.</summary>
    public int[] MemberStart { get; }

    /// <summary>The household index of each person, in member order (computed from <see cref="MemberStart"/> when the layout did not need it).</summary>
    public int[] PersonHousehold => _personHousehold ??= Population.HouseholdOfEachPerson(MemberStart);

    /// <summary>The household index of each person when the layout computed it; <see langword="null"/> when a population can derive it from the member starts on first read.</summary>
    public int[]? PersonHouseholdIfComputed => _personHousehold;


    /// <summary>For each person in member order, the row it was given as; <see langword="null"/> when the rows are already in member order.</summary>
    public int[]? Order { get; }

    /// <summary>The value of <paramref name="values"/> at each member position: the array itself when no reordering is needed, else a reordered copy.</summary>
    public T[] InMemberOrder<T>(T[] values)
    {
        if (Order is null)
        {
            return values;
        }

        var result = new T[Order.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = values[Order[i]];
        }

        return result;
    }

    /// <summary>
    /// Lays out the persons by household, reporting duplicate ids, orphan persons and households without members to
    /// <paramref name="problems"/>; the layout is meaningful only when no problem was added.
    /// </summary>
    /// <param name="householdIds">The household ids, in the order given.</param>
    /// <param name="personIds">The person ids, in the order given.</param>
    /// <param name="personHouseholdIds">Each person's household id, in the order given.</param>
    /// <param name="problems">Receives the problems.</param>
    public static PopulationLayout Arrange(ReadOnlySpan<long> householdIds, ReadOnlySpan<long> personIds, ReadOnlySpan<long> personHouseholdIds, ProblemList problems)
    {
        if (householdIds.Length == 0)
        {
            problems.Add("the population has no households");
        }

        if (!IsStrictlyIncreasing(householdIds) || !IsNonDecreasing(personHouseholdIds) || !IsStrictlyIncreasing(personIds))
        {
            return Sort(householdIds, personIds, personHouseholdIds, problems);
        }

        return householdIds.Length > 0 && householdIds[^1] - householdIds[0] == householdIds.Length - 1
            ? Dense(householdIds, personIds, personHouseholdIds, problems)
            : Walk(householdIds, personIds, personHouseholdIds, problems);
    }

    /// <summary>Whether every value is smaller than the next (vectorised).</summary>
    internal static bool IsStrictlyIncreasing(ReadOnlySpan<long> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length > Vector<long>.Count)
        {
            for (; i + Vector<long>.Count < values.Length; i += Vector<long>.Count)
            {
                if (!Vector.LessThanAll(new Vector<long>(values[i..]), new Vector<long>(values[(i + 1)..])))
                {
                    return false;
                }
            }
        }

        for (; i + 1 < values.Length; i++)
        {
            if (values[i] >= values[i + 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether no value is larger than the next (vectorised).</summary>
    internal static bool IsNonDecreasing(ReadOnlySpan<long> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length > Vector<long>.Count)
        {
            for (; i + Vector<long>.Count < values.Length; i += Vector<long>.Count)
            {
                if (!Vector.LessThanOrEqualAll(new Vector<long>(values[i..]), new Vector<long>(values[(i + 1)..])))
                {
                    return false;
                }
            }
        }

        for (; i + 1 < values.Length; i++)
        {
            if (values[i] > values[i + 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Sorted, dense household ids (each one more than the last): a household's index is its id minus the first id.
    /// When every person's household id lies between the first and the last household id (their order is already
    /// checked, so only the first and the last person's need looking at), one loop writes, for each person's
    /// household, the end of its members (the last write per household wins, since persons come in household
    /// order): no branch and no read-modify-write per person, and no per-person array (each person's household
    /// index follows from the member starts, computed only if read). A household no person points at keeps an end
    /// of 0, found afterwards by a vectorised search. Otherwise (orphans) the checked loop.
    /// </summary>
    private static PopulationLayout Dense(ReadOnlySpan<long> householdIds, ReadOnlySpan<long> personIds, ReadOnlySpan<long> personHouseholdIds, ProblemList problems)
    {
        int households = householdIds.Length;
        int persons = personIds.Length;
        long first = householdIds[0];
        if (persons == 0 || personHouseholdIds[0] < first || personHouseholdIds[^1] - first >= households)
        {
            return DenseWithOrphans(householdIds, personIds, personHouseholdIds, problems);
        }

        var memberStart = new int[households + 1];
        for (int p = 0; p < persons; p++)
        {
            memberStart[(int)(personHouseholdIds[p] - first) + 1] = p + 1;
        }

        // memberStart[h + 1] is household h's end; 0 only for a household without members (any other end is ≥ 1).
        var ends = memberStart.AsSpan(1);
        for (int h = ends.IndexOf(0); h >= 0; h = Next(ends, h))
        {
            NoMembers(problems, h, householdIds[h]);
            ends[h] = memberStart[h]; // keeps the layout consistent for the problems that follow
        }

        return new PopulationLayout(memberStart, null, null);

        static int Next(ReadOnlySpan<int> ends, int h)
        {
            int next = ends[(h + 1)..].IndexOf(0);
            return next < 0 ? -1 : h + 1 + next;
        }
    }

    /// <summary>Sorted, dense household ids with persons pointing outside them: each person checked, orphans reported.</summary>
    private static PopulationLayout DenseWithOrphans(ReadOnlySpan<long> householdIds, ReadOnlySpan<long> personIds, ReadOnlySpan<long> personHouseholdIds, ProblemList problems)
    {
        int households = householdIds.Length;
        int persons = personIds.Length;
        long first = householdIds[0];
        var personHousehold = GC.AllocateUninitializedArray<int>(persons);
        int orphans = 0;
        for (int p = 0; p < persons; p++)
        {
            long index = personHouseholdIds[p] - first;
            if ((ulong)index < (ulong)households)
            {
                personHousehold[p] = (int)index;
            }
            else
            {
                personHousehold[p] = 0;
                orphans++;
                Orphan(problems, p, personIds[p], personHouseholdIds[p]);
            }
        }

        var memberStart = new int[households + 1];
        foreach (int h in personHousehold)
        {
            memberStart[h + 1]++;
        }

        memberStart[1] -= orphans; // counted in household 0 above

        for (int h = 0; h < households; h++)
        {
            if (memberStart[h + 1] == 0)
            {
                NoMembers(problems, h, householdIds[h]);
            }

            memberStart[h + 1] += memberStart[h];
        }

        return new PopulationLayout(memberStart, personHousehold, null);
    }

    /// <summary>Sorted ids: one merge walk over households and persons (ids are unique because they increase).</summary>
    private static PopulationLayout Walk(ReadOnlySpan<long> householdIds, ReadOnlySpan<long> personIds, ReadOnlySpan<long> personHouseholdIds, ProblemList problems)
    {
        int households = householdIds.Length;
        int persons = personIds.Length;
        var memberStart = new int[households + 1];
        var personHousehold = GC.AllocateUninitializedArray<int>(persons);
        int h = 0;
        bool hasMember = false;
        for (int p = 0; p < persons; p++)
        {
            long target = personHouseholdIds[p];
            while (h < households && householdIds[h] < target)
            {
                if (!hasMember)
                {
                    NoMembers(problems, h, householdIds[h]);
                }

                memberStart[++h] = p;
                hasMember = false;
            }

            if (h < households && householdIds[h] == target)
            {
                personHousehold[p] = h;
                hasMember = true;
            }
            else
            {
                personHousehold[p] = 0;
                Orphan(problems, p, personIds[p], target);
            }
        }

        while (h < households)
        {
            if (!hasMember)
            {
                NoMembers(problems, h, householdIds[h]);
            }

            memberStart[++h] = persons;
            hasMember = false;
        }

        return new PopulationLayout(memberStart, personHousehold, null);
    }

    /// <summary>Ids in any order: households found by hashing, persons put in member order by a stable counting sort.</summary>
    private static PopulationLayout Sort(ReadOnlySpan<long> householdIds, ReadOnlySpan<long> personIds, ReadOnlySpan<long> personHouseholdIds, ProblemList problems)
    {
        int households = householdIds.Length;
        int persons = personIds.Length;
        var indexById = new Dictionary<long, int>(households);
        for (int h = 0; h < households; h++)
        {
            if (!indexById.TryAdd(householdIds[h], h))
            {
                problems.Add($"column 'household_id', household row {h}: id {householdIds[h]} is used by household row {indexById[householdIds[h]]} too");
            }
        }

        var personHousehold = new int[persons];
        var counts = new int[households + 1];
        bool uniquePersons = IsStrictlyIncreasing(personIds);
        var seenPersons = uniquePersons ? null : new HashSet<long>(persons);
        for (int p = 0; p < persons; p++)
        {
            if (seenPersons is not null && !seenPersons.Add(personIds[p]))
            {
                problems.Add($"column 'person_id', person row {p}: id {personIds[p]} is used twice");
            }

            if (indexById.TryGetValue(personHouseholdIds[p], out var h))
            {
                personHousehold[p] = h;
                counts[h + 1]++;
            }
            else
            {
                Orphan(problems, p, personIds[p], personHouseholdIds[p]);
            }
        }

        for (int h = 0; h < households; h++)
        {
            if (counts[h + 1] == 0)
            {
                NoMembers(problems, h, householdIds[h]);
            }
        }

        if (problems.Count > 0)
        {
            return new PopulationLayout(new int[households + 1], personHousehold, null);
        }

        // Counting sort of persons by household: stable, so members keep the order they were given in.
        var memberStart = new int[households + 1];
        for (int h = 0; h < households; h++)
        {
            memberStart[h + 1] = memberStart[h] + counts[h + 1];
        }

        var next = memberStart[..^1];
        var order = new int[persons];
        for (int p = 0; p < persons; p++)
        {
            order[next[personHousehold[p]]++] = p;
        }

        // Within a household, members are kept in person-id order, so that the order rows arrive in never changes a
        // result (not even the last bit of a floating-point sum). Households are small: insertion sort.
        for (int h = 0; h < households; h++)
        {
            for (int i = memberStart[h] + 1; i < memberStart[h + 1]; i++)
            {
                int current = order[i];
                long id = personIds[current];
                int j = i - 1;
                while (j >= memberStart[h] && personIds[order[j]] > id)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = current;
            }
        }

        bool identity = true;
        for (int i = 0; i < persons && identity; i++)
        {
            identity = order[i] == i;
        }

        if (identity)
        {
            return new PopulationLayout(memberStart, personHousehold, null);
        }

        var sortedHousehold = new int[persons];
        for (int i = 0; i < persons; i++)
        {
            sortedHousehold[i] = personHousehold[order[i]];
        }

        return new PopulationLayout(memberStart, sortedHousehold, order);
    }

    private static void Orphan(ProblemList problems, int row, long id, long householdId)
        => problems.Add($"column 'household_id', person row {row} (id {id}): household {householdId} was never added (orphan person)");

    private static void NoMembers(ProblemList problems, int row, long id)
        => problems.Add($"household row {row} (id {id}) has no members");
}
