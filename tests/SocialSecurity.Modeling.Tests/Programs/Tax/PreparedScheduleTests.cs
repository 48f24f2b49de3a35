using System.Collections.Immutable;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Tax;

namespace SocialSecurity.Modeling.Tests.Programs.Tax;

/// <summary>
/// The prepared schedule the income tax runs with (docs/architecture.md#rule-kernels) against the general loop of
/// <see cref="TaxSchedule"/>: the same tax, band and quick deduction, bit for bit, on random amounts and on both
/// sides of every band edge, for every schedule of the income tax and for malformed schedules.
/// </summary>
public class PreparedScheduleTests
{
    private static readonly DateOnly Date = new(2023, 7, 1);

    public static TheoryData<string, string> Schedules => new()
    {
        { IncomeTaxProgram.BandThresholds, IncomeTaxProgram.BandRates },
        { IncomeTaxProgram.BonusThresholds, IncomeTaxProgram.BonusRates },
        { IncomeTaxProgram.BusinessThresholds, IncomeTaxProgram.BusinessRates },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Prepared_schedules_give_the_general_loop_s_tax_bit_for_bit(string thresholdsName, string ratesName)
    {
        var national = ParameterStore.Default.Regions.Root;
        var thresholds = ParameterStore.Default.Resolve(thresholdsName, Date, national).Value.Items;
        var rates = ParameterStore.Default.Resolve(ratesName, Date, national).Value.Items;
        Same(thresholds, rates, Amounts(thresholds, seed: 1));
    }

    [Fact]
    public void Unusual_schedules_give_the_general_loop_s_tax_bit_for_bit()
    {
        // Rates that do not add up exactly in binary, a one-band schedule, a first threshold above 0.
        Same([0, 0.1, 1e7, 3e7], [0.03, 0.17, 0.29, 0.51], Amounts([0, 0.1, 1e7, 3e7], seed: 2));
        Same([0], [0.2], Amounts([0, 1], seed: 3));
        Same([500, 1000], [0.1, 0.3], Amounts([500, 1000], seed: 4));

        // Eight bands (the vector search's widest) and nine (the scalar count).
        Same([0, 1, 2.5, 10, 100, 1e3, 1e4, 1e5], [0.01, 0.02, 0.03, 0.05, 0.07, 0.11, 0.13, 0.17], Amounts([0, 1, 2.5, 10, 100, 1e3, 1e4, 1e5], seed: 6));
        Same([0, 1, 2.5, 10, 100, 1e3, 1e4, 1e5, 1e6], [0.01, 0.02, 0.03, 0.05, 0.07, 0.11, 0.13, 0.17, 0.19], Amounts([0, 1, 2.5, 10, 100, 1e3, 1e4, 1e5, 1e6], seed: 7));
    }

    [Fact]
    public void Malformed_schedules_keep_the_general_loop()
    {
        // Thresholds not ascending (a reform's typo): the general loop's answer, whatever it is.
        Same([0, 5000, 3000, 9000], [0.1, 0.2, 0.3, 0.4], Amounts([0, 3000, 5000, 9000], seed: 5));

        // Fewer rates than bands: the general loop's failure, where it failed before.
        var prepared = new PreparedSchedule([0, 1000, 2000], [0.1, 0.2]);
        prepared.Tax(500).Should().Be(TaxSchedule.Tax(500, [0, 1000, 2000], [0.1, 0.2]));
        FluentActions.Invoking(() => prepared.Tax(2500)).Should().Throw<IndexOutOfRangeException>();
    }

    /// <summary>Random amounts over the whole range, every edge, the doubles next to every edge, 0, negatives and NaN.</summary>
    private static double[] Amounts(ImmutableArray<double> thresholds, int seed)
    {
        var random = new Random(seed);
        var amounts = new List<double> { 0, -0.0, -1, double.NaN, double.PositiveInfinity, 1e-300 };
        double top = (thresholds[^1] * 2) + 1;
        foreach (var t in thresholds)
        {
            amounts.AddRange([t, Math.BitDecrement(t), Math.BitIncrement(t), t - 0.01, t + 0.01, t / 12, t * 12]);
        }

        for (int i = 0; i < 20_000; i++)
        {
            amounts.Add(random.NextDouble() * top);
            amounts.Add(Math.Round(random.NextDouble() * top, 2));
        }

        return [.. amounts];
    }

    private static void Same(ImmutableArray<double> thresholds, ImmutableArray<double> rates, double[] amounts)
    {
        var prepared = new PreparedSchedule(thresholds, rates);
        foreach (var amount in amounts)
        {
            BitConverter.DoubleToInt64Bits(prepared.Tax(amount)).Should().Be(BitConverter.DoubleToInt64Bits(TaxSchedule.Tax(amount, thresholds, rates)), $"the tax of {amount:R}");
            prepared.Band(amount).Should().Be(TaxSchedule.Band(amount, thresholds), $"the band of {amount:R}");
        }

        for (int band = 0; band < thresholds.Length; band++)
        {
            BitConverter.DoubleToInt64Bits(prepared.QuickDeduction(band)).Should().Be(BitConverter.DoubleToInt64Bits(TaxSchedule.QuickDeduction(band, thresholds, rates)), $"the quick deduction of band {band}");
        }
    }
}
