// One household, explained: the README's first example (docs/worked-examples.md#example-8). A Hangzhou urban family of
// three with 18,000 yuan of wages a year, under the built-in policy package and parameters on 2023-06-30. The
// calculator prints every output, every rule step and every parameter it used, with its provenance tag ([P] from the
// study, [I] illustrative …) and source.
using System.Globalization;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var calculator = new HouseholdCalculator(Policies.Standard(), ParameterStore.Default);
var result = calculator.CalculateExplained(
    new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban },
    [
        new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 18_000 },
        new PersonRecord { Id = 2, HouseholdId = 1, Age = 38 },
        new PersonRecord { Id = 3, HouseholdId = 1, Age = 10 },
    ],
    new DateOnly(2023, 6, 30));

Console.WriteLine(result);
Console.WriteLine();
Console.WriteLine($"Market income:     {result.Income(IncomeConcept.Market).Value,12:N2} yuan/year");
Console.WriteLine($"Disposable income: {result.Income(IncomeConcept.Disposable).Value,12:N2} yuan/year");

// The worked example's check: S = 11,000 yuan/year per person (Zhejiang), so 3 × 11,000 − 18,000 = 15,000 a year.
double benefit = result.HouseholdValue("dibao.benefit_monthly");
if (Math.Abs(benefit - 1_250.00) > 0.005)
{
    Console.Error.WriteLine($"Expected a dibao benefit of 1,250.00 yuan/month (docs/worked-examples.md#example-8); got {benefit:N2}.");
    return 1;
}

return 0;
