using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Randomness;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// One year of demographic change: deaths, births, ageing, households dissolving when empty. Every draw comes from a
/// counter-based stream keyed by the person's id, the year and the replicate, and new ids follow the mothers' ids,
/// so the result does not depend on row order or thread count.
/// </summary>
internal static class PopulationDynamics
{
    /// <summary>What changed between two years, weighted (persons the rows stand for), by sex (index 0 female, 1 male).</summary>
    internal readonly record struct Flows(double[] Deaths, double[] Births);

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
    /// </summary>
    public static (Population Next, Flows Flows) Advance(Population population, int year, int replicate, ProjectionOptions options, double[][] deathProbability, double[] fertility, double maleShareAtBirth)
    {
        int persons = population.PersonCount;
        int households = population.HouseholdCount;
        var ids = population.PersonIdColumn;
        var sex = population.Sex;
        var age = population.Age;
        var weight = population.Weight;
        var personHousehold = population.PersonHousehold;
        var birthYear = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthYear);
        var birthMonth = population.ExtraPersonColumn(RetirementAgeProgram.Columns.BirthMonth);
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
        for (int p = 0; p < persons; p++)
        {
            int s = sex[p] == Sex.Male ? 1 : 0;
            double w = weight[personHousehold[p]];
            int ageNext = (nextRunMonth - RetirementAgeProgram.MonthIndex((int)birthYear[p], (int)birthMonth[p])) / 12;
            bool dies = ageNext > 120 || (options.Mortality && (alignedDeaths?[p] ?? (death.Uniform(ids[p], draw) < deathProbability[s][age[p]])));
            survives[p] = !dies;
            if (dies)
            {
                deaths[s].Add(w);
            }
        }

        bool?[]? alignedBirths = alignment is null || !options.Fertility ? null
            : AlignmentTargets.Select(alignment.Births, year, idArray, sexArray, ageArray, personWeight, survives,
                p => fertility[ageArray[p]], p => birth.Uniform(idArray[p], draw));
        for (int p = 0; p < persons; p++)
        {
            if (survives[p] && options.Fertility && sex[p] == Sex.Female
                && (alignedBirths?[p] ?? (fertility[age[p]] > 0 && birth.Uniform(ids[p], draw) < fertility[age[p]])))
            {
                mothers.Add(p);
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

        var newbornsOf = new Dictionary<int, List<int>>();
        for (int k = 0; k < mothers.Count; k++)
        {
            int h = personHousehold[mothers[k]];
            if (!newbornsOf.TryGetValue(h, out var list))
            {
                newbornsOf[h] = list = [];
            }

            list.Add(k);
        }

        // Rows of the next population: per kept household, its survivors in order, then its newborns by mother id.
        var householdSource = new List<int>(households);
        var memberStart = new List<int>(households + 1) { 0 };
        var personSource = new List<int>(persons + mothers.Count); // ≥ 0: a survivor's old row; < 0: −(newborn k) − 1
        var start = population.MemberStart;
        for (int h = 0; h < households; h++)
        {
            int before = personSource.Count;
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                if (survives[p])
                {
                    personSource.Add(p);
                }
            }

            if (newbornsOf.TryGetValue(h, out var born))
            {
                foreach (int k in born)
                {
                    personSource.Add(-k - 1);
                }
            }

            if (personSource.Count > before)
            {
                householdSource.Add(h);
                memberStart.Add(personSource.Count);
            }
        }

        int nextPersons = personSource.Count;
        ExactAccumulator[] births = [new(), new()];
        var newbornSex = new byte[mothers.Count];
        var newbornMonth = new int[mothers.Count];
        for (int k = 0; k < mothers.Count; k++)
        {
            long id = newbornIds[k];
            bool male = birth.Uniform(id, draw + 1) < maleShareAtBirth;
            newbornSex[k] = (byte)(male ? Sex.Male : Sex.Female);
            newbornMonth[k] = nextRunMonth - 11 + (int)Math.Min(11, Math.Floor(birth.Uniform(id, draw + 2) * 12));
            births[male ? 1 : 0].Add(weight[personHousehold[mothers[k]]]);
        }

        var columns = new Array?[population.BuiltInColumns.Count];
        foreach (var column in PopulationSchema.All)
        {
            var source = population.Column(column);
            if (column.Entity == Entity.Household)
            {
                columns[column.BuiltInIndex] = Gather(source, householdSource);
            }
            else
            {
                var target = PopulationSchema.NewArray(column.Storage, nextPersons);
                for (int i = 0; i < nextPersons; i++)
                {
                    int src = personSource[i];
                    if (src >= 0)
                    {
                        Array.Copy(source, src, target, i, 1);
                    }
                    else if (!ReferenceEquals(column, PopulationSchema.PersonId) && (ReferenceEquals(column, PopulationSchema.Hukou) || ReferenceEquals(column, PopulationSchema.HukouRegion)))
                    {
                        Array.Copy(source, mothers[-src - 1], target, i, 1); // newborns take the mother's hukou
                    }
                }

                columns[column.BuiltInIndex] = target;
            }
        }

        var nextIds = (long[])columns[PopulationSchema.PersonId.BuiltInIndex]!;
        var nextHousehold = (int[])columns[PopulationSchema.PersonHouseholdId.BuiltInIndex]!;
        var nextAge = (byte[])columns[PopulationSchema.Age.BuiltInIndex]!;
        var nextSex = (byte[])columns[PopulationSchema.Sex.BuiltInIndex]!;
        var personExtras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var name in population.ExtraPersonColumns)
        {
            var source = population.DoubleColumn(name);
            var target = new double[nextPersons];
            for (int i = 0; i < nextPersons; i++)
            {
                if (personSource[i] >= 0)
                {
                    target[i] = source[personSource[i]];
                }
            }

            personExtras[name] = target;
        }

        var nextBirthYear = personExtras[RetirementAgeProgram.Columns.BirthYear];
        var nextBirthMonth = personExtras[RetirementAgeProgram.Columns.BirthMonth];
        for (int h = 0; h < householdSource.Count; h++)
        {
            for (int i = memberStart[h]; i < memberStart[h + 1]; i++)
            {
                nextHousehold[i] = h;
                int src = personSource[i];
                if (src < 0)
                {
                    int k = -src - 1;
                    nextIds[i] = newbornIds[k];
                    nextSex[i] = newbornSex[k];
                    nextBirthYear[i] = newbornMonth[k] / 12;
                    nextBirthMonth[i] = (newbornMonth[k] % 12) + 1;
                }

                nextAge[i] = (byte)((nextRunMonth - RetirementAgeProgram.MonthIndex((int)nextBirthYear[i], (int)nextBirthMonth[i])) / 12);
            }
        }

        var householdExtras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var name in population.ExtraHouseholdColumns)
        {
            householdExtras[name] = (double[])Gather(population.DoubleColumn(name), householdSource);
        }

        var next = new Population(population.Regions, columns, [.. memberStart], personExtras, householdExtras, new Dictionary<string, ColumnDefinition>(population.ExtraDefinitions, StringComparer.Ordinal));
        return (next, new Flows([deaths[0].Result(), deaths[1].Result()], [births[0].Result(), births[1].Result()]));
    }

    private static Array Gather(Array source, List<int> rows)
    {
        var target = Array.CreateInstance(source.GetType().GetElementType()!, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Array.Copy(source, rows[i], target, i, 1);
        }

        return target;
    }
}
