using CsCheck;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Insurance;

public class ContributionInvariantTests
{
    private static readonly Gen<(int Households, int Seed, int Year)> Samples = Gen.Select(Gen.Int[10, 300], Gen.Int, Gen.Int[2023, 2025]);

    private static SimulationResult Run(Population population, ParameterStore store, int year, int threads = 1, int blockSize = 16_384)
        => Microsimulation.Run(population, InsuranceRuns.Policy(), store, new DateOnly(year, 7, 1), new SimulationOptions { MaxDegreeOfParallelism = threads, BlockSize = blockSize });

    private static double Weighted(SimulationResult result, string name)
    {
        var values = result.Values(name);
        var weights = result.PersonWeights;
        double total = 0;
        for (int p = 0; p < values.Length; p++)
        {
            total += weights[p] * values[p];
        }

        return total;
    }

    [Fact]
    public void Every_yuan_of_social_insurance_contribution_is_public_revenue_and_no_yuan_of_housing_fund_is()
    {
        int contributors = 0;
        Samples.Sample(t =>
        {
            var population = InsuranceRuns.Build(t.Households, t.Seed);
            var result = Run(population, ParameterStore.Default, t.Year);

            // Independent sum: the seven contribution columns and the premium the person pays, weighted.
            double contributions = SocialInsuranceContributionsProgram.Contributions.Sum(c => Weighted(result, c.Name));
            double premiums = Weighted(result, ResidentMedicalPremiumProgram.Premium.Name);
            double housing = Weighted(result, HousingFundProgram.EmployeeShare.Name) + Weighted(result, HousingFundProgram.EmployerShare.Name);
            result.PublicRevenueAnnual.Should().BeApproximately(contributions + premiums, 1e-6 * Math.Max(1, contributions + premiums));
            result.PublicSpendingAnnual.Should().Be(0, "neither contributions, the housing fund nor the premium assistance is public spending");
            if (contributions > 0 && housing > 0)
            {
                Interlocked.Increment(ref contributors);
            }

            // Raising the housing-fund rate changes no revenue; raising a social-insurance rate changes revenue by the contribution change.
            var date = new DateOnly(t.Year, 1, 1);
            var moreHousing = Run(population, ParameterStore.Default.WithReform(Reform.Create("hf").Set(HousingFundProgram.ContributionRate, RegionCodes.China, date, 0.12)), t.Year);
            moreHousing.PublicRevenueAnnual.Should().BeApproximately(result.PublicRevenueAnnual, 1e-6 * Math.Max(1, result.PublicRevenueAnnual));
            var moreInjury = Run(population, ParameterStore.Default.WithReform(Reform.Create("wi").Scale(SocialInsuranceNames.WorkInjuryRates, RegionCodes.China, date, 2)), t.Year);
            double injury = Weighted(result, SocialInsuranceContributionsProgram.EmployerWorkInjury.Name);
            (moreInjury.PublicRevenueAnnual - result.PublicRevenueAnnual).Should().BeApproximately(injury, 1e-6 * Math.Max(1, result.PublicRevenueAnnual));
            ReformComparison.Compare(result, moreInjury).NetFiscalCostAnnual.Should().BeApproximately(-injury, 1e-6 * Math.Max(1, result.PublicRevenueAnnual), "more revenue is a negative net cost");
        }, iter: 25);

        contributors.Should().BeGreaterThan(10, "the samples must exercise both contributions and the housing fund");
    }

    [Fact]
    public void Contributions_are_never_negative_and_the_base_lies_in_the_band()
        => Samples.Sample(t =>
        {
            var population = InsuranceRuns.Build(t.Households, t.Seed);
            var result = Run(population, ParameterStore.Default, t.Year);
            var baseMonthly = result.Values(SocialInsuranceContributionsProgram.BaseMonthly.Name);
            for (int p = 0; p < population.PersonCount; p++)
            {
                foreach (var output in InsuranceRuns.Policy().Outputs)
                {
                    result.Values(output.Name)[p].Should().BeGreaterThanOrEqualTo(0, output.Name);
                }

                if (baseMonthly[p] > 0)
                {
                    // 2025: the lowest published floor (Inner Mongolia 4,907) and the highest ceiling (Xinjiang 25,344); 2023 and 2024: 60% of
                    // the lowest average (Inner Mongolia 87,601.58 [D]) to 300% of the highest (2023 Zhejiang 94,210.11 [D], 2024 Xinjiang 99,984 [U]), / 12.
                    double ceiling = t.Year == 2025 ? 25_344 : 3 * (t.Year == 2023 ? 94_210.11 : 99_984) / 12;
                    baseMonthly[p].Should().BeInRange(t.Year == 2025 ? 4_907 : 0.6 * 87_601.58 / 12, ceiling);
                }
            }
        }, iter: 25);

    [Fact]
    public void Results_do_not_depend_on_thread_count_or_block_size()
        => Gen.Select(Samples, Gen.Int[2, 4], Gen.Int[1, 100]).Sample(t =>
        {
            var ((households, seed, year), threads, blockSize) = t;
            var population = InsuranceRuns.Build(households, seed);
            var serial = Run(population, ParameterStore.Default, year);
            var parallel = Run(population, ParameterStore.Default, year, threads, blockSize);
            foreach (var output in InsuranceRuns.Policy().Outputs)
            {
                parallel.Values(output.Name).ToArray().Should().Equal(serial.Values(output.Name).ToArray(), "output {0}", output.Name);
            }
        }, iter: 15);
}
