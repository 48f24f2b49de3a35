using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// One year of demographic change: deaths, births, ageing, households dissolving when empty. Every draw comes from a
/// counter-based stream keyed by the person's id, the year and the replicate, and new ids follow the mothers' ids,
/// so the result does not depend on row order or thread count.
/// </summary>
internal static class PopulationDynamics
{
    /// <summary>What changed between two years, weighted (persons the rows stand for), by sex (index 0 female, 1 male); migrants NaN without migration.</summary>
    internal readonly record struct Flows(double[] Deaths, double[] Births, double[] Immigrants, double[] Emigrants)
    {
        /// <summary>No change (the first year).</summary>
        public static Flows None(bool migration) => migration ? new([0, 0], [0, 0], [0, 0], [0, 0]) : new([0, 0], [0, 0], [double.NaN, double.NaN], [double.NaN, double.NaN]);
    }

    /// <summary>
    /// A newborn's id from the mother's id and the year's index in the projection, negative so that it meets no base id:
    /// <c>−(2 · (128 · |mother| + year index) + (mother &lt; 0 ? 1 : 0)) − 1</c>, one id per mother and year (a mother
    /// gives at most one birth a year). It depends on nobody else in the population (<see cref="ProjectionOptions.NewbornIdsFromMothers"/>).
    /// </summary>
    internal static long NewbornId(long mother, int yearIndex)
    {
        long magnitude = Math.Abs(mother);
        if (magnitude >= 1L << 54 || yearIndex is < 0 or >= 128)
        {
            throw new InvalidOperationException($"Person id {mother} or year index {yearIndex} is too large for ids derived from mothers (|id| < 2^54, at most 128 years).");
        }

        return -((((magnitude << 7) | (long)yearIndex) << 1 | (mother < 0 ? 1L : 0L)) + 1);
    }

