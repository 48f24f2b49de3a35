using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Populations.Weighting;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public class WeightRakingTests
{
    [Fact]
    public void Two_way_table_gives_the_iterative_proportional_fitting_solution()
    {
        // Households classified by row (0/1) and column (0/1/2), design weight 1 + index.
        int[] row = [0, 0, 0, 1, 1, 1, 0, 1];
        int[] col = [0, 1, 2, 0, 1, 2, 1, 2];
        var design = Enumerable.Range(0, 8).Select(i => 1.0 + i).ToArray();
        double[] rowTargets = [30, 50];
        double[] colTargets = [20, 25, 35];
        var margins = new List<RakingMargin>
        {
            new("row0", row.Select(r => r == 0 ? 1.0 : 0).ToArray(), rowTargets[0]),
            new("row1", row.Select(r => r == 1 ? 1.0 : 0).ToArray(), rowTargets[1]),
            new("col0", col.Select(c => c == 0 ? 1.0 : 0).ToArray(), colTargets[0]),
            new("col1", col.Select(c => c == 1 ? 1.0 : 0).ToArray(), colTargets[1]),
        }; // col2 is implied by the rows minus col0 and col1: adding it would make the margins dependent

        var result = WeightRaking.Rake(design, margins);

        // Classic IPF, alternating row and column scaling, converges to the same raking solution.
        var ipf = (double[])design.Clone();
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            for (int r = 0; r < 2; r++)
            {
                double total = Enumerable.Range(0, 8).Where(i => row[i] == r).Sum(i => ipf[i]);
                for (int i = 0; i < 8; i++)
                {
                    ipf[i] *= row[i] == r ? rowTargets[r] / total : 1;
                }
            }

            for (int c = 0; c < 3; c++)
            {
                double total = Enumerable.Range(0, 8).Where(i => col[i] == c).Sum(i => ipf[i]);
                for (int i = 0; i < 8; i++)
                {
                    ipf[i] *= col[i] == c ? colTargets[c] / total : 1;
                }
            }
        }

        result.Converged.Should().BeTrue(result.ToString());
        result.Iterations.Should().BeLessThan(20);
        for (int i = 0; i < 8; i++)
        {
            result.Weights[i].Should().BeApproximately(ipf[i], 1e-6);
        }
    }

    [Fact]
    public void Person_count_margins_on_household_weights_are_met_and_reported()
    {
        var sizes = new double[] { 1, 2, 3, 4, 2, 1 };
        var elderly = new double[] { 1, 2, 0, 1, 0, 0 };
        var design = new double[] { 10, 10, 10, 10, 10, 10 };
        var result = WeightRaking.Rake(design, [new("persons", sizes, 200), new("elderly", elderly, 60), new("households", [1, 1, 1, 1, 1, 1], 70)]);

        result.Converged.Should().BeTrue();
        result.MaxRelativeError.Should().BeLessThan(1e-9);
        result.Margins.Select(m => m.Name).Should().Equal("persons", "elderly", "households");
        result.Margins[0].Before.Should().Be(130);
        result.Margins[1].Achieved.Should().BeApproximately(60, 1e-6);
        sizes.Select((s, i) => s * result.Weights[i]).Sum().Should().BeApproximately(200, 1e-6);
        result.MinFactor.Should().BeLessThan(result.MaxFactor);
        result.ToString().Should().Contain("converged").And.Contain("elderly");
    }

    [Fact]
    public void Dependent_empty_or_malformed_margins_are_rejected()
    {
        var design = new double[] { 1, 1, 1 };
        var a = new double[] { 1, 0, 1 };
        var b = new double[] { 0, 1, 0 };
        var all = new double[] { 1, 1, 1 };

        var dependent = () => WeightRaking.Rake(design, [new("a", a, 4), new("b", b, 2), new("all", all, 6)]);
        dependent.Should().Throw<ArgumentException>().WithMessage("*linearly dependent*");
        var empty = () => WeightRaking.Rake(design, [new("none", [0, 0, 0], 5)]);
        empty.Should().Throw<ArgumentException>().WithMessage("*'none' is zero for every household*");
        var length = () => WeightRaking.Rake(design, [new("short", [1, 1], 5)]);
        length.Should().Throw<ArgumentException>().WithMessage("*'short' has 2 values; expected one per household (3)*");
        var negative = () => WeightRaking.Rake([1, -1, 1], [new("all", all, 5)]);
        negative.Should().Throw<ArgumentException>().WithMessage("*household 1*");
    }

    [Fact]
    public void Apply_replaces_only_the_weights_and_refuses_unconverged_results()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 100, RegionCode = RegionCodes.Wuxi });
        builder.AddHousehold(new HouseholdRecord { Id = 2, Weight = 100, RegionCode = RegionCodes.Wuxi, Area = AreaType.Rural });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 70, WagesAnnual = 5 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 2, Age = 30 });
        builder.AddPerson(new PersonRecord { Id = 3, HouseholdId = 2, Age = 3 });
        var population = builder.Build();

        var result = WeightRaking.Rake(population.Weight, [new("persons", [1, 2], 500)]);
        var raked = WeightRaking.Apply(population, result);
        raked.WeightedPersons.Should().BeApproximately(500, 1e-6);
        raked.WagesAnnual.ToArray().Should().Equal(population.WagesAnnual.ToArray());
        raked.Age.ToArray().Should().Equal(population.Age.ToArray());

        var unconverged = WeightRaking.Rake(population.Weight, [new("persons", [1, 2], 500)], new RakingOptions { MaxIterations = 1, Tolerance = 1e-300 });
        unconverged.Converged.Should().BeFalse();
        var act = () => WeightRaking.Apply(population, unconverged);
        act.Should().Throw<ArgumentException>().WithMessage("*did not converge*");
    }
}
