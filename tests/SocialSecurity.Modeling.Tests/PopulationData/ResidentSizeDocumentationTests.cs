using System.Text.RegularExpressions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>The resident size is stated in one place (docs/populations.md#resident-size); it must be the schema's.</summary>
public sealed partial class ResidentSizeDocumentationTests
{
    [Fact]
    public void The_documented_bytes_per_person_and_per_household_are_the_schemas()
    {
        // Independent of ResidentBytes: each built-in column's storage width, summed by entity, plus a member start per household.
        long perPerson = 0, perHousehold = sizeof(int);
        foreach (var column in PopulationSchema.All)
        {
            int width = column.Storage switch { ColumnStorage.Byte => 1, ColumnStorage.UInt16 => 2, ColumnStorage.Int32 => 4, _ => 8 };
            if (column.Entity == Entity.Person)
            {
                perPerson += width;
            }
            else
            {
                perHousehold += width;
            }
        }

        var page = File.ReadAllText(Path.Combine(Root(), "docs", "populations.md"));
        var stated = Stated().Match(page);
        stated.Success.Should().BeTrue("docs/populations.md states the resident size as '**N bytes per person and M per household**'");
        (long.Parse(stated.Groups[1].Value), long.Parse(stated.Groups[2].Value)).Should().Be((perPerson, perHousehold), "update docs/populations.md#resident-size when the schema changes");

        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 2_000, Seed = 1 });
        // The synthetic populations add their contribution-history, destitute-condition and imputed-rent columns, 8 bytes per person each.
        long extras = population.ExtraColumns.Count * sizeof(double) * (long)population.PersonCount;
        population.ExtraColumns.Should().HaveCount(14);
        // The built-in columns the generator does not fill share the arrays of zeros, one per type and length (ZeroColumns).
        var zeroColumns = PopulationSchema.All.Where(population.IsAllZero).Select(population.Column).ToList();
        long sharing = zeroColumns.Sum(a => (long)Buffer.ByteLength(a)) - zeroColumns.Distinct(ReferenceEqualityComparer.Instance).Sum(a => (long)Buffer.ByteLength((Array)a!));
        population.ResidentBytes.Should().Be((perPerson * population.PersonCount) + (perHousehold * population.HouseholdCount) + sizeof(int) + extras - sharing);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialSecurity.Modeling.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialSecurity.Modeling.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\*\*(\d+) bytes per person and (\d+) per household\*\*")]
    private static partial Regex Stated();
}
