using SocialSecurity.Modeling.Randomness;

namespace SocialSecurity.Modeling.Tests.Randomness;

public class RandomStreamTests
{
    [Fact]
    public void A_draw_is_a_pure_function_of_seed_name_id_and_index()
    {
        var a = new RandomStream(42, "dibao.take_up");
        var b = new RandomStream(42, "dibao.take_up");
        a.Uniform(123).Should().Be(b.Uniform(123));
        a.Uniform(123, 1).Should().NotBe(a.Uniform(123, 0));
        new RandomStream(43, "dibao.take_up").Uniform(123).Should().NotBe(a.Uniform(123));
        new RandomStream(42, "dibao.exclusion").Uniform(123).Should().NotBe(a.Uniform(123));
    }

    [Fact]
    public void Draws_are_uniform_and_streams_are_uncorrelated()
    {
        var take = new RandomStream(7, "take_up");
        var error = new RandomStream(7, "error");
        const int n = 200_000;
        double sum = 0, sumSq = 0, cross = 0;
        var bins = new int[10];
        for (int i = 0; i < n; i++)
        {
            double u = take.Uniform(i);
            double v = error.Uniform(i);
            u.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(1);
            sum += u;
            sumSq += u * u;
            cross += (u - 0.5) * (v - 0.5);
            bins[(int)(u * 10)]++;
        }

        (sum / n).Should().BeApproximately(0.5, 0.005);
        ((sumSq / n) - Math.Pow(sum / n, 2)).Should().BeApproximately(1.0 / 12, 0.002);
        (cross / n / (1.0 / 12)).Should().BeApproximately(0, 0.01);
        double chiSquare = bins.Sum(b => Math.Pow(b - (n / 10.0), 2) / (n / 10.0));
        chiSquare.Should().BeLessThan(27.9, "chi-square with 9 degrees of freedom at p = 0.001");
    }

    [Fact]
    public void Raising_a_probability_never_turns_a_yes_into_a_no()
    {
        var stream = new RandomStream(1, "take_up");
        for (long id = 0; id < 10_000; id++)
        {
            if (stream.Happens(id, 0.6))
            {
                stream.Happens(id, 0.8).Should().BeTrue();
            }
        }

        FluentActions.Invoking(() => stream.Happens(1, 1.5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => stream.Happens(1, double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Open_uniform_never_returns_zero_or_one()
    {
        var stream = new RandomStream(3, "shock");
        for (long id = 0; id < 100_000; id++)
        {
            stream.OpenUniform(id).Should().BeGreaterThan(0).And.BeLessThan(1);
        }
    }
}
