using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Urban-rural resident basic pension (城乡居民基本养老保险) over a population: each year's contribution by payer
/// for contributors, and the monthly pension for pensioners. docs/rules/pension.resident.md.
/// </summary>
/// <remarks>
/// <para>Legal basis: 国发〔2014〕8号 (merged resident scheme), continuing 国发〔2009〕32号; local rules as data.</para>
/// <para>Inputs: the person columns of <see cref="ResidentPensionSchema"/>, the built-in age, employment, place of
/// hukou and household area. Enrolment is at the place of hukou (国发〔2014〕8号 art. 3), so each person is
/// computed with the parameters of their hukou region (<see cref="Population.HukouRegion"/>, which is
/// the household's region unless the data say otherwise). Rules, per person:</para>
/// <list type="bullet">
/// <item><b>Contributors:</b> aged from <c>pension.resident.minimum_contribution_age</c> (16) to below the pension
/// age (60), not in full-time education, with a chosen tier &gt; 0. The chosen amount is snapped to a listed tier
/// (<see cref="ResidentPensionTiers.Applicable"/>). The government pays its share of the <i>lowest</i> tier for
/// destitute persons (Xinjiang 100% [P]) and dibao recipients (Xinjiang 50% [P]), never more than the tier; the
/// person pays the rest. The subsidy is max(schedule, national floor) on the whole tier; rural contributors
/// (households in a rural area) also get the collective subsidy. People in the employee pension should carry tier 0: the program cannot see
/// other pension schemes.</item>
/// <item><b>Pensioners:</b> at or above the pension age with at least the required contribution years: 15, or
/// under the transitional rule only the years left to 60 when the scheme started, and none for people already 60
/// then (see <see cref="ResidentPensionCalculator.RequiredYears"/>; the scheme start year is a parameter, 2009
/// nationally). Benefit = basic pension + age top-up + old-age allowance + long-contribution top-up +
/// account balance ÷ 139, yuan per month. Eligible persons get the pension whatever their tier column says.</item>
/// </list>
/// <para>Outputs: the own contribution (a pension contribution in the income concepts; savings in the person's
/// account, not public revenue), the government-paid contribution and the subsidy (not household income this year,
/// but public spending), the collective subsidy (neither: village collectives pay it), the monthly benefit (a
/// total, read by means tests), split into its government-financed part (basic pension and top-ups: a non-contributory
/// transfer and public spending) and its account part (the person's own deferred savings: a contributory pension in
/// the CEQ income concepts, not public spending). Nothing is rounded.</para>
/// </remarks>
public sealed class ResidentPensionProgram : PolicyProgram
{
    /// <summary>Output: the contribution paid by the person, yuan per year.</summary>
    public static readonly VariableDefinition OwnContribution = new("pension.resident.own_contribution_annual", Entity.Person, AmountPeriod.Year, IncomeRole.PensionContribution, "Resident pension contribution paid by the person, yuan per year");

    /// <summary>Output: the contribution the government pays on the person's behalf (代缴), yuan per year (fiscal view).</summary>
    public static readonly VariableDefinition GovernmentPaidContribution = new("pension.resident.government_paid_contribution_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Resident pension contribution paid by the government on the person's behalf (代缴), yuan per year", FiscalFlow.PublicSpending);

    /// <summary>Output: the government contribution subsidy s(t), yuan per year (fiscal view).</summary>
    public static readonly VariableDefinition Subsidy = new("pension.resident.subsidy_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Government subsidy credited to the resident pension account, yuan per year", FiscalFlow.PublicSpending);

    /// <summary>Output: the village-collective subsidy, yuan per year.</summary>
    public static readonly VariableDefinition CollectiveSubsidy = new("pension.resident.collective_subsidy_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Village-collective subsidy credited to the resident pension account, yuan per year", FiscalFlow.None);

    /// <summary>Output: the resident pension received, yuan per month: <see cref="PublicBenefit"/> + <see cref="AccountBenefit"/>. Not itself in the income concepts (its two parts are), so means tests can read the total without double counting.</summary>
    public static readonly VariableDefinition Benefit = new("pension.resident.benefit_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Resident pension received (basic pension + top-ups + account pension), yuan per month", FiscalFlow.None);