    /// <summary>
    /// The population at the next year's run date from the one at <paramref name="year"/>'s: survivors keep their
    /// rows (ages recomputed from the birth year and month), newborns follow their mothers in the mother's household.
    /// <paramref name="replaced"/> gives extra person columns to carry on in place of the population's (arrays at least
    /// as long as the population, only its rows read).
    /// </summary>
    public static (Population Next, Flows Flows) Advance(Population population, int year, int replicate, ProjectionOptions options, double[][] deathProbability, double[] fertility, double maleShareAtBirth, IReadOnlyDictionary<string, double[]>? replaced = null)
    {
        int persons = population.PersonCount;
        int households = population.HouseholdCount;
        var ids = population.PersonIdColumn;
        var sex = population.Sex;
        var age = population.Age;
        var weight = population.Weight;
        var personHousehold = population.PersonHousehold;
        var death = new RandomStream(options.Seed, "projection.death");
        var birth = new RandomStream(options.Seed, "projection.birth");
        int draw = (year * 64) + replicate;
        int nextRunMonth = RetirementAgeProgram.MonthIndex(year + 1, options.RunMonth);

        var survives = new bool[persons];
        var mothers = new List<int>();
        ExactAccumulator[] deaths = [new(), new()];
        // Aligned cells (docs/projection.md#alignment): the decisions of sort-by-risk replace the independent draws.
        var alignment = options.Alignment;
        long[] idArray = alignment is null ? [] : ids.ToArray();
        Sex[] sexArray = alignment is null ? [] : sex.ToArray();
        byte[] ageArray = alignment is null ? [] : age.ToArray();
        double[] personWeight = new double[alignment is null ? 0 : persons];
        for (int p = 0; p < personWeight.Length; p++)
        {
            personWeight[p] = weight[personHousehold[p]];
        }

        bool?[]? alignedDeaths = alignment is null || !options.Mortality ? null
            : AlignmentTargets.Select(alignment.Deaths, year, idArray, sexArray, ageArray, personWeight, [.. Enumerable.Repeat(true, persons)],
                p => deathProbability[sexArray[p] == Sex.Male ? 1 : 0][ageArray[p]], p => death.Uniform(idArray[p], draw));
        // Each person's death depends on that person alone: blocks run in parallel, their exact sums merged.
        var blockDeaths = new ExactAccumulator[2 * PersonBlocks.Count(persons)];
        var idColumn = population.PersonIdColumn;
        var sexColumn = population.Column<byte>(PopulationSchema.Sex);
        var ageColumn = population.Column<byte>(PopulationSchema.Age);
        var weightColumn = population.Column<double>(PopulationSchema.Weight);
        var householdColumn = population.Column<int>(PopulationSchema.PersonHouseholdId);
        var birthYearColumn = population.DoubleColumn(RetirementAgeProgram.Columns.BirthYear);
        var birthMonthColumn = population.DoubleColumn(RetirementAgeProgram.Columns.BirthMonth);
        // Without alignment or migration a birth depends on the mother alone too: drawn in the same blocks, the blocks'
        // mothers joined in block order (row order, as the serial pass below gives them).
        bool birthsInBlocks = alignment is null && options.Migration is null;
        var blockMothers = new List<int>?[PersonBlocks.Count(persons)];
        PersonBlocks.For(persons, options.Simulation, (from, to) =>
        {
            ExactAccumulator[] died = [new(), new()];
            var bearing = birthsInBlocks && options.Fertility ? new List<int>() : null;
            for (int p = from; p < to; p++)
            {
                int s = (Sex)sexColumn[p] == Sex.Male ? 1 : 0;
                int ageNext = (nextRunMonth - RetirementAgeProgram.MonthIndex((int)birthYearColumn[p], (int)birthMonthColumn[p])) / 12;
                bool dies = ageNext > 120 || (options.Mortality && (alignedDeaths?[p] ?? (death.Uniform(idColumn[p], draw) < deathProbability[s][ageColumn[p]])));
                survives[p] = !dies;
                if (dies)
                {
                    died[s].Add(weightColumn[householdColumn[p]]);
                }
                else if (bearing is not null && (Sex)sexColumn[p] == Sex.Female && fertility[ageColumn[p]] > 0 && birth.Uniform(idColumn[p], draw) < fertility[ageColumn[p]])
                {
                    bearing.Add(p);
                }
            }

            blockMothers[from / PersonBlocks.Size] = bearing;

            blockDeaths[2 * (from / PersonBlocks.Size)] = died[0];
            blockDeaths[(2 * (from / PersonBlocks.Size)) + 1] = died[1];
        });
        for (int b = 0; b < blockDeaths.Length; b++)
        {
            deaths[b % 2].Merge(blockDeaths[b]);
        }

        // Net migration (docs/projection.md#migration): emigrants leave from the survivors, immigrants arrive as new households.
        ExactAccumulator[] emigrants = [new(), new()];
        var immigrantCells = Array.Empty<int>();
        double immigrantWeight = 0;
        if (options.Migration is { } migration)
        {
            var shares = migration.SingleYearShares();
            var all = new ExactAccumulator();
            for (int p = 0; p < persons; p++)
            {
                all.Add(weight[personHousehold[p]]);
            }

            double net = migration.NetRate.At(year) * all.Result();
            if (net < 0)
            {
                Emigrate(population, survives, shares, -net, year, replicate, options, emigrants);
            }
            else if (net > 0 && persons > 0)
            {
                immigrantWeight = all.Result() / persons;
                immigrantCells = ImmigrantCells(shares, net, immigrantWeight);
            }
        }

        bool?[]? alignedBirths = alignment is null || !options.Fertility ? null
            : AlignmentTargets.Select(alignment.Births, year, idArray, sexArray, ageArray, personWeight, survives,
                p => fertility[ageArray[p]], p => birth.Uniform(idArray[p], draw));
        for (int p = 0; p < persons && !birthsInBlocks; p++)
        {
            if (survives[p] && options.Fertility && sex[p] == Sex.Female
                && (alignedBirths?[p] ?? (fertility[age[p]] > 0 && birth.Uniform(ids[p], draw) < fertility[age[p]])))
            {
                mothers.Add(p);
            }
        }

        if (birthsInBlocks)
        {
            foreach (var bearing in blockMothers)
            {
                mothers.AddRange(bearing ?? []);
            }
        }

        // New ids follow the mothers' ids, so they do not depend on row order.
        mothers.Sort((a, b) => ids[a].CompareTo(ids[b]));
        long maxId = 0;
        foreach (var id in ids)
        {
            maxId = Math.Max(maxId, id);
        }

        var newbornIds = new long[mothers.Count];
        for (int k = 0; k < mothers.Count; k++)
        {
            newbornIds[k] = options.NewbornIdsFromMothers ? NewbornId(ids[mothers[k]], year - options.StartYear) : maxId + 1 + k;
        }

        // The newborns by household, then by k (mother id): (household << 32) | k, unique keys, sorted.
        var born = new long[mothers.Count];
        for (int k = 0; k < born.Length; k++)
        {
            born[k] = ((long)personHousehold[mothers[k]] << 32) | (uint)k;
        }

        Array.Sort(born);

        // Rows of the next population: per kept household, its survivors in order, then its newborns by mother id.
        var householdSource = new List<int>(households);
        var memberStart = new List<int>(households + 1) { 0 };
        var personSource = new int[persons + mothers.Count + immigrantCells.Length]; // ≥ 0: a survivor's old row; < 0: −(newborn k) − 1
        int nextPersons = 0;
        var newRows = new List<int>(mothers.Count + immigrantCells.Length); // the rows of newborns and immigrants, in order
        var start = population.MemberStart;
        for (int h = 0, nextBorn = 0; h < households; h++)
        {
            int before = nextPersons;
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                if (survives[p])
                {
                    personSource[nextPersons++] = p;
                }
            }

            for (; nextBorn < born.Length && (int)(born[nextBorn] >> 32) == h; nextBorn++)
            {
                newRows.Add(nextPersons);
                personSource[nextPersons++] = -(int)(uint)born[nextBorn] - 1;
            }

            if (nextPersons > before)
            {
                householdSource.Add(h);
                memberStart.Add(nextPersons);
            }
        }

