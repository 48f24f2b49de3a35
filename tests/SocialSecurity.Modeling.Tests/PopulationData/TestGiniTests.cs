namespace SocialSecurity.Modeling.Tests.PopulationData;

public class TestGiniTests
{
    [Fact]
    public void Equal_incomes_have_zero_Gini_and_one_earner_among_four_has_three_quarters()
    {
        TestGini.Of([5, 5, 5], [1, 2, 3]).Should().BeApproximately(0, 1e-12);
        TestGini.Of([0, 0, 0, 10], [1, 1, 1, 1]).Should().BeApproximately(0.75, 1e-12);
    }

    [Fact]
    public void A_weight_of_two_equals_a_duplicated_record()
    {
        double[] values = [1, 4, 9, 2];
        TestGini.Of(values, [1, 2, 1, 1]).Should().BeApproximately(TestGini.Of([1, 4, 4, 9, 2], [1, 1, 1, 1, 1]), 1e-12);
    }
}