    /// <summary>Output: the government-financed part of the pension (basic pension and top-ups), yuan per month: a non-contributory transfer in the CEQ income concepts and public spending.</summary>
    public static readonly VariableDefinition PublicBenefit = new("pension.resident.public_benefit_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.DirectTransfer, "Government-financed part of the resident pension (basic pension and top-ups), yuan per month");

    /// <summary>Output: the account pension (balance ÷ 139), yuan per month: deferred own savings, a contributory pension in the CEQ income concepts, not public spending.</summary>
    public static readonly VariableDefinition AccountBenefit = new("pension.resident.account_benefit_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.ContributoryPension, "Account part of the resident pension (balance ÷ divisor), yuan per month", FiscalFlow.None);


    /// <inheritdoc />
    public override string Name => "pension.resident";

    /// <summary>The resident pension, and Zhejiang's 80+ old-age allowance, which it pays as a top-up.</summary>
    public override IReadOnlyList<string> Pays { get; } = ["resident_pension", "old_age_allowance"];

    /// <inheritdoc />
    public override string Description => "Urban-rural resident basic pension: contributions by payer (own, government-paid for dibao and destitute persons, subsidy, collective) and the monthly pension from 60 after 15 years (国发〔2014〕8号).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = ResidentPensionSchema.All;

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [OwnContribution, GovernmentPaidContribution, Subsidy, CollectiveSubsidy, Benefit, PublicBenefit, AccountBenefit];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = ResidentPensionParameters.All;

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        // Rules are resolved once for every place of hukou present (a person may live outside their hukou region).
        var rules = new ResidentPensionRules[setup.Regions.Count];
        foreach (var region in setup.Population.HukouRegion)
        {
            rules[region.Index] ??= ResidentPensionRules.Resolve(setup.Parameters, setup.Date, region);
        }

        return new Pass(rules);
    }

    private sealed class Pass(ResidentPensionRules[] rules) : ProgramPass
    {
        private const string Program = "pension.resident";

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var hukouRegion = population.HukouRegion;
            var area = population.Area;
            var ages = population.Age;
            var employment = population.Employment;
            var ids = population.PersonId;
            var tierColumn = context.Read(ResidentPensionSchema.TierAnnual);
            var yearsColumn = context.Read(ResidentPensionSchema.ContributionYears);
            var balanceColumn = context.Read(ResidentPensionSchema.AccountBalance);
            var dibaoColumn = context.Read(ResidentPensionSchema.DibaoRecipient);
            var destituteColumn = context.Read(ResidentPensionSchema.Destitute);
            var own = context.Write(OwnContribution.Name);
            var government = context.Write(GovernmentPaidContribution.Name);
            var subsidy = context.Write(Subsidy.Name);
            var collective = context.Write(CollectiveSubsidy.Name);
            var benefit = context.Write(Benefit.Name);
            var publicBenefit = context.Write(PublicBenefit.Name);
            var accountBenefit = context.Write(AccountBenefit.Name);

            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                bool rural = area[h] == AreaType.Rural;
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    var r = rules[hukouRegion[p].Index];
                    double chosen = tierColumn[p], years = yearsColumn[p], balance = balanceColumn[p];
                    if (chosen < 0 || years < 0 || balance < 0 || dibaoColumn[p] is not (0 or 1) || destituteColumn[p] is not (0 or 1))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                            $"Person {ids[p]}: '{ResidentPensionSchema.TierAnnual}' ({chosen}), '{ResidentPensionSchema.ContributionYears}' ({years}) and '{ResidentPensionSchema.AccountBalance}' ({balance}) must be ≥ 0, and the flags '{ResidentPensionSchema.DibaoRecipient}' ({dibaoColumn[p]}) and '{ResidentPensionSchema.Destitute}' ({destituteColumn[p]}) 0 or 1."));
                    }

                    int age = ages[p];
                    var status = destituteColumn[p] == 1 ? AssistanceStatus.Destitute
                        : dibaoColumn[p] == 1 ? AssistanceStatus.DibaoRecipient
                        : AssistanceStatus.None;
                    bool contributes = age >= r.MinimumContributionAge && age < r.PensionAge && employment[p] != EmploymentStatus.Student && chosen > 0;
                    var credit = contributes ? r.ContributionFor(r.Snap(chosen), status, rural) : ResidentContribution.None;
                    own[p] = credit.Own.Value;
                    government[p] = credit.GovernmentPaid.Value;
                    subsidy[p] = credit.Subsidy.Value;
                    collective[p] = credit.Collective.Value;

                    var pension = r.Benefit(age, years, balance);
                    benefit[p] = pension.Total.Value;
                    publicBenefit[p] = pension.PublicFunding.Value;
                    accountBenefit[p] = pension.AccountPension.Value;

                    if (context.Explanation is { } explain)
                    {
                        Explain(explain, r, ids[p], age, employment[p], chosen, status, rural, contributes, credit, years, balance, pension);
                    }
                }
            }
        }

        private static void Explain(Explanation explain, ResidentPensionRules r, long id, int age, EmploymentStatus employment, double chosen, AssistanceStatus status, bool rural, bool contributes, ResidentContribution credit, double years, double balance, ResidentBenefit pension)
        {
            var c = CultureInfo.InvariantCulture;
            if (age < r.PensionAge)
            {
                if (!contributes)
                {
                    explain.Record(Program, string.Create(c, $"person {id}, age {age}: no contribution (chosen tier {chosen:0.##}; contributes from {r.MinimumContributionAge} to below {r.PensionAge}, not a student, tier > 0; employment {employment})"), 0, "yuan/year", r.Source(ResidentPensionParameters.MinimumContributionAge), r.Source(ResidentPensionParameters.PensionAge));
                    return;
                }

                explain.Record(Program, string.Create(c, $"person {id}, age {age}: chosen {chosen:0.##} → applicable tier t (highest listed tier ≤ chosen)"), credit.Tier.Value, "yuan/year", r.Source(ResidentPensionParameters.Tiers));
                explain.Record(Program, string.Create(c, $"government-paid (代缴) = min(t, share × lowest tier {r.LowestTier.Value:0.##}), status {status}"), credit.GovernmentPaid.Value, "yuan/year", r.Source(ResidentPensionParameters.GovernmentPaidShareDibao), r.Source(ResidentPensionParameters.GovernmentPaidShareDestitute));
                explain.Record(Program, "own contribution = t − government-paid", credit.Own.Value, "yuan/year");
                explain.Record(Program, "subsidy s(t) = max(schedule(t), national floor(t))", credit.Subsidy.Value, "yuan/year", r.Source(ResidentPensionParameters.SubsidyThresholds), r.Source(ResidentPensionParameters.SubsidyAmounts), r.Source(ResidentPensionParameters.SubsidyFloorThresholds), r.Source(ResidentPensionParameters.SubsidyFloorAmounts));
                explain.Record(Program, rural ? "collective subsidy c (rural contributor)" : "collective subsidy c = 0 (urban contributor)", credit.Collective.Value, "yuan/year", r.Source(ResidentPensionParameters.CollectiveSubsidy));
                explain.Record(Program, "account credit A = own + government-paid + s + c (credited at year end)", credit.Credit.Value, "yuan/year");
                return;
            }

            double required = r.RequiredYears(age);
            if (!r.IsEligible(age, years))
            {
                explain.Record(Program, string.Create(c, $"person {id}, age {age}: {years:0.##} contribution years < {required:0.##} required (minimum, or the years left to {r.PensionAge} when the scheme started in {r.SchemeStartYear}) → no pension"), 0, "yuan/month", r.Source(ResidentPensionParameters.MinimumYears), r.Source(ResidentPensionParameters.SchemeStartYear));
                return;
            }

            explain.Record(Program, string.Create(c, $"person {id}, age {age}: {years:0.##} contribution years ≥ {required:0.##} required → pension"), null, string.Empty, r.Source(ResidentPensionParameters.PensionAge), r.Source(ResidentPensionParameters.MinimumYears), r.Source(ResidentPensionParameters.SchemeStartYear));
            explain.Record(Program, "basic pension", pension.BasicPension.Value, "yuan/month", r.Source(ResidentPensionParameters.BasicPension));
            explain.Record(Program, string.Create(c, $"top-ups: age top-up from {r.AgeTopUp.FromAge}, old-age allowance from {r.OldAgeAllowance.FromAge}, long-contribution top-up per year beyond {r.MinimumYears:0.##}"), pension.TopUps.Value, "yuan/month", r.Source(ResidentPensionParameters.AgeTopUpAmount), r.Source(ResidentPensionParameters.OldAgeAllowanceAmount), r.Source(ResidentPensionParameters.LongContributionTopUp));
            explain.Record(Program, string.Create(c, $"account pension = balance {balance:0.00} / {r.Divisor:0}"), pension.AccountPension.Value, "yuan/month", r.Source(ResidentPensionParameters.Divisor));
            explain.Record(Program, "pension = basic + top-ups + account pension", pension.Total.Value, "yuan/month");
        }
    }
}
