// The resident pension over a life: contribution histories valued under the rules in force and a life table
// (expected present values, money's worth, internal rate of return), then Jiangsu's village-collective subsidy
// (Wuxi and Changzhou pilots, 80 yuan a year [D]) carried to Inner Mongolia as a reform.
using System.Globalization;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Pensions.Rules;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var date = new DateOnly(2024, 6, 30);
const double discountRate = 0.03; // a real discount rate: an illustrative choice [I]
var store = ParameterStore.Default;
var lifeTable = LifeTable.Resolve(store, date);

// 1. Typical histories in three provinces: 15 years from age 45, at the lowest tier as a dibao recipient, and at
//    three chosen tiers. The basic pension is flat, so the money's worth falls as the tier rises.
Console.WriteLine($"Resident pension, lifetime view at {date:yyyy-MM-dd} rules, discount rate {discountRate:P0} [I], life table {lifeTable.FirstAge}–{lifeTable.LastAge}");
Console.WriteLine($"{"region",-28} {"history",-34} {"pension/mo",10} {"EPV own",10} {"EPV public",11} {"EPV benefits",12} {"money's worth",13} {"IRR",7}");
foreach (var region in new[] { RegionCodes.Zhejiang, RegionCodes.Xinjiang, RegionCodes.Ulanqab })
{
    var terms = ResidentPensionTerms.Resolve(store, date, region);
    foreach (var (label, history) in Histories(terms))
    {
        Print(store.Regions[store.Regions.GetId(region)].Pinyin, label, ResidentPensionLifetime.Evaluate(history, terms, lifeTable, discountRate));
    }
}

// 2. The reform: a village-collective subsidy of 80 yuan a year (Jiangsu's pilot value, an upper bound [D]) for rural
//    contributors throughout Inner Mongolia from 2024. It credits the account, so it shows in the lifetime view, not
//    in this year's income.
double collective = store.Resolve(ResidentPensionNames.Parameters.CollectiveSubsidy, date, RegionCodes.Wuxi).PerYear();
var reform = Reform.Create("Jiangsu collective subsidy in Inner Mongolia")
    .Set(ResidentPensionNames.Parameters.CollectiveSubsidy, RegionCodes.InnerMongolia, new DateOnly(2024, 1, 1), collective);
var before = ResidentPensionTerms.Resolve(store, date, RegionCodes.Ulanqab);
var after = ResidentPensionTerms.Resolve(store.WithReform(reform), date, RegionCodes.Ulanqab);
Console.WriteLine();
Console.WriteLine($"{reform.Name}: {collective:N0} yuan/year credited to each rural contributor's account (Ulanqab):");
foreach (var (label, history) in Histories(before))
{
    var b = ResidentPensionLifetime.Evaluate(history, before, lifeTable, discountRate);
    var a = ResidentPensionLifetime.Evaluate(history, after, lifeTable, discountRate);
    Console.WriteLine($"  {label,-34} pension {b.MonthlyPension.Value,8:N2} → {a.MonthlyPension.Value,8:N2} yuan/month; collective paid {a.CollectivePaid,7:N0}; EPV benefits +{a.ExpectedPresentValueOfBenefits - b.ExpectedPresentValueOfBenefits,7:N0}");
}

// The worked example's check (docs/worked-examples.md#example-4): tier 300 + subsidy 40 + collective 80 = 420 a year; 15 years
// without interest give 6,300, and 6,300 / 139 = 45.32 yuan a month.
double accountPension = Math.Round(15 * (300 + 40 + collective) / 139, 2, MidpointRounding.AwayFromZero);
Console.WriteLine();
Console.WriteLine($"docs/worked-examples.md#example-4 (no interest): 15 × (300 + 40 + {collective:N0}) / 139 = {accountPension:N2} yuan/month");
return accountPension == 45.32 ? 0 : 1;

static IEnumerable<(string Label, ResidentPensionHistory History)> Histories(ResidentPensionTerms terms)
{
    double lowest = terms.LowestTier.Value;
    yield return ($"dibao, lowest tier {lowest:N0}, 15 y", ResidentPensionHistory.Level(45, 15, terms.LowestTier, AssistanceStatus.DibaoRecipient));
    foreach (int index in new[] { 0, terms.Tiers.Length / 2, terms.Tiers.Length - 1 }.Distinct())
    {
        double tier = terms.Tiers[index];
        yield return ($"tier {tier:N0}, 15 y", ResidentPensionHistory.Level(45, 15, new AnnualYuan(tier)));
    }
}

static void Print(string region, string label, LifetimeValuation v)
    => Console.WriteLine($"{region,-28} {label,-34} {v.MonthlyPension.Value,10:N2} {v.ExpectedPresentValueOfOwnContributions,10:N0} {v.ExpectedPresentValueOfPublicContributions,11:N0} {v.ExpectedPresentValueOfBenefits,12:N0} {v.MoneysWorthRatio,13:0.00} {v.InternalRateOfReturn,7:P1}");
