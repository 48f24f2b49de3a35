using MathNet.Numerics.LinearAlgebra;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Populations.Weighting;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

public class WeightCalibrationTests
{
    public static TheoryData<string> Methods => new() { "linear", "raking", "truncated", "logit" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_method_reproduces_categorical_and_numeric_margins(string method)
    {
        var sample = Sample.Random(300, seed: 7);
        var options = Options(method);
        var margins = sample.PerturbedMargins(seed: 11);

        var result = WeightCalibration.Calibrate(sample.Design, margins, options);

        result.Converged.Should().BeTrue(result.ToString());
        result.MaxRelativeError.Should().BeLessThan(1e-9);
        sample.AssertMeets(margins, result.Weights, 1e-9);
        if (options.IsBounded)
        {
            for (int h = 0; h < sample.Count; h++)
            {
                double ratio = result.Weights[h] / sample.Design[h];
                ratio.Should().BeInRange(options.LowerBound - 1e-12, options.UpperBound + 1e-12);
            }
        }

        if (options.Method is CalibrationMethod.RakingRatio or CalibrationMethod.Logit)
        {
            result.Spread.MinRatio.Should().BeGreaterThan(options.Method == CalibrationMethod.Logit ? options.LowerBound : 0);
        }

        // 2 + 3 categories and 2 numeric margins: 7 equations reported, one (the last size class) dropped as redundant.
        result.Margins.Select(m => m.Name).Should().Equal("area=0", "area=1", "size=0", "size=1", "size=2", "elderly", "income");
        result.Margins.Should().OnlyContain(m => m.RelativeError < 1e-9);
    }

    [Fact]
    public void Linear_calibration_is_the_closed_form_greg_solution()
    {
        var sample = Sample.Random(40, seed: 3);
        var margins = sample.PerturbedMargins(seed: 5);

        var result = WeightCalibration.Calibrate(sample.Design, margins, CalibrationOptions.Linear());

        // Independent closed form: X = [urban, rural, size1, size2, elderly, income] (size0 is implied), λ = (XᵀDX)⁻¹(T − Xᵀd).
        var columns = new[]
        {
            sample.Area.Select(a => a == 0 ? 1.0 : 0).ToArray(),
            sample.Area.Select(a => a == 1 ? 1.0 : 0).ToArray(),
            sample.SizeClass.Select(s => s == 1 ? 1.0 : 0).ToArray(),
            sample.SizeClass.Select(s => s == 2 ? 1.0 : 0).ToArray(),
            sample.Elderly,
            sample.Income,
        };
        double[] totals =
        [
            margins[0].Totals[0], margins[0].Totals[1], margins[1].Totals[1], margins[1].Totals[2], margins[2].Totals[0], margins[3].Totals[0],
        ];
        var x = Matrix<double>.Build.DenseOfColumnArrays(columns);
        var d = Vector<double>.Build.DenseOfArray(sample.Design);
        var xtdx = x.TransposeThisAndMultiply(Matrix<double>.Build.DiagonalOfDiagonalVector(d) * x);
        var lambda = xtdx.Solve(Vector<double>.Build.DenseOfArray(totals) - x.TransposeThisAndMultiply(d));
        var expected = d.PointwiseMultiply(1 + (x * lambda));

        result.Iterations.Should().Be(1);
        for (int h = 0; h < sample.Count; h++)
        {
            result.Weights[h].Should().BeApproximately(expected[h], 1e-9 * Math.Abs(expected[h]) + 1e-9);
        }

        sample.AssertMeets(margins, result.Weights, 1e-9);
    }

    [Fact]
    public void Raking_ratio_equals_the_iterative_proportional_fitting_solution()
    {
        int[] row = [0, 0, 0, 1, 1, 1, 0, 1, 0, 1];
        int[] col = [0, 1, 2, 0, 1, 2, 1, 2, 2, 0];
        int n = row.Length;
        var design = Enumerable.Range(0, n).Select(i => 1.0 + i).ToArray();
        double[] rowTargets = [30, 50];
        double[] colTargets = [20, 25, 35];

        var calibrated = WeightCalibration.Calibrate(
            design,
            [CalibrationMargin.Categorical("row", row, rowTargets), CalibrationMargin.Categorical("col", col, colTargets)],
            CalibrationOptions.Raking());

        // Oracle: classic IPF, alternating row and column scaling, converges to the raking solution.
        var ipf = (double[])design.Clone();
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            for (int r = 0; r < 2; r++)
            {
                double total = Enumerable.Range(0, n).Where(i => row[i] == r).Sum(i => ipf[i]);
                for (int i = 0; i < n; i++)
                {
                    ipf[i] *= row[i] == r ? rowTargets[r] / total : 1;
                }
            }

            for (int c = 0; c < 3; c++)
            {
                double total = Enumerable.Range(0, n).Where(i => col[i] == c).Sum(i => ipf[i]);
                for (int i = 0; i < n; i++)
                {
                    ipf[i] *= col[i] == c ? colTargets[c] / total : 1;
                }
            }
        }

        calibrated.Converged.Should().BeTrue(calibrated.ToString());
        calibrated.Iterations.Should().BeLessThan(20);
        for (int i = 0; i < n; i++)
        {
            calibrated.Weights[i].Should().BeApproximately(ipf[i], 1e-9 * ipf[i]);
        }

        var ratios = ipf.Select((w, i) => w / design[i]).ToArray();
        calibrated.Spread.MinRatio.Should().BeApproximately(ratios.Min(), 1e-9);
        calibrated.Spread.MaxRatio.Should().BeApproximately(ratios.Max(), 1e-9);
    }

