using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>Every entry point rejects bad input with an ArgumentException naming the argument and the offending element.</summary>
public class ValidationTests
{
    private static readonly double[] X = [1, 2, 3, 4];
    private static readonly double[] W = [1, 1, 2, 1];

    public static TheoryData<string, Func<double[], double[], double>> Indicators() => new()
    {
        { "Gini", (x, w) => Inequality.Gini(x, w) },
        { "Theil", (x, w) => Inequality.Theil(x, w) },
        { "MLD", (x, w) => Inequality.MeanLogDeviation(x, w) },
        { "Atkinson", (x, w) => Inequality.Atkinson(x, w, 0.5) },
        { "QSR", (x, w) => Inequality.QuintileShareRatio(x, w) },
        { "Palma", (x, w) => Inequality.Palma(x, w) },
        { "Quantile", (x, w) => Quantiles.WeightedQuantile(x, w, 0.3) },
        { "Median", (x, w) => Quantiles.WeightedMedian(x, w) },
        { "FGT", (x, w) => Poverty.Fgt(x, w, 2, 1) },
        { "Headcount", (x, w) => Poverty.HeadcountRatio(x, w, 2) },
        { "ARPT", (x, w) => Poverty.AtRiskOfPovertyThreshold(x, w) },
        { "ARPR", (x, w) => Poverty.AtRiskOfPovertyRate(x, w) },
        { "RMPG", (x, w) => Poverty.RelativeMedianPovertyGap(x, w) },
        { "Watts", (x, w) => Poverty.Watts(x, w, 2) },
        { "Sen", (x, w) => Poverty.Sen(x, w, 2) },
        { "RS", (x, w) => Redistribution.ReynoldsSmolensky(x, x, w) },
        { "Concentration", (x, w) => Redistribution.ConcentrationCoefficient(x, x, w) },
        { "Kakwani", (x, w) => Redistribution.Kakwani(x, x, w, InterventionKind.Tax) },
        { "Lorenz", (x, w) => Lorenz.Ordinate(x, w, 0.5) },
        { "Middle", (x, w) => GroupComparison.MiddleIncomeShare(x, w) },
        { "CV", (x, w) => Inequality.CoefficientOfVariation(x, w) },
        { "LinearizedGini", (x, w) => LinearizedVariance.ConveyGini(x, w).StandardError },
    };

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Rejects_nan_infinite_and_empty_values(string name, Func<double[], double[], double> f)
    {
        var act = () => f([1, double.NaN, 3, 4], W);
        act.Should().Throw<ArgumentException>().WithMessage("*index 1*NaN*", name);
        act = () => f([1, 2, double.PositiveInfinity, 4], W);
        act.Should().Throw<ArgumentException>().WithMessage("*index 2*", name);
        act = () => f([], []);
        act.Should().Throw<ArgumentException>().WithMessage("*empty*", name);
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Rejects_bad_weights(string name, Func<double[], double[], double> f)
    {
        var act = () => f(X, [1, -2, 1, 1]);
        act.Should().Throw<ArgumentException>().WithMessage("*index 1 (-2)*negative*", name).Which.ParamName.Should().Be("weights");
        act = () => f(X, [1, 1, double.NaN, 1]);
        act.Should().Throw<ArgumentException>().WithMessage("*index 2*", name);
        act = () => f(X, [0, 0, 0, 0]);
        act.Should().Throw<ArgumentException>().WithMessage("*total weight is zero*", name);
        act = () => f(X, [1, 1]);
        act.Should().Throw<ArgumentException>().WithMessage("*length 2*length 4*", name);
    }

    [Fact]
    public void Non_positive_incomes_follow_the_policy()
    {
        double[] x = [0, 2, 3, 8];
        var act = () => Inequality.Theil(x, []);
        act.Should().Throw<ArgumentException>().WithMessage("*index 0 (0)*not positive*DropNonPositive*");
        act = () => Inequality.Atkinson([-1, 2, 3], [], 0.5, NonPositiveIncomePolicy.KeepZerosAsLimit);
        act.Should().Throw<ArgumentException>().WithMessage("*index 0 (-1)*negative*");
        act = () => Poverty.Watts(x, [], 5);
        act.Should().Throw<ArgumentException>().WithMessage("*Watts*");

        double drop = GeneralizedEntropy.Compute(x, [], 1, NonPositiveIncomePolicy.DropNonPositive, out int dropped);
        dropped.Should().Be(1);
        drop.Should().Be(Inequality.Theil([2, 3, 8], []));
        Inequality.Atkinson([0, -5, 2, 4], [], 1, NonPositiveIncomePolicy.DropNonPositive, out int d2);
        d2.Should().Be(2);

        // A zero with zero weight is not an offence.
        Inequality.Theil([0, 2, 3], [0, 1, 1]).Should().Be(Inequality.Theil([2, 3], []));
    }

    [Fact]
    public void Scalar_arguments_are_checked()
    {
        FluentActions.Invoking(() => Quantiles.WeightedQuantile(X, W, 1.5)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("p");
        FluentActions.Invoking(() => Poverty.Fgt(X, W, 0, 1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("line");
        FluentActions.Invoking(() => Poverty.Fgt(X, W, 2, -1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("alpha");
        FluentActions.Invoking(() => Inequality.Atkinson(X, W, -1)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("epsilon");
        FluentActions.Invoking(() => Quantiles.WeightedQuantile(X, W, 0.5, QuantileRule.RType7)).Should().Throw<ArgumentException>()
            .WithMessage("*unweighted*");
        FluentActions.Invoking(() => Redistribution.ConcentrationCoefficient(X, [1, 2], W)).Should().Throw<ArgumentException>()
            .Which.ParamName.Should().Be("ranking");
        FluentActions.Invoking(() => Inequality.Gini([-1, 1], [])).Should().Throw<ArgumentException>().WithMessage("*total*");
        FluentActions.Invoking(() => GeneralizedEntropy.Decompose(X, W, [0, 1], 1)).Should().Throw<ArgumentException>()
            .Which.ParamName.Should().Be("groups");
        FluentActions.Invoking(() => Inequality.Gini([5], true)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Negative_incomes_are_kept_in_the_Gini_and_FGT()
    {
        Inequality.Gini([-5, 1, 10], []).Should().BeGreaterThan(0.5);
        Poverty.Fgt([-5, 1, 10], [], 5, 1).Should().BeApproximately((2.0 + 0.8) / 3, 1e-15);
    }
}
