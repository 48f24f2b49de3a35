using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

/// <summary>Runs a policy on a few hand-built households, with extra person and household columns declared as the policy's programs declare them.</summary>
internal static class HouseholdRuns
{
    public static SimulationResult Run(
        Policy policy,
        DateOnly date,
        IEnumerable<HouseholdRecord> households,
        IEnumerable<PersonRecord> persons,
        ParameterStore? store = null,
        IReadOnlyDictionary<string, double[]>? personColumns = null,
        IReadOnlyDictionary<string, double[]>? householdColumns = null)
    {
        var builder = new PopulationBuilder();
        foreach (var h in households)
        {
            builder.AddHousehold(h with { Weight = h.Weight == 0 ? 1 : h.Weight });
        }

        foreach (var p in persons)
        {
            builder.AddPerson(p);
        }

        foreach (var (name, values) in personColumns ?? new Dictionary<string, double[]>())
        {
            builder.AddColumn(Declared(policy, name, Entity.Person), values);
        }

        foreach (var (name, values) in householdColumns ?? new Dictionary<string, double[]>())
        {
            builder.AddColumn(Declared(policy, name, Entity.Household), values);
        }

        return Microsimulation.Run(builder.Build(), policy, store ?? ParameterStore.Default, date);
    }

    private static ColumnDefinition Declared(Policy policy, string name, Entity entity)
        => policy.InputColumns.FirstOrDefault(c => c.Name == name && c.Entity == entity) ?? ColumnDefinition.Number(name, entity);

    /// <summary>A household of <paramref name="size"/> adults aged 40 whose first member earns <paramref name="income"/> a year.</summary>
    public static (HouseholdRecord Household, PersonRecord[] Persons) Adults(long id, string region, int size, double income, AreaType area = AreaType.Urban)
    {
        var household = new HouseholdRecord { Id = id, Weight = 1, RegionCode = region, Area = area, HousingUnits = 1 };
        var persons = Enumerable.Range(0, size)
            .Select(i => new PersonRecord { Id = (id * 100) + i, HouseholdId = id, Age = 40, WagesAnnual = i == 0 ? income : 0 })
            .ToArray();
        return (household, persons);
    }
}
