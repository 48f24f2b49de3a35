using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

public class ExpenditureHardshipProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    private static SimulationResult Run(double income, double medical, double education = 0)
    {
        var (household, persons) = HouseholdRuns.Adults(1, RegionCodes.Hangzhou, 3, income);
        return HouseholdRuns.Run(Policy.Create(new DibaoProgram(), new ExpenditureHardshipProgram()), Date, [household], persons,
            personColumns: new Dictionary<string, double[]>
            {
                [ExpenditureHardshipProgram.MedicalSpendingColumn] = [medical, 0, 0],
                [ExpenditureHardshipProgram.EducationSpendingColumn] = [0, 0, education],
            });
    }

    [Fact]
    public void Worked_example_11_medical_spending_of_35000_makes_a_60000_household_qualify()
    {
        var result = Run(60_000, 35_000);
        result.Values(ExpenditureHardshipProgram.Eligible.Name)[0].Should().Be(1);
        result.Values(ExpenditureHardshipProgram.AdjustedIncomePerCapita.Name)[0].Should().BeApproximately(8_333.333333, 1e-5);
        result.Values(DibaoProgram.Eligible.Name)[0].Should().Be(0, "unadjusted per capita is 20,000");
    }

    [Fact]
    public void Without_rigid_spending_the_same_household_does_not_qualify()
        => Run(60_000, 0).Values(ExpenditureHardshipProgram.Eligible.Name)[0].Should().Be(0);

    [Fact]
    public void Medical_and_education_spending_of_different_members_add_up()
    {
        Run(60_000, 20_000).Values(ExpenditureHardshipProgram.Eligible.Name)[0].Should().Be(0, "(60,000 − 20,000)/3 = 13,333.33 ≥ 11,000");
        Run(60_000, 20_000, education: 10_000).Values(ExpenditureHardshipProgram.Eligible.Name)[0].Should().Be(1, "(60,000 − 30,000)/3 = 10,000 < 11,000");
    }

    [Fact]
    public void Every_dibao_household_passes_the_expenditure_test()
    {
        var (households, persons) = TestPopulations.Random(2_000, seed: 5);
        var builder = new global::SocialSecurity.Modeling.Populations.PopulationBuilder();
        foreach (var h in households)
        {
            builder.AddHousehold(h);
        }

        foreach (var p in persons)
        {
            builder.AddPerson(p);
        }

        var random = new Random(2);
        builder.AddPersonColumn(ExpenditureHardshipProgram.MedicalSpendingColumn, persons.Select(_ => random.Next(4) == 0 ? random.Next(50_000) : 0.0).ToArray());
        builder.AddPersonColumn(ExpenditureHardshipProgram.EducationSpendingColumn, persons.Select(_ => random.Next(6) == 0 ? random.Next(20_000) : 0.0).ToArray());
        var run = Microsimulation.Run(builder.Build(), Policy.Create(new DibaoProgram(), new ExpenditureHardshipProgram()), ParameterStore.Default, Date);
        var dibao = run.Values(DibaoProgram.Eligible.Name);
        var hardship = run.Values(ExpenditureHardshipProgram.Eligible.Name);
        int extra = 0;
        for (int h = 0; h < dibao.Length; h++)
        {
            if (dibao[h] == 1)
            {
                hardship[h].Should().Be(1);
            }

            extra += hardship[h] == 1 && dibao[h] == 0 ? 1 : 0;
        }

        extra.Should().BeGreaterThan(0, "rigid spending brings some non-dibao households below the standard");
    }
}
