using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

/// <summary>docs/worked-examples.md#example-7 and the employee-pension rules (docs/rules/pension.employee.md).</summary>
public class EmployeePensionWorkedExampleTests
{
    private static readonly AnnuityDivisorTable Divisors = EmployeePensionTerms.ResolveDivisors(ParameterStore.Default, new DateOnly(2023, 7, 1));

    [Fact]
    public void Example_7_basic_plus_account_at_60_55_and_50()
    {
        var basic = EmployeePensionFormulas.BasicPension(new MonthlyYuan(8000), 1.0, 30);
        basic.Rounded().Should().Be(2400.00m);
        var pension = EmployeePensionFormulas.Pension(new MonthlyYuan(8000), 1.0, 30, 150_000, 60, Divisors);
        pension.AccountPension.Rounded().Should().Be(1079.14m);
        pension.Total.Rounded().Should().Be(3479.14m);
        EmployeePensionFormulas.AccountPension(150_000, 55, Divisors).Rounded().Should().Be(882.35m);
        EmployeePensionFormulas.AccountPension(150_000, 50, Divisors).Rounded().Should().Be(769.23m);
    }

    [Fact]
    public void Example_7_second_case_low_index_short_career()
        => EmployeePensionFormulas.BasicPension(new MonthlyYuan(8000), 0.6, 20).Rounded().Should().Be(1280.00m);

    [Fact]
    public void Divisor_table_covers_40_to_70_with_the_agreed_anchor_values()
    {
        Divisors.FirstAge.Should().Be(40);
        Divisors.LastAge.Should().Be(70);
        Divisors.Divisors.Should().HaveCount(31);
        Divisors.DivisorAt(40).Should().Be(233);
        Divisors.DivisorAt(50).Should().Be(195);
        Divisors.DivisorAt(55).Should().Be(170);
        Divisors.DivisorAt(60).Should().Be(139);
        Divisors.DivisorAt(70).Should().Be(56);
        var outside = () => Divisors.DivisorAt(71);
        outside.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*40–70*");
    }

    [Theory]
    [InlineData(3_000, 4_800)]    // below 60% of 8,000: floor
    [InlineData(8_000, 8_000)]    // within the band: the wage
    [InlineData(30_000, 24_000)]  // above 300%: ceiling
    public void Contribution_base_is_clamped_to_60_to_300_percent(double wage, double expectedBase)
    {
        var contribution = EmployeePensionFormulas.Contribution(wage, 8_000, 0.6, 3.0, 0.16, 0.08);
        contribution.ContributionBase.Should().Be(expectedBase);
        contribution.Employer.Should().BeApproximately(0.16 * expectedBase, 1e-9);
        contribution.Employee.Should().BeApproximately(0.08 * expectedBase, 1e-9);
    }

    [Fact]
    public void Rates_and_minimum_years_follow_the_dated_national_parameters()
    {
        var store = ParameterStore.Default;
        var china = store.Regions.Root;
        store.Resolve(EmployeePensionNames.Parameters.EmployerRate, new DateOnly(2019, 4, 30), china).Scalar().Should().Be(0.20);
        store.Resolve(EmployeePensionNames.Parameters.EmployerRate, new DateOnly(2019, 5, 1), china).Scalar().Should().Be(0.16);
        store.Resolve(EmployeePensionNames.Parameters.EmployeeRate, new DateOnly(2023, 1, 1), china).Scalar().Should().Be(0.08);
        store.Resolve(EmployeePensionNames.Parameters.BaseFloorRatio, new DateOnly(2023, 1, 1), china).Scalar().Should().Be(0.6);
        store.Resolve(EmployeePensionNames.Parameters.BaseCeilingRatio, new DateOnly(2023, 1, 1), china).Scalar().Should().Be(3.0);
        store.Resolve(EmployeePensionNames.Parameters.MinimumYears, new DateOnly(2029, 12, 31), china).Scalar().Should().Be(15);
        store.Resolve(EmployeePensionNames.Parameters.MinimumYears, new DateOnly(2030, 1, 1), china).Scalar().Should().Be(15.5);
        store.Resolve(EmployeePensionNames.Parameters.MinimumYears, new DateOnly(2039, 6, 1), china).Scalar().Should().Be(20);
        store.Resolve(EmployeePensionNames.Parameters.AccountInterestRate, new DateOnly(2016, 6, 1), china).Scalar().Should().Be(0.0831);
        store.Resolve(EmployeePensionNames.Parameters.AccountInterestRate, new DateOnly(2025, 6, 1), china).Scalar().Should().Be(0.015);
        EmployeePensionFormulas.MeetsMinimumYears(14.9, 15).Should().BeFalse();
        EmployeePensionFormulas.MeetsMinimumYears(15, 15).Should().BeTrue();
    }

    [Fact]
    public void Occupational_annuity_accumulates_within_the_limits()
    {
        var limits = EmployeePensionTerms.ResolveAnnuityLimits(ParameterStore.Default, new DateOnly(2023, 1, 1));
        limits.Should().Be(new AnnuityLimits(0.08, 0.12));
        double[] wages = [100_000, 100_000];
        // Year 1: 12,000; year 2: 12,000 × 1.05 + 12,000 = 24,600.
        OccupationalAnnuity.Accumulate(wages, 0.08, 0.04, 0.05, limits).Should().BeApproximately(24_600, 1e-9);
        var employerTooHigh = () => OccupationalAnnuity.CheckRates(0.09, 0.0, limits);
        employerTooHigh.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("employerRate");
        var totalTooHigh = () => OccupationalAnnuity.CheckRates(0.08, 0.05, limits);
        totalTooHigh.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("employeeRate");
    }
}

public class EmployeePensionTermsTests
{
    [Fact]
    public void Example_7_through_the_national_rules_and_the_minimum_years()
    {
        var rules = EmployeePensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), Regions.RegionCodes.Hangzhou);
        rules.EmployerRate.Should().Be(0.16);
        rules.EmployeeRate.Should().Be(0.08);
        rules.MinimumYears.Should().Be(15);
        rules.Pension(new MonthlyYuan(8000), 1.0, 30, 150_000, 60)!.Value.Total.Rounded().Should().Be(3479.14m);
        rules.Pension(new MonthlyYuan(8000), 1.0, 14, 150_000, 60).Should().BeNull("14 years fall short of 15");
        rules.Contribution(30_000, 8_000).ContributionBase.Should().Be(24_000);
    }
}