        // Immigrants (after the newborns in the id sequence) arrive in new households after the kept ones, −1 in householdSource.
        foreach (var members in ImmigrantHouseholds(immigrantCells))
        {
            foreach (int j in members)
            {
                newRows.Add(nextPersons);
                personSource[nextPersons++] = -(mothers.Count + j) - 1;
            }

            householdSource.Add(-1);
            memberStart.Add(nextPersons);
        }

        ExactAccumulator[] births = [new(), new()];
        ExactAccumulator[] immigrants = [new(), new()];
        var newbornSex = new byte[mothers.Count + immigrantCells.Length];
        var newbornMonth = new int[mothers.Count + immigrantCells.Length];
        for (int k = 0; k < mothers.Count; k++)
        {
            long id = newbornIds[k];
            bool male = birth.Uniform(id, draw + 1) < maleShareAtBirth;
            newbornSex[k] = (byte)(male ? Sex.Male : Sex.Female);
            newbornMonth[k] = nextRunMonth - 11 + (int)Math.Min(11, Math.Floor(birth.Uniform(id, draw + 2) * 12));
            births[male ? 1 : 0].Add(weight[personHousehold[mothers[k]]]);
        }

        var arrival = new RandomStream(options.Seed, "projection.immigration");
        for (int j = 0; j < immigrantCells.Length; j++)
        {
            int k = mothers.Count + j;
            int s = immigrantCells[j] / 121;
            int ageNext = Math.Min(120, (immigrantCells[j] % 121) + 1);
            newbornSex[k] = (byte)(s == 1 ? Sex.Male : Sex.Female);
            // Born in one of the 12 months that make the immigrant ageNext on the next run date.
            newbornMonth[k] = nextRunMonth - (12 * ageNext) - (int)Math.Min(11, Math.Floor(arrival.Uniform(maxId + 1 + k, draw) * 12));
            immigrants[s].Add(immigrantWeight);
        }

        // Immigrant households take the region, area, housing and city class of the first household (by id) of the
        // most populous region and area; weight the population's mean person weight; other columns 0.
        int template = immigrantCells.Length == 0 ? -1 : Template(population);

