// The medical layers on one bill: basic insurance, catastrophic insurance, medical assistance, the major-disease
// subsidy, the 90% ceiling and Hangzhou's household out-of-pocket cap (docs/rules/medical.md, docs/worked-examples.md#example-13 (examples 13–15)).
// A bill of 100,000 yuan, 90,000 of it within the policy scope, one tertiary admission, under the rules in force
// in three places, for an ordinary resident and for a dibao member.
using System.Globalization;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Regions;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var date = new DateOnly(2024, 6, 30);
var store = ParameterStore.Default;
var claim = new MedicalClaim(withinPolicy: 90_000, outOfPolicy: 10_000, HospitalLevel.Tertiary, admissions: 1);

Console.WriteLine($"Bill {claim.Total:N0} yuan ({claim.WithinPolicy:N0} within policy), tertiary hospital, {date:yyyy-MM-dd} rules");
Console.WriteLine($"{"place / person",-40} {"basic",9} {"catastr.",9} {"assist.",9} {"major d.",9} {"cap fund",9} {"OOP",9} {"reimb.",7}");
foreach (var place in new[] { RegionCodes.Ulanqab, RegionCodes.Kashgar, RegionCodes.Hangzhou })
{
    var (schedule, cap) = MedicalPayoutProgram.TermsInForce(store, date, store.Regions.GetId(place));
    string name = store.Regions[store.Regions.GetId(place)].Pinyin;
    foreach (var group in new[] { AssistanceGroup.None, AssistanceGroup.Dibao })
    {
        // Person-level layers, then the household cap (a one-person household here).
        Span<MedicalPayout> household = [schedule.Compute(claim, group)];
        HouseholdBurdenCapTerms.Apply(household, cap.Enabled ? cap.CapFor(group) : null);
        var p = household[0];
        Console.WriteLine($"{name + ", " + (group == AssistanceGroup.None ? "ordinary resident" : "dibao member"),-40} {p.BasicInsurance,9:N2} {p.CatastrophicInsurance,9:N2} {p.MedicalAssistance,9:N2} {p.MajorDiseaseSubsidy,9:N2} {p.HouseholdCap,9:N2} {p.OutOfPocket,9:N2} {p.ReimbursedShare,7:P1}");
    }
}

Console.WriteLine();
Console.WriteLine("Layers run in order on what the previous ones left; out-of-policy costs are never reimbursed except by the household cap.");
Console.WriteLine("Hangzhou's cap K (3,000 for dibao households) is local [L] but its mapping to families is illustrative [I]; the dibao");
Console.WriteLine("member's catastrophic and assistance terms use illustrative [I] or unverified [U] values where docs/rules/medical.md says so.");

// docs/worked-examples.md#example-13: Ulanqab, ordinary resident, out of pocket 29,712.
var (ulanqab, _) = MedicalPayoutProgram.TermsInForce(store, date, store.Regions.GetId(RegionCodes.Ulanqab));
// Amounts are unrounded doubles; rounding half away from zero to 0.01 happens at outputs (docs/money.md).
decimal oop = Yuan.Round(ulanqab.Compute(claim).OutOfPocket);
if (oop != 29_712.00m)
{
    Console.Error.WriteLine($"Expected an out-of-pocket 29,712.00 for docs/worked-examples.md#example-13; got {oop:N2}.");
    return 1;
}

return 0;
