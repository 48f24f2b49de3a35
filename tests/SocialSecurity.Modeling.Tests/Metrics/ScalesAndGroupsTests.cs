using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

public class ScalesAndGroupsTests
{
    [Fact]
    public void Household_scales()
    {
        EquivalenceScales.OecdModified(2, 2).Should().BeApproximately(2.1, 1e-15);
        EquivalenceScales.OldOecd(2, 2).Should().BeApproximately(2.7, 1e-15);
        EquivalenceScales.SquareRoot(4).Should().Be(2);
        EquivalenceScales.PerCapita(3).Should().Be(3);
        EquivalenceScales.OecdModified(0, 1).Should().BeApproximately(0.8, 1e-15, "applied literally, unlike laeken::eqSS");
        FluentActions.Invoking(() => EquivalenceScales.OecdModified(0, 0)).Should().Throw<ArgumentException>();
        EquivalenceScales.ForPersons([7, 7, 8], [14, 13, 40], EquivalenceScale.OldOecd).Should().Equal(1.5, 1.5, 1.0);
        EquivalenceScales.ForPersons([1, 1], [30, 5], EquivalenceScale.PerCapita).Should().Equal(2, 2);
        EquivalenceScales.Equivalise([300, 100], [1.5, 1.0]).Should().Equal(200, 100);
        FluentActions.Invoking(() => EquivalenceScales.ForPersons([1], [-1])).Should().Throw<ArgumentException>().WithMessage("*index 0*");
    }

    [Fact]
    public void Middle_income_bounds_are_configurable_and_inclusive()
    {
        double[] x = [50, 75, 100, 150, 200, 201];
        // laeken median of 6 equal-weight values: first i/6 > 0.5 -> 4th value = 150.
        GroupComparison.MiddleIncomeShare(x, [], 0.5, 1.0).Should().BeApproximately(3.0 / 6, 1e-15); // 75, 100, 150
        GroupComparison.MiddleIncomeShare(x, []).Should().BeApproximately(3.0 / 6, 1e-15); // 150, 200, 201 in [112.5, 300]
        GroupComparison.MiddleIncomeIncomeShare(x, [], 0.5, 1.0).Should().BeApproximately(325.0 / 776, 1e-15);
    }

    [Fact]
    public void Concentration_curve_sorts_by_ranking_then_value()
    {
        var c = Lorenz.ConcentrationCurve([5, 1, 4], [1, 1, 0], []);
        c.L.Should().Equal(0, 4.0 / 10, 5.0 / 10, 1.0);
        Lorenz.Curve([3, 1], []).GeneralizedL.Should().Equal(0, 0.5, 2);
        Lorenz.QuantileGroupShares([1, 2, 3, 4], [], 4).Should().BeEquivalentTo([0.1, 0.2, 0.3, 0.4],
            o => o.Using<double>(ctx => ctx.Subject.Should().BeApproximately(ctx.Expectation, 1e-15)).WhenTypeIs<double>());
    }

    [Fact]
    public void Fiscal_impoverishment_reports_normalised_amounts()
    {
        var fi = FiscalIncidence.Impoverishment([10, 4], [8, 6], [], 9);
        fi.ImpoverishedShare.Should().Be(0.5);
        fi.ImpoverishmentPerCapita.Should().Be(0.5);
        fi.GainsPerCapita.Should().Be(1.0);
        fi.NormalizedImpoverishment.Should().BeApproximately(0.5 / 9, 1e-16);
    }
}
