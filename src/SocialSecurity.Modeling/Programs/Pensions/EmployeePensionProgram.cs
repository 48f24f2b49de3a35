using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Urban employee basic pension (城镇职工基本养老保险) over a population: this year's contributions for insured
/// workers below the pension age, and the monthly pension for pensioners. docs/rules/pension.employee.md.
/// </summary>
/// <remarks>
/// <para>Legal basis: Social Insurance Law arts. 10–16; 国发〔2005〕38号 (benefit formula, divisors); 国办发〔2019〕13号
/// (employer rate 16%); pension ages 国发〔1978〕104号. Parameters are those of the household's region (the place of
/// work is not in the data), resolved once per region.</para>
/// <para>Inputs: the person columns of <see cref="EmployeePensionSchema"/>, the built-in age, sex, employment, wages
/// and business income. The pension age is the person's <see cref="EmployeePensionSchema.RetirementAge"/> when it is
/// positive, else the statutory age by sex (60 men, 50 women [N]). Simplification: the gradual increase from 2025
/// (to 63 / 55 / 58, by birth month) is not modelled; supply the retirement-age column to model it. Rules, per person:</para>
/// <list type="bullet">
/// <item><b>Contributors:</b> insured (column = 1), below the pension age, and an employee or self-employed.
/// The annual base is the income clamped to [60%, 300%] × the provincial average wage (an insured worker with a
/// lower income still pays on the floor). Employees: the employee pays 8% of the base (a pension contribution in
/// the income concepts) and the employer 16% (role None: in the CEQ scenario with contributory pensions as deferred
/// income the employer share is not part of household income, so it is kept only for the fiscal and fund view).
/// Flexible workers (self-employed): the base is wages plus business income, clamped the same way, and the person
/// pays the whole flexible rate (20% [U], of which 8% goes to the account); there is no employer share.</item>
/// <item><b>Pensioners:</b> at or above the pension age with at least the minimum contribution years (15, rising
/// from 2030): basic pension <c>W_prev × (1 + Ī)/2 × n × 1%</c> plus account pension <c>B / divisor(retirement
/// age)</c>, yuan per month; with fewer years no monthly pension (the account refund is not modelled). Simplification: the W_prev in force on the run
/// date is applied to every pensioner, as if each had just retired; the W_prev of the retirement year and the yearly
/// uprating since are not modelled. Transitional pensions (过渡性养老金) are provincial and not included.</item>
/// </list>
/// <para>Outputs: the contribution base, the person's contribution, the employer's contribution and the monthly
/// pension (a contributory pension). Nothing is rounded. People in this scheme should carry tier 0 in the resident
/// pension (<see cref="ResidentPensionSchema.TierAnnual"/>): neither program sees the other scheme's enrolment.</para>
/// </remarks>
public sealed class EmployeePensionProgram : PolicyProgram
{
    /// <summary>Output: the clamped contribution base, yuan per year (role None).</summary>
    public static readonly VariableDefinition ContributionBase = new("pension.employee.contribution_base_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Employee pension contribution base (income clamped to 60%-300% of the provincial average wage), yuan per year");

    /// <summary>Output: the contribution the person pays (8% for employees, the flexible rate for the self-employed), yuan per year.</summary>
    public static readonly VariableDefinition OwnContribution = new("pension.employee.own_contribution_annual", Entity.Person, AmountPeriod.Year, IncomeRole.PensionContribution, "Employee pension contribution paid by the person, yuan per year");

    /// <summary>Output: the employer's contribution to the pooled fund, yuan per year (fiscal/fund view; not household income).</summary>
    public static readonly VariableDefinition EmployerContribution = new("pension.employee.employer_contribution_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Employer contribution to the employee pension pooled fund, yuan per year");