    [Fact]
    public void Raking_meets_person_count_margins_on_household_weights_and_reports_them()
    {
        var sizes = new double[] { 1, 2, 3, 4, 2, 1 };
        var elderly = new double[] { 1, 2, 0, 1, 0, 0 };
        var design = new double[] { 10, 10, 10, 10, 10, 10 };
        var result = WeightCalibration.Calibrate(design,
            [CalibrationMargin.Numeric("persons", sizes, 200), CalibrationMargin.Numeric("elderly", elderly, 60), CalibrationMargin.Numeric("households", [1, 1, 1, 1, 1, 1], 70)],
            CalibrationOptions.Raking());

        result.Converged.Should().BeTrue();
        result.MaxRelativeError.Should().BeLessThan(1e-9);
        result.Margins.Select(m => m.Name).Should().Equal("persons", "elderly", "households");
        result.Margins[0].Before.Should().Be(130, "10 × (1 + 2 + 3 + 4 + 2 + 1)");
        result.Margins[1].Achieved.Should().BeApproximately(60, 1e-6);
        sizes.Select((v, i) => v * result.Weights[i]).Sum().Should().BeApproximately(200, 1e-6);
        elderly.Select((v, i) => v * result.Weights[i]).Sum().Should().BeApproximately(60, 1e-6);
        result.Weights.Sum().Should().BeApproximately(70, 1e-6);
        result.Weights.Should().OnlyContain(w => w > 0, "raking-ratio weights are positive");
        result.Spread.MinRatio.Should().BeLessThan(result.Spread.MaxRatio);
        result.ToString().Should().Contain("converged").And.Contain("elderly");

        var negative = () => WeightCalibration.Calibrate([10, -1, 10, 10, 10, 10], [CalibrationMargin.Numeric("persons", sizes, 200)], CalibrationOptions.Raking());
        negative.Should().Throw<ArgumentException>().WithMessage("*household 1*");
    }

    [Fact]
    public void Apply_replaces_only_the_weights()
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(new HouseholdRecord { Id = 1, Weight = 100, RegionCode = RegionCodes.Wuxi });
        builder.AddHousehold(new HouseholdRecord { Id = 2, Weight = 100, RegionCode = RegionCodes.Wuxi, Area = AreaType.Rural });
        builder.AddPerson(new PersonRecord { Id = 1, HouseholdId = 1, Age = 70, WagesAnnual = 5 });
        builder.AddPerson(new PersonRecord { Id = 2, HouseholdId = 2, Age = 30 });
        builder.AddPerson(new PersonRecord { Id = 3, HouseholdId = 2, Age = 3 });
        var population = builder.Build();

