using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Urban-rural resident basic pension (城乡居民基本养老保险) over a population: each year's contribution by payer
/// for contributors, and the monthly pension for pensioners. docs/rules/pension.resident.md.
/// </summary>
/// <remarks>
/// <para>Legal basis: 国发〔2014〕8号 (merged resident scheme), continuing 国发〔2009〕32号; local rules as data.</para>
/// <para>Inputs: the person columns of <see cref="ResidentPensionNames.Columns"/>, the built-in age, employment, place of
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
/// then (see <see cref="ResidentPensionFormulas.RequiredYears"/>; the scheme start year is a parameter, 2009
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
public sealed class ResidentPensionProgram
    : RuleProgram
{
    private readonly string? _employeePension;

    /// <summary>Creates the program on its own: it cannot see the employee pension, so data must keep employee pensioners out (see the remarks).</summary>
    public ResidentPensionProgram()
        : this(null)
    {
    }

    /// <summary>
    /// Creates the program alongside the employee pension: a person whose <paramref name="employeePensionVariable"/> is
    /// positive (for example <see cref="EmployeePensionProgram.Benefit"/>) draws the employee pension and is outside the
    /// resident scheme (国发〔2014〕8号 art. 3: residents not covered by the employee pension): no resident contribution
    /// and no resident pension. Without it, a person who was already 60 when the scheme started needs no contribution
    /// years and would draw both pensions.
    /// </summary>
    /// <param name="employeePensionVariable">The person variable of the employee pension received; <see langword="null"/> for none.</param>
    public ResidentPensionProgram(string? employeePensionVariable)
        : base(
            "pension.resident",
            "Urban-rural resident basic pension: contributions by payer (own, government-paid for dibao and destitute persons, subsidy, collective) and the monthly pension from 60 after 15 years (国发〔2014〕8号).",
            inputs: employeePensionVariable is null ? ResidentPensionNames.Columns.All : [.. ResidentPensionNames.Columns.All, employeePensionVariable],
            outputs: [OwnContribution, GovernmentPaidContribution, Subsidy, CollectiveSubsidy, Benefit, PublicBenefit, AccountBenefit],
            parameters: ResidentPensionNames.Parameters.All,
            pays: ["resident_pension", "old_age_allowance"])
    {
        _employeePension = employeePensionVariable;
    }

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
    public override IReadOnlyList<ColumnDefinition> InputColumns { get; } = [.. ResidentPensionNames.ColumnDefinitions.All];

    /// <inheritdoc />
    internal override bool WritesEveryRow => true; // all seven outputs are written for every person, zeros included

    /// <inheritdoc />
    internal override bool ReadsNoIncomesOrWeights => true; // ids, age, area, hukou place, employment, the history columns and the employee pension

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        ReportedPensionGuard.Check(setup.Population, Name);
        // Rules are resolved once for every place of hukou present (a person may live outside their hukou region).
        var rules = new ResidentPensionTerms[setup.Regions.Count];
        foreach (var region in setup.Population.HukouRegion)
        {
            rules[region.Index] ??= ResidentPensionTerms.Resolve(setup.Parameters, setup.Date, region);
        }

        return PerPerson<Rule, Rule.Block>(new Rule(rules, _employeePension));
    }

    private readonly struct Rule(ResidentPensionTerms[] rules, string? employeePension) : IPersonRule<Rule.Block>
    {
        private const string Program = "pension.resident";

        public Block Bind(ProgramContext context) => new(context, employeePension);

        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            var r = rules[block.HukouRegion[p].Index];
            bool rural = block.Area[person.Household] == AreaType.Rural;
            double chosen = block.Tier[p], years = block.Years[p], balance = block.Balance[p]; // validated when the population was built
            if (!block.EmployeePension.IsEmpty && block.EmployeePension[p] > 0)
            {
                // An employee pensioner is outside the resident scheme (国发〔2014〕8号 art. 3).
                block.Own[p] = block.Government[p] = block.Subsidy[p] = block.Collective[p] = 0;
                block.Benefit[p] = block.PublicBenefit[p] = block.AccountBenefit[p] = 0;
                explanation?.Record(Program, StepText.Create($"person {block.Ids[p]}: draws the employee pension → outside the resident scheme (国发〔2014〕8号 art. 3)"), 0, "yuan/month");
                return;
            }

            int age = block.Age[p];
            var status = block.Destitute[p] == 1 ? AssistanceStatus.Destitute
                : block.Dibao[p] == 1 ? AssistanceStatus.DibaoRecipient
                : AssistanceStatus.None;
            bool contributes = age >= r.MinimumContributionAge && age < r.PensionAge && block.Employment[p] != EmploymentStatus.Student && chosen > 0;
            var credit = contributes ? r.ContributionFor(r.Snap(chosen), status, rural) : ResidentContribution.None;
            block.Own[p] = credit.Own.Value;
            block.Government[p] = credit.GovernmentPaid.Value;
            block.Subsidy[p] = credit.Subsidy.Value;
            block.Collective[p] = credit.Collective.Value;

            var pension = r.Benefit(age, years, balance);
            block.Benefit[p] = pension.Total.Value;
            block.PublicBenefit[p] = pension.PublicFunding.Value;
            block.AccountBenefit[p] = pension.AccountPension.Value;

            if (explanation is not null)
            {
                Explain(explanation, r, block.Ids[p], age, block.Employment[p], chosen, status, rural, contributes, credit, years, balance, pension);
            }
        }

        private static void Explain(Explanation explain, ResidentPensionTerms r, long id, int age, EmploymentStatus employment, double chosen, AssistanceStatus status, bool rural, bool contributes, ResidentContribution credit, double years, double balance, ResidentBenefit pension)
        {
            if (age < r.PensionAge)
            {
                if (!contributes)
                {
                    explain.Record(Program, StepText.Create($"person {id}, age {age}: no contribution (chosen tier {chosen:0.##}; contributes from {r.MinimumContributionAge} to below {r.PensionAge}, not a student, tier > 0; employment {employment})"), 0, "yuan/year", r.Source(ResidentPensionNames.Parameters.MinimumContributionAge), r.Source(ResidentPensionNames.Parameters.PensionAge));
                    return;
                }

                explain.Record(Program, StepText.Create($"person {id}, age {age}: chosen {chosen:0.##} → applicable tier t (highest listed tier ≤ chosen)"), credit.Tier.Value, "yuan/year", r.Source(ResidentPensionNames.Parameters.Tiers));
                explain.Record(Program, StepText.Create($"government-paid (代缴) = min(t, share × lowest tier {r.LowestTier.Value:0.##}), status {status}"), credit.GovernmentPaid.Value, "yuan/year", r.Source(ResidentPensionNames.Parameters.GovernmentPaidShareDibao), r.Source(ResidentPensionNames.Parameters.GovernmentPaidShareDestitute));
                explain.Record(Program, "own contribution = t − government-paid", credit.Own.Value, "yuan/year");
                explain.Record(Program, "subsidy s(t) = max(schedule(t), national floor(t))", credit.Subsidy.Value, "yuan/year", r.Source(ResidentPensionNames.Parameters.SubsidyThresholds), r.Source(ResidentPensionNames.Parameters.SubsidyAmounts), r.Source(ResidentPensionNames.Parameters.SubsidyFloorThresholds), r.Source(ResidentPensionNames.Parameters.SubsidyFloorAmounts));
                explain.Record(Program, rural ? "collective subsidy c (rural contributor)" : "collective subsidy c = 0 (urban contributor)", credit.Collective.Value, "yuan/year", r.Source(ResidentPensionNames.Parameters.CollectiveSubsidy));
                explain.Record(Program, "account credit A = own + government-paid + s + c (credited at year end)", credit.Credit.Value, "yuan/year");
                return;
            }

            double required = r.RequiredYears(age);
            if (!r.IsEligible(age, years))
            {
                explain.Record(Program, StepText.Create($"person {id}, age {age}: {years:0.##} contribution years < {required:0.##} required (minimum, or the years left to {r.PensionAge} when the scheme started in {r.SchemeStartYear}) → no pension"), 0, "yuan/month", r.Source(ResidentPensionNames.Parameters.MinimumYears), r.Source(ResidentPensionNames.Parameters.SchemeStartYear));
                return;
            }

            explain.Record(Program, StepText.Create($"person {id}, age {age}: {years:0.##} contribution years ≥ {required:0.##} required → pension"), null, string.Empty, r.Source(ResidentPensionNames.Parameters.PensionAge), r.Source(ResidentPensionNames.Parameters.MinimumYears), r.Source(ResidentPensionNames.Parameters.SchemeStartYear));
            explain.Record(Program, "basic pension", pension.BasicPension.Value, "yuan/month", r.Source(ResidentPensionNames.Parameters.BasicPension));
            explain.Record(Program, StepText.Create($"top-ups: age top-up from {r.AgeTopUp.FromAge}, old-age allowance from {r.OldAgeAllowance.FromAge}, long-contribution top-up per year beyond {r.MinimumYears:0.##}"), pension.TopUps.Value, "yuan/month", r.Source(ResidentPensionNames.Parameters.AgeTopUpAmount), r.Source(ResidentPensionNames.Parameters.OldAgeAllowanceAmount), r.Source(ResidentPensionNames.Parameters.LongContributionTopUp));
            explain.Record(Program, StepText.Create($"account pension = balance {balance:0.00} / {r.Divisor:0}"), pension.AccountPension.Value, "yuan/month", r.Source(ResidentPensionNames.Parameters.Divisor));
            explain.Record(Program, "pension = basic + top-ups + account pension", pension.Total.Value, "yuan/month");
        }

        public readonly ref struct Block(ProgramContext context, string? employeePension)
        {
            public readonly ReadOnlySpan<double> EmployeePension = employeePension is null ? default : context.Read(employeePension);
            public readonly ReadOnlySpan<long> Ids = context.Population.PersonId;
            public readonly ReadOnlySpan<RegionId> HukouRegion = context.Population.HukouRegion;
            public readonly ReadOnlySpan<AreaType> Area = context.Population.Area;
            public readonly ReadOnlySpan<byte> Age = context.Population.Age;
            public readonly ReadOnlySpan<EmploymentStatus> Employment = context.Population.Employment;
            public readonly ReadOnlySpan<double> Tier = context.Person(ResidentPensionNames.ColumnDefinitions.TierAnnual);
            public readonly ReadOnlySpan<double> Years = context.Person(ResidentPensionNames.ColumnDefinitions.ContributionYears);
            public readonly ReadOnlySpan<double> Balance = context.Person(ResidentPensionNames.ColumnDefinitions.AccountBalance);
            public readonly ReadOnlySpan<double> Dibao = context.Person(ResidentPensionNames.ColumnDefinitions.DibaoRecipient);
            public readonly ReadOnlySpan<double> Destitute = context.Person(ResidentPensionNames.ColumnDefinitions.Destitute);
            public readonly Span<double> Own = context.Write(OwnContribution.Name);
            public readonly Span<double> Government = context.Write(GovernmentPaidContribution.Name);
            public readonly Span<double> Subsidy = context.Write(ResidentPensionProgram.Subsidy.Name);
            public readonly Span<double> Collective = context.Write(CollectiveSubsidy.Name);
            public readonly Span<double> Benefit = context.Write(ResidentPensionProgram.Benefit.Name);
            public readonly Span<double> PublicBenefit = context.Write(ResidentPensionProgram.PublicBenefit.Name);
            public readonly Span<double> AccountBenefit = context.Write(ResidentPensionProgram.AccountBenefit.Name);
        }
    }
}