        var personRuns = new RowRuns(personSource.AsSpan(0, nextPersons));
        var householdRuns = new RowRuns(householdSource);
        // Every column of the next population, each independent of the others: built in parallel.
        var columns = new Array?[population.BuiltInColumns.Count];
        var schema = PopulationSchema.All;
        var extraNames = population.ExtraPersonColumns.ToArray();
        var extraTargets = new double[extraNames.Length][];
        void BuiltIn(ColumnDefinition column)
        {
            var source = population.Column(column);
            if (!WrittenByAdvance(column))
            {
                // Not changed below: a column of zeros becomes the shared array of zeros (no allocation, no scan next year).
                columns[column.BuiltInIndex] = (column.Entity == Entity.Household ? householdRuns : personRuns).Map(source, column.Storage);
                return;
            }

            if (column.Entity == Entity.Household)
            {
                var target = Gather(source, column.Storage, householdRuns);
                if (template >= 0 && (ReferenceEquals(column, PopulationSchema.Region) || ReferenceEquals(column, PopulationSchema.Area)
                    || ReferenceEquals(column, PopulationSchema.Housing) || ReferenceEquals(column, PopulationSchema.City)))
                {
                    for (int i = 0; i < householdSource.Count; i++)
                    {
                        if (householdSource[i] < 0)
                        {
                            Array.Copy(source, template, target, i, 1);
                        }
                    }
                }

                columns[column.BuiltInIndex] = target;
            }
            else
            {
                // Every row of the target is written (by the copy, the household indices here, or the ages in full below): no zeroing.
                var target = PopulationSchema.NewUninitializedArray(column.Storage, nextPersons);
                if (ReferenceEquals(column, PopulationSchema.PersonHouseholdId))
                {
                    // Each person's household index from the member ranges, in this column's own task.
                    var household = (int[])target;
                    var starts = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(memberStart);
                    for (int h = 0; h + 1 < starts.Length; h++)
                    {
                        for (int i = starts[h]; i < starts[h + 1]; i++)
                        {
                            household[i] = h;
                        }
                    }
                }
                else if (!ReferenceEquals(column, PopulationSchema.Age))
                {
                    personRuns.Copy(source, target);
                }

                if (ReferenceEquals(column, PopulationSchema.Hukou) || ReferenceEquals(column, PopulationSchema.HukouRegion))
                {
                    foreach (int i in newRows)
                    {
                        int src = personSource[i];
                        if (-src - 1 < mothers.Count)
                        {
                            Array.Copy(source, mothers[-src - 1], target, i, 1); // newborns take the mother's hukou
                        }
                        else if (ReferenceEquals(column, PopulationSchema.Hukou))
                        {
                            ((byte[])target)[i] = (byte)(population.Area[template] == AreaType.Rural ? HukouType.Rural : HukouType.Urban); // immigrants: the area's hukou type
                        }
                        else
                        {
                            ((ushort[])target)[i] = population.HouseholdRegionColumn[template]; // and the household's region
                        }
                    }
                }

                columns[column.BuiltInIndex] = target;
            }
        }

        void Extra(int e)
        {
            var name = extraNames[e];
            var source = replaced is not null && replaced.TryGetValue(name, out var carried) ? carried : population.DoubleColumn(name);
            if (name is RetirementAgeProgram.Columns.BirthYear or RetirementAgeProgram.Columns.BirthMonth)
            {
                var target = GC.AllocateUninitializedArray<double>(nextPersons); // every row written by the copy
                personRuns.Copy(source, target);
                extraTargets[e] = target;
            }
            else
            {
                extraTargets[e] = (double[])personRuns.Map(source, ColumnStorage.Double); // not written below: zeros stay shared
            }
        }