        var result = WeightCalibration.Calibrate(population.Weight, [CalibrationMargin.Numeric("persons", [1, 2], 500)], CalibrationOptions.Raking());
        var raked = WeightCalibration.Apply(population, result);
        raked.WeightedPersons.Should().BeApproximately(500, 1e-6);
        // Raking: w = d·tˣ with t = e^λ; 100t + 2·100t² = 500 gives t = (√41 − 1)/4.
        double t = (Math.Sqrt(41) - 1) / 4;
        raked.Weight[0].Should().BeApproximately(100 * t, 1e-7);
        raked.Weight[1].Should().BeApproximately(100 * t * t, 1e-7);
        raked.WagesAnnual.ToArray().Should().Equal(population.WagesAnnual.ToArray());
        raked.Age.ToArray().Should().Equal(population.Age.ToArray());
    }

    [Fact]
    public void Bounds_bind_where_linear_weights_would_leave_them()
    {
        var sample = Sample.Random(200, seed: 21);
        var margins = sample.PerturbedMargins(seed: 4, spread: 0.25);
        var linear = WeightCalibration.Calibrate(sample.Design, margins, CalibrationOptions.Linear());
        linear.Spread.MinRatio.Should().BeLessThan(0.5, "the test needs margins that push linear weights outside the bounds");
        linear.Spread.MaxRatio.Should().BeGreaterThan(2);

        var truncated = WeightCalibration.Calibrate(sample.Design, margins, CalibrationOptions.TruncatedLinear(0.5, 2));
        var logit = WeightCalibration.Calibrate(sample.Design, margins, CalibrationOptions.Logit(0.5, 2));

        foreach (var result in new[] { truncated, logit })
        {
            result.Converged.Should().BeTrue(result.ToString());
            sample.AssertMeets(margins, result.Weights, 1e-9);
        }

        var truncatedRatios = truncated.Weights.Select((w, h) => w / sample.Design[h]).ToArray();
        truncatedRatios.Should().OnlyContain(r => r >= 0.5 - 1e-12 && r <= 2 + 1e-12);
        truncatedRatios.Should().Contain(r => Math.Abs(r - 0.5) < 1e-12 || Math.Abs(r - 2) < 1e-12, "some bound must be active");
        logit.Weights.Select((w, h) => w / sample.Design[h]).Should().OnlyContain(r => r > 0.5 && r < 2);
    }

    [Fact]
    public void A_margin_out_of_reach_of_the_bounds_fails_naming_it()
    {
        var design = new double[] { 1, 1, 1, 1 };
        var elderly = CalibrationMargin.Numeric("elderly", [1, 0, 1, 0], 5); // needs w/d = 2.5 on average
        var households = CalibrationMargin.Numeric("households", [1, 1, 1, 1], 4);

        var truncated = () => WeightCalibration.Calibrate(design, [households, elderly], CalibrationOptions.TruncatedLinear(0.5, 2));
        truncated.Should().Throw<ArgumentException>().WithMessage("Margin 'elderly' cannot be met*[1, 4]*not 5*infeasible*");
        var logit = () => WeightCalibration.Calibrate(design, [households, elderly], CalibrationOptions.Logit(0.5, 2.5));
        logit.Should().Throw<ArgumentException>().WithMessage("Margin 'elderly' cannot be met*strictly*(1, 5)*");
        var raking = () => WeightCalibration.Calibrate(design, [CalibrationMargin.Numeric("net", [1, 2, 0, 3], -1)], CalibrationOptions.Raking());
        raking.Should().Throw<ArgumentException>().WithMessage("Margin 'net' cannot be met: raking-ratio weights are positive*");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("logit")]
    public void Jointly_infeasible_bounds_fail_naming_a_margin(string method)
    {
        // Each margin alone is reachable with 0.5 ≤ w/d ≤ 2, but m1 needs w_B ≥ 1.9 and m2 needs w_B ≤ 0.6.
        var design = new double[] { 1, 1, 1 };
        var act = () => WeightCalibration.Calibrate(
            design,
            [CalibrationMargin.Numeric("m1", [1, 1, 0], 3.9), CalibrationMargin.Numeric("m2", [0, 1, 1], 1.1)],
            method == "logit" ? CalibrationOptions.Logit(0.5, 2) : CalibrationOptions.TruncatedLinear(0.5, 2));

        act.Should().Throw<ArgumentException>().WithMessage("*did not meet margin 'm?'*jointly infeasible*");
    }

    [Fact]
    public void Inconsistent_or_empty_margins_are_rejected_with_their_names()
    {
        var sample = Sample.Random(30, seed: 1);
        var area = CalibrationMargin.Categorical("area", sample.Area, [60, 40]);
        var size = CalibrationMargin.Categorical("size", sample.SizeClass, [30, 30, 45]);
        var inconsistent = () => WeightCalibration.Calibrate(sample.Design, [area, size], CalibrationOptions.Raking());
        inconsistent.Should().Throw<ArgumentException>().WithMessage("The margins are inconsistent: margin 'size=2' is determined by*'area=0', 'area=1'*imply 40*total is 45*");

        var consistent = WeightCalibration.Calibrate(sample.Design, [area, CalibrationMargin.Categorical("size", sample.SizeClass, [30, 30, 40])], CalibrationOptions.Raking());
        consistent.Converged.Should().BeTrue();

        var zero = () => WeightCalibration.Calibrate(sample.Design, [area, CalibrationMargin.Numeric("none", new double[sample.Count], 5)], CalibrationOptions.Linear());
        zero.Should().Throw<ArgumentException>().WithMessage("Margin 'none' is zero for every household*");
        var length = () => WeightCalibration.Calibrate(sample.Design, [CalibrationMargin.Numeric("short", [1, 2], 5)], CalibrationOptions.Linear());
        length.Should().Throw<ArgumentException>().WithMessage("*'short' has 2 values; expected one per household (30)*");
        var category = () => CalibrationMargin.Categorical("area", [0, 2], [1, 1]);
        category.Should().Throw<ArgumentException>().WithMessage("*household 1: category 2; expected 0 to 1*");
        var bounds = () => CalibrationOptions.Logit(1, 2);
        bounds.Should().Throw<ArgumentOutOfRangeException>();
        var truncatedBounds = () => CalibrationOptions.TruncatedLinear(0.5, 0.9);
        truncatedBounds.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Applied_weights_must_be_finite_with_a_positive_finite_total()
    {
        var builder = new PopulationBuilder();
        for (int h = 1; h <= 2; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h * 10, Weight = 10, RegionCode = RegionCodes.Wuxi });
            builder.AddPerson(new PersonRecord { Id = h, HouseholdId = h * 10, Age = 40 });
        }

        var population = builder.Build();
        var result = WeightCalibration.Calibrate(population.Weight, [CalibrationMargin.Numeric("households", [1, 1], 30)], CalibrationOptions.Raking());
        result.Converged.Should().BeTrue();

        var apply = (double[] weights) => () => WeightCalibration.Apply(population, result with { Weights = weights });
        apply([0, 0]).Should().Throw<PopulationValidationException>().WithMessage("*the total weight of the 2 households is 0*");
        apply([1e308, 1e308]).Should().Throw<PopulationValidationException>().WithMessage("*the total weight of the 2 households overflows*");
        apply([15, double.NaN]).Should().Throw<PopulationValidationException>().WithMessage("*column 'weight', household row 1 (id 20): NaN is invalid*");
        apply([15, double.PositiveInfinity]).Should().Throw<PopulationValidationException>().WithMessage("*household row 1 (id 20): Infinity is invalid*");
    }

    [Fact]
    public void Unconverged_unbounded_calibration_is_reported_and_not_applied()
    {
        var builder = new PopulationBuilder();
        for (int h = 1; h <= 3; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = h == 3 ? 0 : 10, RegionCode = RegionCodes.Wuxi });
            builder.AddPerson(new PersonRecord { Id = h, HouseholdId = h, Age = 30 + (20 * h) });
        }

        var population = builder.Build();
        var margins = new[] { CalibrationMargin.Numeric("persons_over_60", [0, 1, 1], 25), CalibrationMargin.Numeric("households", [1, 1, 1], 30) };

        var unconverged = WeightCalibration.Calibrate(population.Weight, margins, CalibrationOptions.Raking() with { MaxIterations = 1, Tolerance = 1e-300 });
        unconverged.Converged.Should().BeFalse();
        unconverged.ToString().Should().Contain("DID NOT CONVERGE");
        var act = () => WeightCalibration.Apply(population, unconverged);
        act.Should().Throw<ArgumentException>().WithMessage("*did not converge*");

        var converged = WeightCalibration.Calibrate(population.Weight, margins, CalibrationOptions.Raking());
        converged.Weights.Should().HaveCount(3);
        converged.Weights[2].Should().Be(0, "a household with design weight 0 keeps weight 0");
        converged.Weights[1].Should().BeApproximately(25, 1e-9);
        converged.Weights[0].Should().BeApproximately(5, 1e-9);
        converged.Spread.Households.Should().Be(2);

        var zeroOnly = () => WeightCalibration.Calibrate(population.Weight, [CalibrationMargin.Numeric("third", [0, 0, 1], 5)], CalibrationOptions.Linear());
        zeroOnly.Should().Throw<ArgumentException>().WithMessage("Margin 'third' is zero for every household with a positive design weight*");
        var iterations = () => WeightCalibration.Calibrate(population.Weight, margins, CalibrationOptions.Linear() with { MaxIterations = 0 });
        iterations.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxIterations*");
    }

    [Fact]
    public void Weight_spread_reports_quantiles_cv_and_kish_effective_sample_size()
    {
        var spread = WeightSpread.Of([1, 1, 1, 1, 0], [1, 2, 3, 4, 0]);

        spread.Households.Should().Be(4);
        spread.MinRatio.Should().Be(1);
        spread.MaxRatio.Should().Be(4);
        spread.Median.Should().Be(2.5);
        spread.P25.Should().Be(1.75);
        spread.P95.Should().BeApproximately(3.85, 1e-12);
        spread.CoefficientOfVariation.Should().BeApproximately(Math.Sqrt(1.25) / 2.5, 1e-12);
        spread.EffectiveSampleSize.Should().BeApproximately(100.0 / 30, 1e-12);
        spread.DesignEffect.Should().BeApproximately(1 + (1.25 / 6.25), 1e-12);
        spread.NegativeWeights.Should().Be(0);
    }

    [Fact]
    public void Linear_weights_can_be_negative_and_are_then_not_applied()
    {
        var builder = new PopulationBuilder();
        for (int h = 1; h <= 3; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = 10, RegionCode = RegionCodes.Wuxi });
            builder.AddPerson(new PersonRecord { Id = h, HouseholdId = h, Age = 30 + (20 * h) });
        }

        var population = builder.Build();
        var result = WeightCalibration.Calibrate(population.Weight, [CalibrationMargin.Numeric("households", [1, 1, 1], 30), CalibrationMargin.Numeric("age", [50, 70, 90], 2900)], CalibrationOptions.Linear());

        result.Converged.Should().BeTrue();
        result.Spread.NegativeWeights.Should().Be(1);
        result.ToString().Should().Contain("NEGATIVE");
        var act = () => WeightCalibration.Apply(population, result);
        act.Should().Throw<ArgumentException>().WithMessage("*negative weight*");

        var bounded = WeightCalibration.Calibrate(population.Weight, [CalibrationMargin.Numeric("households", [1, 1, 1], 30), CalibrationMargin.Numeric("age", [50, 70, 90], 2200)], CalibrationOptions.Logit(0, 3));
        WeightCalibration.Apply(population, bounded).Weight.ToArray().Should().Equal(bounded.Weights);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Synthetic_population_is_calibrated_to_perturbed_margins(string method)
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 3_000, Seed = 99 });
        int n = population.HouseholdCount;
        var area = new int[n];
        var persons = new double[n];
        var aged65 = new double[n];
        var income = new double[n];
        for (int h = 0; h < n; h++)
        {
            area[h] = (int)population.Area[h];
            for (int p = population.MemberStart[h]; p < population.MemberStart[h + 1]; p++)
            {
                persons[h]++;
                aged65[h] += population.Age[p] >= 65 ? 1 : 0;
                income[h] += population.WagesAnnual[p] + population.LabourRemunerationAnnual[p] + population.BusinessIncomeAnnual[p] + population.PropertyIncomeAnnual[p]
                             + population.PrivateTransfersAnnual[p] + population.PensionIncomeAnnual[p];
            }
        }

        double Total(Func<int, double> value) => Enumerable.Range(0, n).Sum(h => population.Weight[h] * value(h));
        var margins = new[]
        {
            CalibrationMargin.Categorical("area", area, [Total(h => area[h] == 0 ? 1 : 0) * 1.03, Total(h => area[h] == 1 ? 1 : 0) * 0.96]),
            CalibrationMargin.Numeric("persons", persons, Total(h => persons[h]) * 1.01),
            CalibrationMargin.Numeric("persons_65_plus", aged65, Total(h => aged65[h]) * 1.06),
            CalibrationMargin.Numeric("income", income, Total(h => income[h]) * 1.04),
        };
        var options = Options(method);

        var result = WeightCalibration.Calibrate(population.Weight, margins, options);

        result.Converged.Should().BeTrue(result.ToString());
        var calibrated = WeightCalibration.Apply(population, result);
        double WeightedTotal(double[] values) => Enumerable.Range(0, n).Sum(h => calibrated.Weight[h] * values[h]);
        WeightedTotal(persons).Should().BeApproximately(margins[1].Totals[0], 1e-9 * margins[1].Totals[0]);
        WeightedTotal(aged65).Should().BeApproximately(margins[2].Totals[0], 1e-9 * margins[2].Totals[0]);
        WeightedTotal(income).Should().BeApproximately(margins[3].Totals[0], 1e-9 * margins[3].Totals[0]);
        calibrated.WeightedPersons.Should().BeApproximately(margins[1].Totals[0], 1e-9 * margins[1].Totals[0]);
        calibrated.WeightedHouseholds.Should().BeApproximately(margins[0].Totals.Sum(), 1e-9 * margins[0].Totals.Sum());
        result.Spread.EffectiveSampleSize.Should().BeInRange(n / 3.0, n);
        if (options.IsBounded)
        {
            result.Spread.MinRatio.Should().BeGreaterThanOrEqualTo(options.LowerBound);
            result.Spread.MaxRatio.Should().BeLessThanOrEqualTo(options.UpperBound);
        }
    }

    private static CalibrationOptions Options(string method) => method switch
    {
        "linear" => CalibrationOptions.Linear(),
        "raking" => CalibrationOptions.Raking(),
        "truncated" => CalibrationOptions.TruncatedLinear(0.5, 2),
        "logit" => CalibrationOptions.Logit(0.4, 2.5),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method"),
    };

    /// <summary>A random sample: area (2 categories), size class (3), elderly count, income (yuan, with some losses).</summary>
    private sealed record Sample(double[] Design, int[] Area, int[] SizeClass, double[] Elderly, double[] Income)
    {
        public int Count => Design.Length;

        public static Sample Random(int count, int seed)
        {
            var random = new Random(seed);
            var design = new double[count];
            var area = new int[count];
            var size = new int[count];
            var elderly = new double[count];
            var income = new double[count];
            for (int h = 0; h < count; h++)
            {
                design[h] = 50 + (100 * random.NextDouble());
                area[h] = random.NextDouble() < 0.6 ? 0 : 1;
                size[h] = random.Next(3);
                elderly[h] = random.Next(3);
                income[h] = random.NextDouble() < 0.05 ? -5_000 * random.NextDouble() : 20_000 + (150_000 * random.NextDouble() * random.NextDouble());
            }

            return new Sample(design, area, size, elderly, income);
        }

        /// <summary>Design totals perturbed by up to ±spread; the size classes rescaled to the perturbed household count.</summary>
        public CalibrationMargin[] PerturbedMargins(int seed, double spread = 0.05)
        {
            var random = new Random(seed);
            double Factor() => 1 + (spread * ((2 * random.NextDouble()) - 1));
            double Total(Func<int, double> value) => Enumerable.Range(0, Count).Sum(h => Design[h] * value(h));
            double[] areaTotals = [Total(h => Area[h] == 0 ? 1 : 0) * Factor(), Total(h => Area[h] == 1 ? 1 : 0) * Factor()];
            double[] sizeTotals = Enumerable.Range(0, 3).Select(c => Total(h => SizeClass[h] == c ? 1 : 0) * Factor()).ToArray();
            double households = areaTotals.Sum(), sizes = sizeTotals.Sum();
            sizeTotals = sizeTotals.Select(t => t * households / sizes).ToArray();
            return
            [
                CalibrationMargin.Categorical("area", Area, areaTotals),
                CalibrationMargin.Categorical("size", SizeClass, sizeTotals),
                CalibrationMargin.Numeric("elderly", Elderly, Total(h => Elderly[h]) * Factor()),
                CalibrationMargin.Numeric("income", Income, Total(h => Income[h]) * Factor()),
            ];
        }

        /// <summary>Independent check of Σ wₕxₕ against every total.</summary>
        public void AssertMeets(CalibrationMargin[] margins, double[] weights, double relative)
        {
            void Check(string name, double achieved, double target)
                => achieved.Should().BeApproximately(target, relative * Math.Abs(target), name);

            for (int c = 0; c < 2; c++)
            {
                Check($"area={c}", Enumerable.Range(0, Count).Where(h => Area[h] == c).Sum(h => weights[h]), margins[0].Totals[c]);
            }

            for (int c = 0; c < 3; c++)
            {
                Check($"size={c}", Enumerable.Range(0, Count).Where(h => SizeClass[h] == c).Sum(h => weights[h]), margins[1].Totals[c]);
            }

            Check("elderly", Enumerable.Range(0, Count).Sum(h => weights[h] * Elderly[h]), margins[2].Totals[0]);
            Check("income", Enumerable.Range(0, Count).Sum(h => weights[h] * Income[h]), margins[3].Totals[0]);
        }
    }
}
