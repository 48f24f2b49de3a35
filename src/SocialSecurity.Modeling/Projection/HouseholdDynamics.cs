using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Households change between two run dates (docs/projection.md#households), every assumption a dated parameter [I]:
/// a survivor whose partner died is widowed; an unpartnered adult living with a parent (a member at least 15 years
/// older) leaves home with the leaving rate and forms a one-person household; singles of union age without co-resident
/// children look for a partner with the union rate and couples form by matching; empty households dissolve. Moves keep
/// the person's weight: a new household takes the weight, region and area of the household it comes from, and couples
/// match only within one region and household weight, so weighted bookkeeping stays exact. Draws are keyed by the
/// seed, the person's id, the year and the replicate; the matching is order-independent.
/// </summary>
internal static class HouseholdDynamics
{
    /// <summary>The partner's person id, 0 when none.</summary>
    public static readonly ColumnDefinition Partner = ColumnDefinition.Quantity("projection.partner_id", Entity.Person, string.Empty, 0, double.PositiveInfinity, "Person id of the partner in the projection (0 when none)");

    /// <summary>What changed in households, weighted persons.</summary>
    internal readonly record struct Flows(double LeftHome, double Unions, double Widowed);

    /// <summary>
    /// The base population with partners: in each household the men and the women aged 20 or more, each sorted by age
    /// (oldest first, then id), are paired in turn while the age difference is at most 15 years [I].
    /// </summary>
    public static Population Prepare(Population population)
    {
        if (population.ExtraPersonColumns.Contains(Partner.Name))
        {
            return population;
        }

        var partner = new double[population.PersonCount];
        var ids = population.PersonId.ToArray();
        var age = population.Age.ToArray();
        var sex = population.Sex;
        var start = population.MemberStart;
        var men = new List<int>();
        var women = new List<int>();
        Comparison<int> oldest = (a, b) => age[a] != age[b] ? age[b].CompareTo(age[a]) : ids[a].CompareTo(ids[b]);
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            men.Clear();
            women.Clear();
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                if (age[p] >= 20)
                {
                    (sex[p] == Sex.Male ? men : women).Add(p);
                }
            }

            men.Sort(oldest);
            women.Sort(oldest);
            for (int i = 0; i < Math.Min(men.Count, women.Count); i++)
            {
                if (Math.Abs(age[men[i]] - age[women[i]]) <= 15)
                {
                    partner[men[i]] = ids[women[i]];
                    partner[women[i]] = ids[men[i]];
                }
            }
        }

        return ProjectionColumns.With(population, [(Partner, partner)]);
    }

    /// <summary>The population after a year of household change (on the population at the next run date).</summary>
    /// <remarks>
    /// Linear in persons apart from sorting the movers and the singles in the market: one parallel pass over blocks
    /// of persons decides widowhood, leaving home and who looks for a partner (each person's draws are keyed by the
    /// person, so the result does not depend on the threads); the market is sorted once by group, sex, age, draw and
    /// id, and every woman looks only at the next man of each age within her deviation.
    /// </remarks>
    public static (Population Population, Flows Flows) Advance(Population population, ParameterStore parameters, int year, int replicate, ProjectionOptions options)
    {
        var date = new DateOnly(year, options.RunMonth, 1);
        double Value(string name) => parameters.Resolve(name, date, RegionCodes.China).Scalar();
        int leaveAge = (int)Value(ProjectionParameters.LeaveHomeAge);
        double leaveRate = Value(ProjectionParameters.LeaveHomeRate);
        int unionMin = (int)Value(ProjectionParameters.UnionMinAge), unionMax = (int)Value(ProjectionParameters.UnionMaxAge);
        double unionRate = Value(ProjectionParameters.UnionRate);
        int gap = (int)Value(ProjectionParameters.UnionAgeGap), deviation = (int)Value(ProjectionParameters.UnionMaxGapDeviation);

        int n = population.PersonCount;
        var ids = population.PersonIdColumn;
        var age = population.AgeColumn;
        var sex = population.SexColumn;
        var household = population.PersonHouseholdColumn;
        var weight = population.WeightColumn;
        var region = population.HouseholdRegionColumn;
        var start = population.MemberStartColumn;
        var partner = population.ExtraPersonColumn(Partner.Name).ToArray();
        var alive = new IdSet(ids);

        // A member at least 15 years older is a parent, one at least 15 years younger a child: the household's oldest and youngest say whether there is one.
        var oldest = new byte[population.HouseholdCount];
        var youngest = new byte[population.HouseholdCount];
        for (int h = 0; h < oldest.Length; h++)
        {
            byte max = 0, min = byte.MaxValue;
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                max = Math.Max(max, age[p]);
                min = Math.Min(min, age[p]);
            }

            oldest[h] = max;
            youngest[h] = min;
        }

        // Per person: widowed (the partner is no longer in the population), leaving home, looking for a partner.
        const byte Widowed = 1, Leaves = 2, Looks = 4;
        var status = new byte[n];
        var leave = new RandomStream(options.Seed, "projection.leave_home");
        var market = new RandomStream(options.Seed, "projection.union");
        int draw = (year * 64) + replicate;
        PersonBlocks.For(n, options.Simulation, (from, to) =>
        {
            for (int p = from; p < to; p++)
            {
                byte s = 0;
                if (partner[p] != 0 && !alive.Contains((long)partner[p]))
                {
                    partner[p] = 0;
                    s = Widowed;
                }

                if (partner[p] == 0)
                {
                    int h = household[p], a = age[p];
                    if (a >= leaveAge && oldest[h] >= a + 15 && leave.Uniform(ids[p], draw) < leaveRate)
                    {
                        s |= Leaves;
                    }

                    if (a >= unionMin && a <= unionMax && youngest[h] + 15 > a && market.Uniform(ids[p], draw) < unionRate)
                    {
                        s |= Looks;
                    }
                }

                status[p] = s;
            }
        });

        var widowed = new ExactAccumulator();
        var left = new ExactAccumulator();
        var unions = new ExactAccumulator();
        var leavers = new List<int>();
        var looking = new List<int>();
        for (int p = 0; p < n; p++)
        {
            byte s = status[p];
            if (s == 0)
            {
                continue;
            }

            if ((s & Widowed) != 0)
            {
                widowed.Add(weight[household[p]]);
            }

            if ((s & Leaves) != 0)
            {
                leavers.Add(p);
            }

            if ((s & Looks) != 0)
            {
                looking.Add(p);
            }
        }

        // Each mover's new household, by the person's row: −1 stays; else an index into `founded` (the household it
        // comes from). Leavers found households in the order of their ids.
        var moveTo = new int[n];
        Array.Fill(moveTo, -1);
        var founded = new List<int>();
        leavers.Sort((a, b) => ids[a].CompareTo(ids[b]));
        foreach (int p in leavers)
        {
            moveTo[p] = founded.Count;
            founded.Add(household[p]);
            left.Add(weight[household[p]]);
        }

        // Matching: singles in the market, grouped by region and household weight (groups in the order of the region's
        // code, then the weight); women in the order of their draw (then id) each take the available man with the
        // smallest |age gap − preferred gap| (then draw, then id).
        var order = new RandomStream(options.Seed, "projection.union_order");
        var regionRank = RegionRanks(population);
        var singles = new MarketEntry[looking.Count];
        for (int i = 0; i < singles.Length; i++)
        {
            int p = looking[i];
            bool male = (Sex)sex[p] == Sex.Male;
            singles[i] = new MarketEntry(p, regionRank[region[household[p]]], weight[household[p]], male, male ? age[p] : 0, order.Uniform(ids[p], draw), ids[p]);
        }

        Array.Sort(singles);
        var ageStart = new int[byte.MaxValue + 1];
        var ageEnd = new int[byte.MaxValue + 1];
        for (int g = 0; g < singles.Length;)
        {
            int end = g + 1;
            while (end < singles.Length && singles[end].Rank == singles[g].Rank && singles[end].Weight.Equals(singles[g].Weight))
            {
                end++;
            }

            int men = g;
            while (men < end && !singles[men].Male)
            {
                men++;
            }

            // Men of each age are singles[ageStart[a] .. ageEnd[a]), best first; ageStart moves on as they pair.
            for (int i = men; i < end; i++)
            {
                ageStart[singles[i].Age] = ageEnd[singles[i].Age] = 0;
            }

            for (int i = men; i < end; i++)
            {
                int a = singles[i].Age;
                if (ageEnd[a] == 0)
                {
                    ageStart[a] = i;
                }

                ageEnd[a] = i + 1;
            }

            for (int i = g; i < men; i++)
            {
                int w = singles[i].Row;
                int best = -1, bestAge = 0;
                for (int d = 0; d <= deviation && best < 0; d++)
                {
                    for (int side = d == 0 ? 1 : 0; side < 2; side++)
                    {
                        int a = age[w] + gap + (side == 0 ? -d : d);
                        if (a >= 0 && a <= byte.MaxValue && ageStart[a] < ageEnd[a] && ageStart[a] >= men && ageEnd[a] <= end
                            && (best < 0 || singles[ageStart[a]].Precedes(singles[best])))
                        {
                            best = ageStart[a];
                            bestAge = a;
                        }
                    }
                }

                if (best < 0)
                {
                    continue;
                }

                ageStart[bestAge]++;
                int man = singles[best].Row;
                partner[w] = ids[man];
                partner[man] = ids[w];
                moveTo[w] = moveTo[man] = founded.Count;
                founded.Add(household[man]);
                unions.Add(2 * weight[household[man]]);
            }

            for (int i = men; i < end; i++)
            {
                ageStart[singles[i].Age] = ageEnd[singles[i].Age] = 0;
            }

            g = end;
        }

        return (Rebuild(population, moveTo, founded, partner, options), new Flows(left.Result(), unions.Result(), widowed.Result()));
    }

    /// <summary>
    /// A single in the marriage market, ordered by group (region rank, household weight), women before men, men by
    /// age, then by the order draw and the id.
    /// </summary>
    private readonly record struct MarketEntry(int Row, int Rank, double Weight, bool Male, int Age, double Draw, long Id) : IComparable<MarketEntry>
    {
        public int CompareTo(MarketEntry other)
        {
            int c = Rank.CompareTo(other.Rank);
            c = c != 0 ? c : Weight.CompareTo(other.Weight);
            c = c != 0 ? c : Male.CompareTo(other.Male);
            c = c != 0 ? c : Age.CompareTo(other.Age);
            c = c != 0 ? c : Draw.CompareTo(other.Draw);
            return c != 0 ? c : Id.CompareTo(other.Id);
        }

        /// <summary>Whether this man is preferred to <paramref name="other"/> at equal distance from the preferred gap: smaller draw, then id.</summary>
        public bool Precedes(MarketEntry other) => (Draw, Id).CompareTo((other.Draw, other.Id)) < 0;
    }

    /// <summary>Each region index's rank in the ordinal order of the region codes.</summary>
    private static int[] RegionRanks(Population population)
    {
        var byCode = Enumerable.Range(0, population.Regions.Count).OrderBy(i => population.Regions[new RegionId((ushort)i)].Code, StringComparer.Ordinal).ToArray();
        var rank = new int[byCode.Length];
        for (int r = 0; r < byCode.Length; r++)
        {
            rank[byCode[r]] = r;
        }

        return rank;
    }

    /// <summary>Membership of person ids: a bitmap when the ids are small non-negative numbers (as in a projection), else a hash set.</summary>
    private sealed class IdSet
    {
        private readonly ulong[]? _bits;
        private readonly HashSet<long>? _set;

        public IdSet(long[] ids)
        {
            long max = 0;
            bool small = true;
            foreach (long id in ids)
            {
                small &= id >= 0;
                max = Math.Max(max, id);
            }

            if (small && max / 32 <= ids.Length + 1024)
            {
                _bits = new ulong[(max >> 6) + 1];
                foreach (long id in ids)
                {
                    _bits[id >> 6] |= 1UL << (int)(id & 63);
                }
            }
            else
            {
                _set = [.. ids];
            }
        }

        public bool Contains(long id) => _bits is not null
            ? id >= 0 && (id >> 6) < _bits.Length && (_bits[id >> 6] & (1UL << (int)(id & 63))) != 0
            : _set!.Contains(id);
    }

    /// <summary>The population with the movers in their new households (after the kept ones, in founding order); households left empty dissolve.</summary>
    private static Population Rebuild(Population population, int[] moveTo, List<int> founded, double[] partner, ProjectionOptions options)
    {
        var start = population.MemberStart;
        int n = moveTo.Length, households = population.HouseholdCount;

        // The members of each founded household, in row order (a counting sort of the movers by new household).
        var firstMember = new int[founded.Count + 1];
        foreach (int k in moveTo)
        {
            if (k >= 0)
            {
                firstMember[k + 1]++;
            }
        }

        for (int k = 0; k < founded.Count; k++)
        {
            firstMember[k + 1] += firstMember[k];
        }

        int movers = firstMember[founded.Count];
        var moved = new int[movers];
        var filled = firstMember[..^1];
        for (int p = 0; p < n; p++)
        {
            if (moveTo[p] >= 0)
            {
                moved[filled[moveTo[p]]++] = p;
            }
        }

        var personSource = new List<int>(n);
        var householdSource = new List<int>(households + founded.Count);
        var keptOnly = new List<int>(households + founded.Count); // the source household of kept households, −1 for new ones
        var memberStart = new List<int>(households + founded.Count + 1) { 0 };
        for (int h = 0; h < households; h++)
        {
            int before = personSource.Count;
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                if (moveTo[p] < 0)
                {
                    personSource.Add(p);
                }
            }

            if (personSource.Count > before)
            {
                householdSource.Add(h);
                keptOnly.Add(h);
                memberStart.Add(personSource.Count);
            }
        }

        int kept = householdSource.Count;
        for (int k = 0; k < founded.Count; k++)
        {
            if (firstMember[k + 1] > firstMember[k])
            {
                personSource.AddRange(moved.AsSpan(firstMember[k], firstMember[k + 1] - firstMember[k]));
                householdSource.Add(founded[k]);
                keptOnly.Add(-1);
                memberStart.Add(personSource.Count);
            }
        }

        long maxHousehold = 0;
        foreach (var id in population.HouseholdId)
        {
            maxHousehold = Math.Max(maxHousehold, id);
        }

        // A new household keeps the weight, region, area, housing cost and city class of the household it comes from;
        // its assets and counts start at 0. Every column is copied on its own: the columns are copied in parallel.
        var personRuns = new PopulationDynamics.RowRuns(personSource);
        var householdRuns = new PopulationDynamics.RowRuns(householdSource);
        var keptRuns = new PopulationDynamics.RowRuns(keptOnly);
        var columns = new Array?[population.BuiltInColumns.Count];
        var personExtraNames = population.ExtraPersonColumns.ToArray();
        var householdExtraNames = population.ExtraHouseholdColumns.ToArray();
        var personExtras = new double[personExtraNames.Length][];
        var householdExtras = new double[householdExtraNames.Length][];
        var builtIn = PopulationSchema.All.ToArray();
        Parallel.For(0, builtIn.Length + personExtraNames.Length + householdExtraNames.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Simulation.MaxDegreeOfParallelism }, i =>
        {
            if (i < builtIn.Length)
            {
                var column = builtIn[i];
                var rows = column.Entity == Entity.Person ? personRuns : KeptByNewHouseholds.Contains(column) ? householdRuns : keptRuns;
                if (ReferenceEquals(column, PopulationSchema.HouseholdId) || ReferenceEquals(column, PopulationSchema.PersonHouseholdId))
                {
                    var target = PopulationSchema.NewArray(column.Storage, rows.Count);
                    if (ReferenceEquals(column, PopulationSchema.HouseholdId))
                    {
                        rows.Copy(population.Column(column), target);
                        var householdIds = (long[])target;
                        long next = maxHousehold;
                        for (int h = kept; h < householdIds.Length; h++)
                        {
                            householdIds[h] = ++next;
                        }
                    }
                    else
                    {
                        var personHousehold = (int[])target;
                        for (int h = 0; h + 1 < memberStart.Count; h++)
                        {
                            personHousehold.AsSpan(memberStart[h], memberStart[h + 1] - memberStart[h]).Fill(h);
                        }
                    }

                    columns[column.BuiltInIndex] = target;
                }
                else
                {
                    columns[column.BuiltInIndex] = rows.Map(population.Column(column), column.Storage); // not written afterwards: zeros stay shared
                }
            }
            else if (i < builtIn.Length + personExtraNames.Length)
            {
                var name = personExtraNames[i - builtIn.Length];
                var target = new double[personSource.Count];
                personRuns.Copy(name == Partner.Name ? partner : population.DoubleColumn(name), target);
                personExtras[i - builtIn.Length] = target;
            }
            else
            {
                int j = i - builtIn.Length - personExtraNames.Length;
                var source = population.DoubleColumn(householdExtraNames[j]);
                var target = new double[householdSource.Count];
                for (int h = 0; h < kept; h++)
                {
                    target[h] = source[householdSource[h]];
                }

                householdExtras[j] = target;
            }
        });

        return new Population(population.Regions, columns, [.. memberStart],
            personExtraNames.Select((name, i) => (name, personExtras[i])).ToDictionary(x => x.name, x => x.Item2, StringComparer.Ordinal),
            householdExtraNames.Select((name, i) => (name, householdExtras[i])).ToDictionary(x => x.name, x => x.Item2, StringComparer.Ordinal),
            new Dictionary<string, ColumnDefinition>(population.ExtraDefinitions, StringComparer.Ordinal));
    }

    /// <summary>The household columns a new household takes from the household it comes from.</summary>
    private static readonly HashSet<ColumnDefinition> KeptByNewHouseholds = [PopulationSchema.Weight, PopulationSchema.Region, PopulationSchema.Area, PopulationSchema.Housing, PopulationSchema.City];
}
