using SocialSecurity.Modeling.Metrics;
using static SocialSecurity.Modeling.Tests.Metrics.ReferenceData;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>Unweighted overloads equal the weighted ones with an empty weight span (and with unit weights).</summary>
public class OverloadTests
{
    [Fact]
    public void Unweighted_overloads_equal_empty_and_unit_weights()
    {

        Inequality.Theil(Upos).Should().Be(Inequality.Theil(Upos, []));
        Inequality.MeanLogDeviation(Upos).Should().Be(Inequality.MeanLogDeviation(Upos, []));
        Inequality.Atkinson(Upos, 0.5).Should().Be(Inequality.Atkinson(Upos, [], 0.5));
        Inequality.QuintileShareRatio(U).Should().Be(Inequality.QuintileShareRatio(U, Ones(U.Length)));
        Inequality.Palma(U).Should().BeApproximately(Inequality.Palma(U, Ones(U.Length)), 1e-15);
        Inequality.Gini(U).Should().BeApproximately(Inequality.Gini(U, Ones(U.Length)), 1e-15);
        Poverty.Fgt(U, 9.5, 2).Should().Be(Poverty.Fgt(U, [], 9.5, 2));
        Poverty.HeadcountRatio(U, 9.5).Should().Be(Poverty.HeadcountRatio(U, Ones(U.Length), 9.5));
        Poverty.AtRiskOfPovertyThreshold(U).Should().Be(Poverty.AtRiskOfPovertyThreshold(U, Ones(U.Length)));
        Poverty.AtRiskOfPovertyRate(U).Should().Be(Poverty.AtRiskOfPovertyRate(U, Ones(U.Length)));
        Poverty.RelativeMedianPovertyGap(U).Should().Be(Poverty.RelativeMedianPovertyGap(U, Ones(U.Length)));
        Redistribution.ConcentrationCoefficient(Post, Pre).Should().Be(Redistribution.ConcentrationCoefficient(Post, Pre, []));
        Redistribution.ReynoldsSmolensky(Pre, Post).Should().Be(Redistribution.ReynoldsSmolensky(Pre, Post, []));
        Redistribution.Kakwani(Tax, Pre, InterventionKind.Tax).Should().Be(Redistribution.Kakwani(Tax, Pre, [], InterventionKind.Tax));
        Poverty.PovertyGapIndex(U, [], 9.5).Should().Be(Poverty.Fgt(U, [], 9.5, 1));
        Quantiles.WeightedMedian(U).Should().Be(Quantiles.WeightedMedian(U, Ones(U.Length)));
    }

    [Fact]
    public void Theil_and_MLD_decompositions_add_up()
    {
        var t = Inequality.TheilDecomposition(WposX, WposW, WposRegion);
        t.Should().Be(GeneralizedEntropy.Decompose(WposX, WposW, WposRegion, 1));
        t.Total.Should().BeApproximately(t.Within + t.Between, 1e-15);
        var m = Inequality.MeanLogDeviationDecomposition(WposX, WposW, WposRegion);
        m.Total.Should().BeApproximately(m.Within + m.Between, 1e-15);
        var g2 = GeneralizedEntropy.Decompose(WposX, WposW, WposRegion, 2);
        g2.Total.Should().BeApproximately(g2.Within + g2.Between, 1e-14);
        var gHalf = GeneralizedEntropy.Decompose(WposX, WposW, WposRegion, 0.5);
        gHalf.Total.Should().BeApproximately(gHalf.Within + gHalf.Between, 1e-14);
    }

    [Fact]
    public void Bootstrap_conveniences_use_the_indicators()
    {
        var o = new BootstrapOptions { Replicates = 30 };
        Bootstrap.Gini(Wx, Ww, o).Estimate.Should().Be(Inequality.Gini(Wx, Ww));
        Bootstrap.Median(Wx, Ww, o).Estimate.Should().Be(12);
        Bootstrap.AtRiskOfPovertyRate(Wx, Ww, o).Estimate.Should().Be(Poverty.AtRiskOfPovertyRate(Wx, Ww));
        Bootstrap.QuintileShareRatio(Upos, [], o).Estimate.Should().Be(Inequality.QuintileShareRatio(Upos));
    }
}
