using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Populations;

/// <summary>
/// The one-household population of the household calculator, built straight from its records: one small array per
/// built-in column filled from the record mappings, no per-column buffers, no acceptance tables, no id hashing. It
/// builds exactly the population <see cref="PopulationBuilder"/> builds from the same records, and only when they are
/// valid and the members come in person-id order; otherwise it builds nothing and the caller uses
/// <see cref="PopulationBuilder"/>, which reports the problems (or reorders the members) with the same lines as for
/// any population.
/// </summary>
internal static class HouseholdBuild
{
    // The person's household id: checked against the household's id, stored as the household's index (0).
    private static readonly IntegerField<PersonRecord> PersonHouseholdId = (IntegerField<PersonRecord>)Array.Find(PersonRecord.Mapping.Fields, f => ReferenceEquals(f.Column, PopulationSchema.PersonHouseholdId))!;

    /// <summary>
    /// The population of <paramref name="household"/> and <paramref name="members"/>, or <see langword="null"/> when
    /// some value is invalid, a member belongs to another household, or person ids do not increase in the order given.
    /// </summary>
    /// <param name="regions">The region catalogue.</param>
    /// <param name="household">The household, its weight as it should be stored.</param>
    /// <param name="members">The members, in the order given.</param>
    /// <param name="extras">Extra columns already added (their definitions checked by <see cref="ExtraColumns.Add"/>); their values are checked here.</param>
    public static Population? TryBuild(RegionCatalog regions, in HouseholdRecord household, IReadOnlyList<PersonRecord> members, ExtraColumns extras)
    {
        int n = members.Count;
        if (n == 0)
        {
            return null;
        }

        var householdMapping = HouseholdRecord.Mapping;
        var personMapping = PersonRecord.Mapping;
        long householdId = householdMapping.Id.Get(in household);
        long previous = long.MinValue;
        for (int i = 0; i < n; i++)
        {
            var member = members[i];
            long id = personMapping.Id.Get(in member);
            if ((i > 0 && id <= previous) || PersonHouseholdId.Get(in member) != householdId)
            {
                return null;
            }

            previous = id;
        }

        var columns = new Array?[PopulationSchema.BuiltIns.Length];
        ushort householdRegion = 0;
        foreach (var field in householdMapping.Fields)
        {
            var column = HouseholdColumn(field, in household, regions);
            if (column is null)
            {
                return null;
            }

            columns[field.Column.BuiltInIndex] = column;
            if (ReferenceEquals(field.Column, PopulationSchema.Region))
            {
                householdRegion = ((ushort[])column)[0];
            }
        }

        foreach (var field in personMapping.Fields)
        {
            var column = ReferenceEquals(field, PersonHouseholdId) ? new int[n] : PersonColumn(field, members, regions, householdRegion);
            if (column is null)
            {
                return null;
            }

            columns[field.Column.BuiltInIndex] = column;
        }

        var problems = new ProblemList();
        Span<long> householdIds = [householdId];
        foreach (var (name, values) in extras.Household)
        {
            BuildChecks.Extra(extras.Definitions[name], values, householdIds, problems);
        }

        if (extras.Person.Count > 0)
        {
            var personIds = (long[])columns[PopulationSchema.PersonId.BuiltInIndex]!;
            foreach (var (name, values) in extras.Person)
            {
                BuildChecks.Extra(extras.Definitions[name], values, personIds, problems);
            }
        }

        if (problems.Count > 0 || !(((double[])columns[PopulationSchema.Weight.BuiltInIndex]!)[0] > 0))
        {
            return null;
        }

        var population = new Population(
            regions,
            columns,
            [0, n],
            new Dictionary<string, double[]>(extras.Person, StringComparer.Ordinal),
            new Dictionary<string, double[]>(extras.Household, StringComparer.Ordinal),
            new Dictionary<string, ColumnDefinition>(extras.Definitions, StringComparer.Ordinal));
        bool consistent = true;
        CrossColumnChecks.Run(population, null, _ => consistent = false);
        return consistent ? population : null;
    }

    private static Array? HouseholdColumn(RecordField<HouseholdRecord> field, in HouseholdRecord household, RegionCatalog regions)
    {
        switch (field)
        {
            case NumberField<HouseholdRecord> number:
                double value = number.Get(in household);
                return field.Column.Accepts(value) ? new[] { value } : null;
            case IntegerField<HouseholdRecord> { Column.Storage: ColumnStorage.Byte } small:
                long code = small.Get(in household);
                return (ulong)code <= byte.MaxValue && field.Column.Accepts(code) ? new[] { (byte)code } : null;
            case IntegerField<HouseholdRecord> integer:
                return new[] { integer.Get(in household) };
            case RegionField<HouseholdRecord> region:
                string? given = region.Get(in household);
                return given is not null && regions.TryGetId(given, out var id) ? new[] { id.Index } : null;
            default:
                return null;
        }
    }

    private static Array? PersonColumn(RecordField<PersonRecord> field, IReadOnlyList<PersonRecord> members, RegionCatalog regions, ushort householdRegion)
    {
        int n = members.Count;
        switch (field)
        {
            case NumberField<PersonRecord> number:
                var amounts = new double[n];
                for (int i = 0; i < n; i++)
                {
                    var member = members[i];
                    amounts[i] = number.Get(in member);
                    if (!field.Column.Accepts(amounts[i]))
                    {
                        return null;
                    }
                }

                return amounts;
            case IntegerField<PersonRecord> { Column.Storage: ColumnStorage.Byte } small:
                var codes = new byte[n];
                for (int i = 0; i < n; i++)
                {
                    var member = members[i];
                    long code = small.Get(in member);
                    if ((ulong)code > byte.MaxValue || !field.Column.Accepts(code))
                    {
                        return null;
                    }

                    codes[i] = (byte)code;
                }

                return codes;
            case IntegerField<PersonRecord> integer:
                var ids = new long[n];
                for (int i = 0; i < n; i++)
                {
                    var member = members[i];
                    ids[i] = integer.Get(in member);
                }

                return ids;
            case RegionField<PersonRecord> region:
                var handles = new ushort[n];
                for (int i = 0; i < n; i++)
                {
                    var member = members[i];
                    string? given = region.Get(in member);
                    if (given is null && !field.Required)
                    {
                        handles[i] = householdRegion;
                    }
                    else if (given is not null && regions.TryGetId(given, out var id))
                    {
                        handles[i] = id.Index;
                    }
                    else
                    {
                        return null;
                    }
                }

                return handles;
            default:
                return null;
        }
    }
}