    /// <summary>Output: the employee basic pension (basic + account pension), yuan per month.</summary>
    public static readonly VariableDefinition Benefit = new("pension.employee.benefit_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.ContributoryPension, "Urban employee basic pension (basic pension + account pension), yuan per month");

    /// <inheritdoc />
    public override string Name => "pension.employee";

    /// <inheritdoc />
    public override string Description => "Urban employee basic pension: contributions on the wage clamped to 60%-300% of the provincial average wage (8% employee, 16% employer; flexible workers 20%) and the monthly pension W_prev × (1 + Ī)/2 × n × 1% + B / divisor after 15 years (国发〔2005〕38号).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = EmployeePensionSchema.All;

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [ContributionBase, OwnContribution, EmployerContribution, Benefit];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } =
    [
        EmployeePensionParameters.AverageWage, EmployeePensionParameters.BenefitBase, EmployeePensionParameters.PensionAgeMale, EmployeePensionParameters.PensionAgeFemale,
        EmployeePensionParameters.EmployerRate, EmployeePensionParameters.EmployeeRate,
        EmployeePensionParameters.BaseFloorRatio, EmployeePensionParameters.BaseCeilingRatio,
        EmployeePensionParameters.FlexibleTotalRate, EmployeePensionParameters.MinimumYears,
        EmployeePensionParameters.BasicPensionAccrualRate,
        EmployeePensionParameters.AccountDivisorFirstAge, EmployeePensionParameters.AccountDivisors,
    ];

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var p = new Resolved
        {
            AverageWage = setup.PerYear(EmployeePensionParameters.AverageWage),
            BenefitBase = setup.PerMonth(EmployeePensionParameters.BenefitBase),
            AgeMale = setup.Scalar(EmployeePensionParameters.PensionAgeMale),
            AgeFemale = setup.Scalar(EmployeePensionParameters.PensionAgeFemale),
            EmployerRate = setup.Scalar(EmployeePensionParameters.EmployerRate),
            EmployeeRate = setup.Scalar(EmployeePensionParameters.EmployeeRate),
            Floor = setup.Scalar(EmployeePensionParameters.BaseFloorRatio),
            Ceiling = setup.Scalar(EmployeePensionParameters.BaseCeilingRatio),
            FlexibleRate = setup.Scalar(EmployeePensionParameters.FlexibleTotalRate),
            MinimumYears = setup.Scalar(EmployeePensionParameters.MinimumYears),
            Accrual = setup.Scalar(EmployeePensionParameters.BasicPensionAccrualRate),
            DivisorFirstAge = setup.Scalar(EmployeePensionParameters.AccountDivisorFirstAge),
            DivisorList = setup.List(EmployeePensionParameters.AccountDivisors),
            Divisors = new AnnuityDivisorTable[setup.Regions.Count],
        };
        foreach (var region in setup.RegionsPresent)
        {
            p.Divisors[region.Index] = new AnnuityDivisorTable((int)p.DivisorFirstAge[region], p.DivisorList[region]);
        }

