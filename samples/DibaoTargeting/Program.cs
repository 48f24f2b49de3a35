// Dibao targeting: who is truly eligible, who applies, who is identified (漏保 exclusion errors) and who is covered
// in error (错保), on synthetic Xinjiang and Inner Mongolia populations. Every rate is an illustrative default [I].
// Then Xinjiang's information platform carried to Inner Mongolia as a lower exclusion-error rate: the per-household
// draws stay the same, so the reform only adds recipients.
using System.Globalization;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Programs;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int persons = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var date = new DateOnly(2024, 6, 30);
var store = ParameterStore.Default;
var policy = AssistancePolicies.ExtendedWithTargeting(); // dibao and dibao-marginal run through TargetedProgram

Console.WriteLine($"{"province / scenario",-46} {"take-up",8} {"exclusion",10} {"eligible",11} {"recipients",11} {"coverage",9} {"excluded",9} {"leakage",8} {"dibao",12}");
Console.WriteLine($"{"",-46} {"rate [I]",8} {"rate [I]",10} {"households",11} {"households",11} {"",9} {"",9} {"",8} {"bn yuan/yr",12}");
foreach (var province in new[] { RegionCodes.Xinjiang, RegionCodes.InnerMongolia })
{
    string name = store.Regions[store.Regions.GetId(province)].Pinyin;
    var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = province, Persons = persons });
    var baseline = Microsimulation.Run(population, policy, store, date);
    Print($"{name}: baseline", store, province, baseline);

    if (province == RegionCodes.InnerMongolia)
    {
        double platform = store.Resolve(TargetedProgram.ExclusionErrorRate("dibao"), date, RegionCodes.Xinjiang).Scalar();
        var reform = Reform.Create("information platform (as Xinjiang)")
            .Set(TargetedProgram.ExclusionErrorRate("dibao"), province, new DateOnly(2024, 1, 1), platform);
        var reformedStore = store.WithReform(reform);
        var reformed = Microsimulation.Run(population, policy, reformedStore, date);
        Print($"  {reform.Name}", reformedStore, province, reformed);
        var before = TargetingReport.Compute(baseline, "dibao");
        var after = TargetingReport.Compute(reformed, "dibao");
        if (after.EligibleRecipients < before.EligibleRecipients || after.IneligibleRecipients != before.IneligibleRecipients)
        {
            Console.Error.WriteLine("A lower exclusion error must keep every baseline recipient and change no inclusion error.");
            return 1;
        }
    }
}

Console.WriteLine();
Console.WriteLine("coverage = truly eligible receiving / truly eligible; excluded = eligible applicants not identified / truly eligible (漏保);");
Console.WriteLine("leakage = recipients not truly eligible / recipients (错保). Households weighted. Synthetic populations; rates are [I].");
return 0;

void Print(string label, ParameterStore parameters, string province, SimulationResult run)
{
    var r = TargetingReport.Compute(run, "dibao");
    double takeUp = parameters.Resolve(TargetedProgram.TakeUpRate("dibao"), date, province).Scalar();
    double exclusion = parameters.Resolve(TargetedProgram.ExclusionErrorRate("dibao"), date, province).Scalar();
    Console.WriteLine($"{label,-46} {takeUp,8:P0} {exclusion,10:P0} {r.TrulyEligible,11:N0} {r.Recipients,11:N0} {r.Coverage,9:P1} {r.ExclusionRate,9:P1} {r.Leakage,8:P1} {run.AnnualTotal(DibaoProgram.Benefit.Name) / 1e9,12:N3}");
}
