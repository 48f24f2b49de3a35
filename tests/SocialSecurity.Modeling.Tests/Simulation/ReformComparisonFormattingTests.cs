using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Simulation;

public class ReformComparisonFormattingTests
{
    [Theory]
    [InlineData(-0.001, 2, "0.00")]
    [InlineData(-0.004999, 2, "0.00")]
    [InlineData(-1e-17, 3, "0.000")]
    [InlineData(-0.005, 2, "-0.01")]
    [InlineData(0.005, 2, "0.01")]
    [InlineData(-12.345, 2, "-12.35")]
    public void A_change_that_rounds_to_zero_prints_without_a_sign(double value, int decimals, string expected)
    {
        // Unrounded, .NET prints -0.001 as "-0.00": the report would show a signed zero.
        Money.Yuan.Shown(value, decimals).ToString("N" + decimals, CultureInfo.InvariantCulture).Should().Be(expected);
    }

    [Fact]
    public void The_recipients_column_names_its_unit_households_or_persons_on_every_row()
    {
        var (households, persons) = TestPopulations.Random(400, seed: 5);
        var population = TestPopulations.Build(households, persons);
        var date = new DateOnly(2024, 6, 30);
        var policy = AssistancePolicies.Extended();
        var reformed = ParameterStore.Default.WithReform(Reform.Create("ZJ +10%")
            .Scale(DibaoProgram.StandardUrban, RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1));
        var comparison = ReformComparison.Compare(
            Microsimulation.Run(population, policy, ParameterStore.Default, date),
            Microsimulation.Run(population, policy, reformed, date));
        comparison.Programs.Should().Contain(p => p.RecipientUnit == Entity.Household).And.Contain(p => p.RecipientUnit == Entity.Person);
        var lines = comparison.ToText().Split('\n');
        lines[0].Should().Contain("recipients in");
        foreach (var p in comparison.Programs)
        {
            var row = lines.Single(l => l.StartsWith(p.Variable.Name + " ", StringComparison.Ordinal));
            row.Should().Contain(p.Variable.Entity == Entity.Household ? " households " : " persons ");
        }

        comparison.ToText().Should().NotContain("-0.00");
    }
}
