using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Projection;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Projection;

/// <summary>Alignment of deaths and births to given totals by sort-by-risk (docs/projection.md#alignment).</summary>
public class ProjectionAlignmentTests
{
    /// <summary>Single-person households of weight 1 in Hangzhou: 4,000 men aged 80 and 4,000 women aged 27, born in January.</summary>
    private static Population People()
    {
        var builder = new PopulationBuilder();
        var years = new List<double>();
        for (int i = 1; i <= 8000; i++)
        {
            bool man = i <= 4000;
            int age = man ? 80 : 27;
            builder.AddHousehold(new HouseholdRecord { Id = i, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban });
            builder.AddPerson(new PersonRecord { Id = i, HouseholdId = i, Age = age, Sex = man ? Sex.Male : Sex.Female, Hukou = HukouType.Urban });
            years.Add(2025 - age);
        }

        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthYear, [.. years]);
        builder.AddColumn(RetirementAgeProgram.ColumnDefinitions.BirthMonth, [.. years.Select(_ => 1.0)]);
        return builder.Build();
    }

    private static ProjectionResult Run(AlignmentTargets? targets) => Projector.Run(People(), Policy.Create(new RetirementAgeProgram()), ParameterStore.Default,
        new ProjectionOptions { StartYear = 2025, EndYear = 2026, Households = false, WorkingLives = false, Alignment = targets });

    [Fact]
    public void Deaths_and_births_hit_the_given_totals_exactly()
    {
        var targets = new AlignmentTargets([new(2025, Sex.Male, 80, 84, 123), new(2025, Sex.Female, 25, 29, 0)], [new(2025, Sex.Female, 25, 29, 77)], "I", "test totals");
        var aligned = Run(targets).Row(2026);
        aligned[ProjectionIndicators.Deaths].Should().Be(123, "the men of 80 die as aligned and the women of 27 are aligned to no death");
        aligned[ProjectionIndicators.Births].Should().Be(77, "every birth is to a woman of 27, whose cell is aligned");

        var free = Run(null).Row(2026);
        free[ProjectionIndicators.Deaths].Should().NotBe(123);
        free[ProjectionIndicators.Births].Should().NotBe(77);
    }

    [Fact]
    public void Overlapping_cells_and_birth_totals_for_men_are_rejected()
    {
        var overlap = () => Run(new AlignmentTargets([new(2025, Sex.Male, 80, 84, 1), new(2025, Sex.Male, 84, 90, 1)], [], "I", "x"));
        overlap.Should().Throw<ArgumentException>().WithMessage("*ages 80–84 and 84–90 overlap*");
        var men = () => Run(new AlignmentTargets([], [new(2025, Sex.Male, 20, 30, 1)], "I", "x"));
        men.Should().Throw<ArgumentException>().WithMessage("*by mother's age*");
        var unsourced = () => Run(new AlignmentTargets([], [], "I", " "));
        unsourced.Should().Throw<ArgumentException>().WithMessage("*alignment totals has no source*");
    }
}
