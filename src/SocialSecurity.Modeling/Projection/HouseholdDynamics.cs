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
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            var men = new List<int>();
            var women = new List<int>();
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                if (age[p] >= 20)
                {
                    (sex[p] == Sex.Male ? men : women).Add(p);
                }
            }

            Comparison<int> oldest = (a, b) => age[a] != age[b] ? age[b].CompareTo(age[a]) : ids[a].CompareTo(ids[b]);
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
        var ids = population.PersonId.ToArray();
        var age = population.Age.ToArray();
        var sex = population.Sex.ToArray();
        var household = population.PersonHousehold.ToArray();
        var weight = population.Weight.ToArray();
        var region = population.HouseholdRegion.ToArray();
        var start = population.MemberStart;
        var partner = population.ExtraPersonColumn(Partner.Name).ToArray();
        var row = new Dictionary<long, int>(n);
        for (int p = 0; p < n; p++)
        {
            row[ids[p]] = p;
        }

        var widowed = new ExactAccumulator();
        var left = new ExactAccumulator();
        var unions = new ExactAccumulator();
        for (int p = 0; p < n; p++)
        {
            if (partner[p] != 0 && !row.ContainsKey((long)partner[p]))
            {
                partner[p] = 0;
                widowed.Add(weight[household[p]]);
            }
        }

        // Who lives with a parent (a member at least 15 years older) and who with a child (at least 15 years younger).
        var withParent = new bool[n];
        var withChild = new bool[n];
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                for (int q = start[h]; q < start[h + 1]; q++)
                {
                    withParent[p] |= age[q] >= age[p] + 15;
                    withChild[p] |= age[q] + 15 <= age[p];
                }
            }
        }

        // Each mover's new household, by the person's row: −1 stays; else an index into `founded` (the household it comes from).
        var moveTo = new int[n];
        Array.Fill(moveTo, -1);
        var founded = new List<int>();
        var leave = new RandomStream(options.Seed, "projection.leave_home");
        int draw = (year * 64) + replicate;
        var leavers = Enumerable.Range(0, n).Where(p => partner[p] == 0 && age[p] >= leaveAge && withParent[p] && leave.Uniform(ids[p], draw) < leaveRate)
            .OrderBy(p => ids[p]).ToArray();
        foreach (int p in leavers)
        {
            moveTo[p] = founded.Count;
            founded.Add(household[p]);
            left.Add(weight[household[p]]);
        }

        // Matching: singles in the market, grouped by region and household weight; women in the order of their draw
        // (then id) each take the available man with the smallest |age gap − preferred gap| (then draw, then id).
        var market = new RandomStream(options.Seed, "projection.union");
        var order = new RandomStream(options.Seed, "projection.union_order");
        bool Looking(int p) => partner[p] == 0 && age[p] >= unionMin && age[p] <= unionMax && !withChild[p] && market.Uniform(ids[p], draw) < unionRate;
        var groups = Enumerable.Range(0, n).Where(Looking)
            .GroupBy(p => (region[household[p]], weight[household[p]]))
            .OrderBy(g => population.Regions[g.Key.Item1].Code, StringComparer.Ordinal).ThenBy(g => g.Key.Item2);
        foreach (var group in groups)
        {
            var women = group.Where(p => sex[p] == Sex.Female).OrderBy(p => order.Uniform(ids[p], draw)).ThenBy(p => ids[p]).ToList();
            // Men by age, each age's men in the order of their draw (then id): the best available of an age is the next one.
            var byAge = group.Where(p => sex[p] == Sex.Male).GroupBy(p => (int)age[p])
                .ToDictionary(g => g.Key, g => g.OrderBy(p => order.Uniform(ids[p], draw)).ThenBy(p => ids[p]).ToArray());
            var next = byAge.Keys.ToDictionary(a => a, _ => 0);
            foreach (int w in women)
            {
                int best = -1, bestAge = 0;
                for (int d = 0; d <= deviation && best < 0; d++)
                {
                    foreach (int a in d == 0 ? new[] { age[w] + gap } : new[] { age[w] + gap - d, age[w] + gap + d })
                    {
                        if (byAge.TryGetValue(a, out var candidates) && next[a] < candidates.Length)
                        {
                            int m = candidates[next[a]];
                            if (best < 0 || (order.Uniform(ids[m], draw), ids[m]).CompareTo((order.Uniform(ids[best], draw), ids[best])) < 0)
                            {
                                best = m;
                                bestAge = a;
                            }
                        }
                    }
                }

                if (best < 0)
                {
                    continue;
                }

                next[bestAge]++;
                int man = best;
                partner[w] = ids[man];
                partner[man] = ids[w];
                moveTo[w] = moveTo[man] = founded.Count;
                founded.Add(household[man]);
                unions.Add(2 * weight[household[man]]);
            }
        }

        return (Rebuild(population, moveTo, founded, partner), new Flows(left.Result(), unions.Result(), widowed.Result()));
    }

    /// <summary>The population with the movers in their new households (after the kept ones, in founding order); households left empty dissolve.</summary>
    private static Population Rebuild(Population population, int[] moveTo, List<int> founded, double[] partner)
    {
        var start = population.MemberStart;
        var householdSource = new List<int>();
        var isNew = new List<bool>();
        var memberStart = new List<int> { 0 };
        var personSource = new List<int>(population.PersonCount);
        for (int h = 0; h < population.HouseholdCount; h++)
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
                isNew.Add(false);
                memberStart.Add(personSource.Count);
            }
        }

        var members = new List<int>[founded.Count];
        for (int p = 0; p < moveTo.Length; p++)
        {
            if (moveTo[p] >= 0)
            {
                (members[moveTo[p]] ??= []).Add(p);
            }
        }

        for (int k = 0; k < founded.Count; k++)
        {
            if (members[k] is { Count: > 0 } list)
            {
                personSource.AddRange(list);
                householdSource.Add(founded[k]);
                isNew.Add(true);
                memberStart.Add(personSource.Count);
            }
        }

        long maxHousehold = 0;
        foreach (var id in population.HouseholdId)
        {
            maxHousehold = Math.Max(maxHousehold, id);
        }

        // A new household keeps the weight, region, area, housing cost and city class of the household it comes from; its assets and counts start at 0.
        var keep = new HashSet<ColumnDefinition> { PopulationSchema.Weight, PopulationSchema.Region, PopulationSchema.Area, PopulationSchema.Housing, PopulationSchema.City };
        var keptOnly = householdSource.Select((h, i) => isNew[i] ? -1 : h).ToList();
        var personRuns = new PopulationDynamics.RowRuns(personSource);
        var householdRuns = new PopulationDynamics.RowRuns(householdSource);
        var keptRuns = new PopulationDynamics.RowRuns(keptOnly);
        var columns = new Array?[population.BuiltInColumns.Count];
        foreach (var column in PopulationSchema.All)
        {
            var rows = column.Entity == Entity.Person ? personRuns : keep.Contains(column) ? householdRuns : keptRuns;
            if (ReferenceEquals(column, PopulationSchema.HouseholdId) || ReferenceEquals(column, PopulationSchema.PersonHouseholdId))
            {
                var target = PopulationSchema.NewArray(column.Storage, rows.Count);
                rows.Copy(population.Column(column), target);
                columns[column.BuiltInIndex] = target;
            }
            else
            {
                columns[column.BuiltInIndex] = rows.Map(population.Column(column), column.Storage); // not written below: zeros stay shared
            }
        }

        var householdIds = (long[])columns[PopulationSchema.HouseholdId.BuiltInIndex]!;
        long next = maxHousehold;
        for (int i = 0; i < householdIds.Length; i++)
        {
            if (isNew[i])
            {
                householdIds[i] = ++next;
            }
        }

        var personHousehold = (int[])columns[PopulationSchema.PersonHouseholdId.BuiltInIndex]!;
        for (int h = 0; h < householdSource.Count; h++)
        {
            for (int i = memberStart[h]; i < memberStart[h + 1]; i++)
            {
                personHousehold[i] = h;
            }
        }

        var personExtras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var name in population.ExtraPersonColumns)
        {
            var target = new double[personSource.Count];
            personRuns.Copy(name == Partner.Name ? partner : population.DoubleColumn(name), target);
            personExtras[name] = target;
        }

        var householdExtras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var name in population.ExtraHouseholdColumns)
        {
            var source = population.DoubleColumn(name);
            householdExtras[name] = [.. householdSource.Select((h, i) => isNew[i] ? 0 : source[h])];
        }

        return new Population(population.Regions, columns, [.. memberStart], personExtras, householdExtras, new Dictionary<string, ColumnDefinition>(population.ExtraDefinitions, StringComparer.Ordinal));
    }
}