        Parallel.For(0, schema.Count + extraNames.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Simulation.MaxDegreeOfParallelism }, c =>
        {
            if (c < schema.Count)
            {
                BuiltIn(schema[c]);
            }
            else
            {
                Extra(c - schema.Count);
            }
        });

        var nextIds = (long[])columns[PopulationSchema.PersonId.BuiltInIndex]!;
        var nextAge = (byte[])columns[PopulationSchema.Age.BuiltInIndex]!;
        var nextSex = (byte[])columns[PopulationSchema.Sex.BuiltInIndex]!;
        var personExtras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int e = 0; e < extraNames.Length; e++)
        {
            personExtras[extraNames[e]] = extraTargets[e];
        }

        var nextBirthYear = personExtras[RetirementAgeProgram.Columns.BirthYear];
        var nextBirthMonth = personExtras[RetirementAgeProgram.Columns.BirthMonth];
        foreach (int i in newRows)
        {
            int k = -personSource[i] - 1;
            nextIds[i] = k < newbornIds.Length ? newbornIds[k] : maxId + 1 + k; // immigrants follow the largest id
            nextSex[i] = newbornSex[k];
            nextBirthYear[i] = newbornMonth[k] / 12;
            nextBirthMonth[i] = (newbornMonth[k] % 12) + 1;
        }

        // Ages on the next run date, each person's from that person's birth year and month alone: blocks in parallel.
        PersonBlocks.For(nextPersons, options.Simulation, (from, to) =>
        {
            for (int i = from; i < to; i++)
            {
                nextAge[i] = (byte)((nextRunMonth - RetirementAgeProgram.MonthIndex((int)nextBirthYear[i], (int)nextBirthMonth[i])) / 12);
            }
        });

        if (template >= 0)
        {
            var nextWeight = (double[])columns[PopulationSchema.Weight.BuiltInIndex]!;
            var householdIds = (long[])columns[PopulationSchema.HouseholdId.BuiltInIndex]!;
            long lastHouseholdId = 0;
            foreach (var id in population.HouseholdId)
            {
                lastHouseholdId = Math.Max(lastHouseholdId, id);
            }

            for (int h = 0; h < householdSource.Count; h++)
            {
                if (householdSource[h] < 0)
                {
                    nextWeight[h] = immigrantWeight;
                    householdIds[h] = ++lastHouseholdId;
                }
            }
        }

        var householdExtras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var name in population.ExtraHouseholdColumns)
        {
            householdExtras[name] = (double[])Gather(population.DoubleColumn(name), ColumnStorage.Double, householdRuns);
        }

        var next = new Population(population.Regions, columns, [.. memberStart], personExtras, householdExtras, new Dictionary<string, ColumnDefinition>(population.ExtraDefinitions, StringComparer.Ordinal));
        bool migrating = options.Migration is not null;
        double[] Of(ExactAccumulator[] flow) => migrating ? [flow[0].Result(), flow[1].Result()] : [double.NaN, double.NaN];
        return (next, new Flows([deaths[0].Result(), deaths[1].Result()], [births[0].Result(), births[1].Result()], Of(immigrants), Of(emigrants)));
    }

    /// <summary>
    /// Emigration: in each sex and age cell (age at the year's run date), the surviving persons ordered by a uniform
    /// draw keyed by the seed, their id, the year and the replicate (then id) leave while the running total plus half the
    /// next person's weight stays within the cell's net emigrants (<paramref name="total"/> × the cell's share).
    /// </summary>
    private static void Emigrate(Population population, bool[] survives, double[][] shares, double total, int year, int replicate, ProjectionOptions options, ExactAccumulator[] emigrants)
    {
        var ids = population.PersonId;
        var sex = population.Sex;
        var age = population.Age;
        var weight = population.Weight;
        var household = population.PersonHousehold;
        var stream = new RandomStream(options.Seed, "projection.emigration");
        int draw = (year * 64) + replicate;
        var cells = new List<(double Draw, long Id, int Row)>?[2 * 121];
        for (int p = 0; p < survives.Length; p++)
        {
            int s = sex[p] == Sex.Male ? 1 : 0;
            if (survives[p] && shares[s][age[p]] > 0)
            {
                (cells[(s * 121) + age[p]] ??= []).Add((stream.Uniform(ids[p], draw), ids[p], p));
            }
        }

        for (int cell = 0; cell < cells.Length; cell++)
        {
            if (cells[cell] is not { } list)
            {
                continue;
            }

            int s = cell / 121;
            double target = total * shares[s][cell % 121];
            list.Sort((a, b) => a.Draw != b.Draw ? a.Draw.CompareTo(b.Draw) : a.Id.CompareTo(b.Id));
            double taken = 0;
            foreach (var (_, _, p) in list)
            {
                double w = weight[household[p]];
                if (taken + (w / 2) > target)
                {
                    break;
                }

                survives[p] = false;
                taken += w;
                emigrants[s].Add(w);
            }
        }
    }

    /// <summary>
    /// The sex and age cell (sex × 121 + age at the year's run date) of each immigrant row: cells in order (women 0–120,
    /// then men), each with round(cumulative net immigrants ÷ weight) minus the rows of the cells before, so the rows'
    /// total weight is within half a weight of <paramref name="total"/>.
    /// </summary>
    private static int[] ImmigrantCells(double[][] shares, double total, double weight)
    {
        var cells = new List<int>();
        double cumulative = 0;
        long rows = 0;
        for (int cell = 0; cell < 2 * 121; cell++)
        {
            cumulative += total * shares[cell / 121][cell % 121];
            long upTo = (long)Math.Round(cumulative / weight, MidpointRounding.AwayFromZero);
            for (; rows < upTo; rows++)
            {
                cells.Add(cell);
            }
        }

        return [.. cells];
    }

    /// <summary>
    /// The households of one year's immigrants (indices into the immigrant rows): each immigrant aged 18 or more at the
    /// next run date heads a household, in row order; younger immigrants join them in turn (the j-th minor the household
    /// j mod adults); without adults, the minors form one household [I].
    /// </summary>
    private static List<List<int>> ImmigrantHouseholds(int[] cells)
    {
        var households = new List<List<int>>();
        var minors = new List<int>();
        for (int j = 0; j < cells.Length; j++)
        {
            if ((cells[j] % 121) + 1 >= 18)
            {
                households.Add([j]);
            }
            else
            {
                minors.Add(j);
            }
        }

        if (households.Count == 0 && minors.Count > 0)
        {
            households.Add(minors);
            return households;
        }

        for (int m = 0; m < minors.Count; m++)
        {
            households[m % households.Count].Add(minors[m]);
        }

        return households;
    }

    /// <summary>The first household (by id) of the region and area with the most weighted persons (ties: the lower region code, then area).</summary>
    private static int Template(Population population)
    {
        var persons = new Dictionary<(ushort Region, byte Area), ExactAccumulator>();
        var region = population.HouseholdRegionColumn;
        var area = population.Area;
        var weight = population.Weight;
        var start = population.MemberStart;
        var first = new Dictionary<(ushort, byte), int>();
        var ids = population.HouseholdId;
        for (int h = 0; h < population.HouseholdCount; h++)
        {
            var key = (region[h], (byte)area[h]);
            if (!persons.TryGetValue(key, out var total))
            {
                persons[key] = total = new ExactAccumulator();
                first[key] = h;
            }

            total.Add(weight[h] * (start[h + 1] - start[h]));
            if (ids[h] < ids[first[key]])
            {
                first[key] = h;
            }
        }

        var best = persons.Select(kv => (kv.Key, Total: kv.Value.Result()))
            .OrderByDescending(x => x.Total).ThenBy(x => population.Regions[new RegionId(x.Key.Region)].Code, StringComparer.Ordinal).ThenBy(x => x.Key.Area).First();
        return first[best.Key];
    }

    /// <summary>The built-in columns the yearly step writes after copying them (ids, households, ages, sexes, hukou; the household columns immigrant households set).</summary>
    private static bool WrittenByAdvance(ColumnDefinition column)
        => ReferenceEquals(column, PopulationSchema.PersonId) || ReferenceEquals(column, PopulationSchema.PersonHouseholdId)
            || ReferenceEquals(column, PopulationSchema.Age) || ReferenceEquals(column, PopulationSchema.Sex)
            || ReferenceEquals(column, PopulationSchema.Hukou) || ReferenceEquals(column, PopulationSchema.HukouRegion)
            || ReferenceEquals(column, PopulationSchema.Weight) || ReferenceEquals(column, PopulationSchema.HouseholdId)
            || ReferenceEquals(column, PopulationSchema.Region) || ReferenceEquals(column, PopulationSchema.Area)
            || ReferenceEquals(column, PopulationSchema.Housing) || ReferenceEquals(column, PopulationSchema.City);

    /// <summary>The mapped rows of <paramref name="source"/> (of <paramref name="storage"/>) in a new array (rows without a source 0).</summary>
    private static Array Gather(Array source, ColumnStorage storage, RowRuns rows)
    {
        var target = PopulationSchema.NewUninitializedArray(storage, rows.Count); // the copy writes every row: not zeroed first
        rows.Copy(source, target);
        return target;
    }

    /// <summary>
    /// A row map (<c>target[i] = source[rows[i]]</c> where <c>rows[i] ≥ 0</c>) as runs of consecutive source rows, so
    /// that a year's columns are copied by block moves (a year changes few rows: runs are long) and a column of zeros,
    /// common in projected populations, is not copied at all (the target is a new, zeroed array).
    /// </summary>
    internal sealed class RowRuns
    {
        private readonly int[] _source;
        private readonly int[] _target;
        private readonly int[] _length;

        public RowRuns(List<int> rows)
            : this(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows))
        {
        }

        public RowRuns(ReadOnlySpan<int> index)
        {
            Count = index.Length;
            var source = new List<int>();
            var target = new List<int>();
            var length = new List<int>();
            for (int i = 0; i < index.Length;)
            {
                if (index[i] < 0)
                {
                    i++;
                    continue;
                }

                int begin = i;
                while (i + 1 < index.Length && index[i + 1] == index[i] + 1)
                {
                    i++;
                }

                i++;
                source.Add(index[begin]);
                target.Add(begin);
                length.Add(i - begin);
            }

            _source = [.. source];
            _target = [.. target];
            _length = [.. length];
        }

        /// <summary>The number of target rows.</summary>
        public int Count { get; }

        /// <summary>
        /// The mapped rows of <paramref name="source"/> in a new array, or, when the source is all zeros, the shared
        /// array of zeros of the target length (<see cref="ZeroColumns"/>: known to be zeros by reference next year,
        /// and skipped by rules that sum columns). Nobody may write to a shared array: only for columns the caller
        /// does not change afterwards (<see cref="WorkingLives"/> copies one before changing it in place).
        /// </summary>
        public Array Map(Array source, ColumnStorage storage)
        {
            if (ZeroColumns.Is(source) || AllZero(source))
            {
                return ZeroColumns.Get(storage, Count);
            }

            var target = PopulationSchema.NewUninitializedArray(storage, Count);
            Copy(source, target);
            return target;
        }

        private static bool AllZero(Array source) => source switch
        {
            double[] s => System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()).IndexOfAnyExcept((byte)0) < 0,
            byte[] s => s.AsSpan().IndexOfAnyExcept((byte)0) < 0,
            ushort[] s => System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()).IndexOfAnyExcept((byte)0) < 0,
            int[] s => System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()).IndexOfAnyExcept((byte)0) < 0,
            long[] s => System.Runtime.InteropServices.MemoryMarshal.AsBytes(s.AsSpan()).IndexOfAnyExcept((byte)0) < 0,
            _ => false,
        };

        /// <summary>
        /// Writes every row of <paramref name="target"/> (an array of the same element type, <see cref="Count"/> long,
        /// possibly uninitialised): the mapped rows of <paramref name="source"/>, and 0 in the rows without a source.
        /// </summary>
        public void Copy(Array source, Array target)
        {
            switch (source)
            {
                case double[] s:
                    Copy(s, (double[])target);
                    break;
                case byte[] s:
                    Copy(s, (byte[])target);
                    break;
                case ushort[] s:
                    Copy(s, (ushort[])target);
                    break;
                case int[] s:
                    Copy(s, (int[])target);
                    break;
                case long[] s:
                    Copy(s, (long[])target);
                    break;
                default:
                    Array.Clear(target, 0, Count);
                    for (int r = 0; r < _source.Length; r++)
                    {
                        Array.Copy(source, _source[r], target, _target[r], _length[r]);
                    }

                    break;
            }
        }

        private void Copy<T>(T[] source, T[] target)
            where T : unmanaged
        {
            // A source of zeros (all bits clear) only clears the target; otherwise the runs are copied and the rows
            // between them (the new rows, which callers fill in afterwards) cleared.
            if (System.Runtime.InteropServices.MemoryMarshal.AsBytes(source.AsSpan()).IndexOfAnyExcept((byte)0) < 0)
            {
                target.AsSpan(0, Count).Clear();
                return;
            }

            int written = 0;
            for (int r = 0; r < _source.Length; r++)
            {
                target.AsSpan(written, _target[r] - written).Clear();
                source.AsSpan(_source[r], _length[r]).CopyTo(target.AsSpan(_target[r], _length[r]));
                written = _target[r] + _length[r];
            }

            target.AsSpan(written, Count - written).Clear();
        }
    }
}