        return new Pass(p);
    }

    private sealed class Resolved
    {
        public required RegionalValues AverageWage { get; init; }
        public required RegionalValues BenefitBase { get; init; }
        public required RegionalValues AgeMale { get; init; }
        public required RegionalValues AgeFemale { get; init; }
        public required RegionalValues EmployerRate { get; init; }
        public required RegionalValues EmployeeRate { get; init; }
        public required RegionalValues Floor { get; init; }
        public required RegionalValues Ceiling { get; init; }
        public required RegionalValues FlexibleRate { get; init; }
        public required RegionalValues MinimumYears { get; init; }
        public required RegionalValues Accrual { get; init; }
        public required RegionalValues DivisorFirstAge { get; init; }
        public required RegionalList DivisorList { get; init; }
        public required AnnuityDivisorTable[] Divisors { get; init; }
    }

    private sealed class Pass(Resolved p) : ProgramPass
    {
        private const string Program = "pension.employee";

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var householdRegion = population.HouseholdRegion;
            var ages = population.Age;
            var sexes = population.Sex;
            var employment = population.Employment;
            var wages = population.WagesAnnual;
            var business = population.BusinessIncomeAnnual;
            var ids = population.PersonId;
            var insuredColumn = context.Read(EmployeePensionSchema.Insured);
            var yearsColumn = context.Read(EmployeePensionSchema.ContributionYears);
            var indexColumn = context.Read(EmployeePensionSchema.ContributionIndex);
            var balanceColumn = context.Read(EmployeePensionSchema.AccountBalance);
            var retirementColumn = context.Read(EmployeePensionSchema.RetirementAge);
            var baseOut = context.Write(ContributionBase.Name);
            var own = context.Write(OwnContribution.Name);
            var employer = context.Write(EmployerContribution.Name);
            var benefit = context.Write(Benefit.Name);

            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var region = householdRegion[h];
                var divisors = p.Divisors[region.Index];
                for (int person = start[h]; person < start[h + 1]; person++)
                {
                    double insured = insuredColumn[person], years = yearsColumn[person], index = indexColumn[person], balance = balanceColumn[person], retirement = retirementColumn[person];
                    if (insured is not (0 or 1) || !(years >= 0) || !(index >= 0) || !(balance >= 0) || double.IsInfinity(years) || double.IsInfinity(index) || double.IsInfinity(balance)
                        || !(retirement == 0 || (retirement == Math.Floor(retirement) && retirement >= divisors.FirstAge && retirement <= divisors.LastAge)))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                            $"Person {ids[person]}: '{EmployeePensionSchema.Insured}' ({insured}) must be 0 or 1; '{EmployeePensionSchema.ContributionYears}' ({years}), '{EmployeePensionSchema.ContributionIndex}' ({index}) and '{EmployeePensionSchema.AccountBalance}' ({balance}) finite and ≥ 0; '{EmployeePensionSchema.RetirementAge}' ({retirement}) 0 or a whole age in {divisors.FirstAge}–{divisors.LastAge}."));
                    }

                    int age = ages[person];
                    bool male = sexes[person] == Sex.Male;
                    int statutory = (int)(male ? p.AgeMale[region] : p.AgeFemale[region]);
                    int pensionAge = retirement > 0 ? (int)retirement : statutory;
                    var status = employment[person];

                    double contributionBase = 0, ownPaid = 0, employerPaid = 0, pension = 0;
                    bool flexible = status == EmploymentStatus.SelfEmployed;
                    bool contributes = insured == 1 && age < pensionAge && (status == EmploymentStatus.Employee || flexible);
                    double income = 0;
                    if (contributes)
                    {
                        income = flexible ? wages[person] + business[person] : wages[person];
                        double average = p.AverageWage[region];
                        contributionBase = Math.Clamp(Math.Max(income, 0), p.Floor[region] * average, p.Ceiling[region] * average);
                        ownPaid = (flexible ? p.FlexibleRate[region] : p.EmployeeRate[region]) * contributionBase;
                        employerPaid = flexible ? 0 : p.EmployerRate[region] * contributionBase;
                    }

                    bool pensioner = age >= pensionAge;
                    bool eligible = pensioner && years >= p.MinimumYears[region];
                    double basic = 0, account = 0;
                    if (eligible)
                    {
                        basic = p.BenefitBase[region] * (1.0 + index) / 2.0 * years * p.Accrual[region];
                        account = balance / divisors.DivisorAt(pensionAge);
                        pension = basic + account;
                    }

                    baseOut[person] = contributionBase;
                    own[person] = ownPaid;
                    employer[person] = employerPaid;
                    benefit[person] = pension;

                    if (context.Explanation is { } explain)
                    {
                        var c = CultureInfo.InvariantCulture;
                        string who = string.Create(c, $"person {ids[person]}, age {age}, {(male ? "male" : "female")}, pension age {pensionAge}{(retirement > 0 ? " (retirement-age column)" : " (statutory)")}");
                        if (contributes)
                        {
                            explain.Record(Program, string.Create(c, $"{who}: base = clamp({(flexible ? "wages + business income" : "wages")} {income:0.00}, {p.Floor[region]:0.##} × {p.AverageWage[region]:0.00}, {p.Ceiling[region]:0.##} × {p.AverageWage[region]:0.00})"), contributionBase, "yuan/year", p.Floor.Source(region), p.Ceiling.Source(region), p.AverageWage.Source(region), (male ? p.AgeMale : p.AgeFemale).Source(region));
                            if (flexible)
                            {
                                explain.Record(Program, string.Create(c, $"flexible worker pays {p.FlexibleRate[region]:0.###} × base; no employer share"), ownPaid, "yuan/year", p.FlexibleRate.Source(region));
                            }
                            else
                            {
                                explain.Record(Program, string.Create(c, $"employee contribution = {p.EmployeeRate[region]:0.###} × base"), ownPaid, "yuan/year", p.EmployeeRate.Source(region));
                                explain.Record(Program, string.Create(c, $"employer contribution = {p.EmployerRate[region]:0.###} × base (fund view, not household income)"), employerPaid, "yuan/year", p.EmployerRate.Source(region));
                            }
                        }
                        else if (!pensioner)
                        {
                            explain.Record(Program, string.Create(c, $"{who}: no contribution (insured {insured:0}, employment {status}; contributors are insured employees or self-employed below the pension age)"), 0, "yuan/year", (male ? p.AgeMale : p.AgeFemale).Source(region));
                        }
                        else if (!eligible)
                        {
                            explain.Record(Program, string.Create(c, $"{who}: {years:0.##} contribution years < {p.MinimumYears[region]:0.##} required → no monthly pension"), 0, "yuan/month", p.MinimumYears.Source(region), (male ? p.AgeMale : p.AgeFemale).Source(region));
                        }
                        else
                        {
                            explain.Record(Program, string.Create(c, $"{who}: {years:0.##} contribution years ≥ {p.MinimumYears[region]:0.##} required → pension"), null, string.Empty, p.MinimumYears.Source(region), (male ? p.AgeMale : p.AgeFemale).Source(region));
                            explain.Record(Program, string.Create(c, $"basic pension = W_prev {p.BenefitBase[region]:0.00} × (1 + Ī {index:0.###})/2 × n {years:0.##} × {p.Accrual[region]:0.###}"), basic, "yuan/month", p.BenefitBase.Source(region), p.Accrual.Source(region));
                            explain.Record(Program, string.Create(c, $"account pension = balance {balance:0.00} / divisor({pensionAge}) {divisors.DivisorAt(pensionAge):0}"), account, "yuan/month", p.DivisorList.Source(region), p.DivisorFirstAge.Source(region));
                            explain.Record(Program, "pension = basic + account pension", pension, "yuan/month");
                        }
                    }
                }
            }
        }
    }
}
