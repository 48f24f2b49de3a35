using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

// docs/worked-examples.md#example-8 through the packed package: a 3-person Hangzhou household with 18,000 yuan/year.
var calculator = new HouseholdCalculator(Policies.Standard(), ParameterStore.Default);
var result = calculator.Calculate(
    new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban },
    [
        new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 18_000 },
        new PersonRecord { Id = 2, HouseholdId = 1, Age = 38 },
        new PersonRecord { Id = 3, HouseholdId = 1, Age = 10 },
    ],
    new DateOnly(2023, 6, 30));
double benefit = result.HouseholdValue("dibao.benefit_monthly");
Console.WriteLine($"consumer: dibao benefit {benefit:0.00} yuan/month");
return Math.Abs(benefit - 1250.0) < 1e-9 ? 0 : 1;
