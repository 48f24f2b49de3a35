using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Pensions;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// Work-injury insurance benefits for a disabled worker (工伤保险 伤残待遇): the one-time disability subsidy by grade,
/// the monthly disability allowance of grades 1–4 from the fund and of grades 5–6 from the employer, and the nursing
/// allowance; for covered persons only, including Hangzhou's single-insurance cover of flexible (platform) and
/// over-age workers.
/// </summary>
/// <remarks>
/// <para>Legal basis: 工伤保险条例 (Work-Injury Insurance Regulations, 2010 revision) art. 2 (employees of employers are
/// covered), art. 34 (nursing: 50%, 40%, 30% of the average wage), art. 35 (grades 1–4: 27/25/23/21 months'
/// subsidy, allowance 90/85/80/75% from the fund, made up to the minimum wage), art. 36 (grades 5–6: 18/16 months,
/// allowance 70/60% paid by the employer when it cannot arrange suitable work, made up to the minimum wage), art. 37
/// (grades 7–10: 13/11/9/7 months), art. 64 (own wage clamped to 60%–300% of the average wage). Hangzhou's cover of
/// platform and over-age workers: the study [P]. docs/rules/work_injury.md.</para>
/// <para>Rule, per person with grade <i>g</i> (<c>person.work_injury_grade</c>, 1–10; 0 none):</para>
/// <list type="bullet">
/// <item>covered: a labour-contract employee below the statutory pension age; a flexible worker below it where
/// <c>work_injury.cover.flexible_workers</c> is 1; a working person (labour contract or flexible) at or above it
/// where <c>work_injury.cover.over_age_workers</c> is 1. Owners of individual businesses and persons without work
/// are not covered;</item>
/// <item>own wage <i>w</i> = <c>person.work_injury_wage_monthly</c>, or wages ÷ 12 when it is 0, clamped to
/// [<c>work_injury.own_wage.floor_ratio</c>, <c>work_injury.own_wage.ceiling_ratio</c>] × the average monthly wage
/// <i>A</i> = <c>pension.employee.average_wage</c> ÷ 12;</item>
/// <item>one-time subsidy = <c>work_injury.disability_subsidy.months</c>[g] × <i>w</i> when the grade was assessed
/// this year (<c>person.work_injury_new</c>);</item>
/// <item>fund allowance (grades 1 … length of <c>work_injury.allowance.fund_rates</c>) = 12 × max(rate × <i>w</i>,
/// minimum wage); employer allowance (the next grades, <c>work_injury.allowance.employer_rates</c>) = the same
/// formula, paid only when the person has no wages this year (the model's reading of "cannot arrange suitable
/// work");</item>
/// <item>nursing = 12 × <c>work_injury.nursing.rates</c>[partial, most, full] × <i>A</i>.</item>
/// </list>
/// </remarks>
public sealed class WorkInjuryProgram : RuleProgram
{
    /// <summary>Parameter (ratio): the own wage's floor as a multiple of the average wage.</summary>
    public const string WageFloorRatio = "work_injury.own_wage.floor_ratio";

    /// <summary>Parameter (ratio): the own wage's ceiling as a multiple of the average wage.</summary>
    public const string WageCeilingRatio = "work_injury.own_wage.ceiling_ratio";

    /// <summary>Parameter (list, months): the one-time disability subsidy in months of own wage for grades 1, 2, … 10.</summary>
    public const string SubsidyMonths = "work_injury.disability_subsidy.months";

    /// <summary>Parameter (list, fractions of own wage): the fund's monthly allowance for grades 1, 2, ….</summary>
    public const string FundRates = "work_injury.allowance.fund_rates";

    /// <summary>Parameter (list, fractions of own wage): the employer's monthly allowance for the grades after those of <see cref="FundRates"/>.</summary>
    public const string EmployerRates = "work_injury.allowance.employer_rates";

    /// <summary>Parameter (list, fractions of the average wage): the nursing allowance for partial, most and full dependence.</summary>
    public const string NursingRates = "work_injury.nursing.rates";

    /// <summary>Parameter (flag): 1 where flexible (platform) workers may enrol in work-injury insurance alone.</summary>
    public const string CoverFlexible = "work_injury.cover.flexible_workers";

    /// <summary>Parameter (flag): 1 where working persons above the statutory pension age may enrol in work-injury insurance.</summary>
    public const string CoverOverAge = "work_injury.cover.over_age_workers";

    // Shared parameters: the local average wage (yuan/year) and the pension ages of the employee pension, and the
    // local minimum wage (yuan/month) of the destitute care standard.
    private const string AverageWage = EmployeePensionNames.Parameters.AverageWage;
    private const string PensionAgeMale = EmployeePensionNames.Parameters.PensionAgeMale;
    private const string PensionAgeFemale = EmployeePensionNames.Parameters.PensionAgeFemale;
    private const string MinimumWage = DestitutePersonsProgram.MinimumWage;

    /// <summary>Output: 1 when the person is covered by work-injury insurance (person flag).</summary>
    public static readonly VariableDefinition Covered = new("work_injury.covered", Entity.Person, AmountPeriod.None, IncomeRole.None, "1 when the person is covered by work-injury insurance");

    /// <summary>Output: the clamped own wage the benefits are computed on, yuan per month (0 when not covered or without a grade).</summary>
    public static readonly VariableDefinition OwnWage = new("work_injury.own_wage_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Own wage for work-injury benefits, clamped to the band of the average wage, yuan per month", FiscalFlow.None);

    /// <summary>Output: the one-time disability subsidy, yuan (paid in the year the grade is assessed).</summary>
    public static readonly VariableDefinition DisabilitySubsidy = new("work_injury.disability_subsidy_annual", Entity.Person, AmountPeriod.Year, IncomeRole.DirectTransfer, "One-time work-injury disability subsidy, yuan per year");

    /// <summary>Output: the disability allowance of grades 1–4 paid by the fund, yuan per year.</summary>
    public static readonly VariableDefinition AllowanceFund = new("work_injury.allowance_fund_annual", Entity.Person, AmountPeriod.Year, IncomeRole.DirectTransfer, "Work-injury disability allowance paid by the fund (grades 1-4), yuan per year");

    /// <summary>Output: the disability allowance of grades 5–6 paid by the employer, yuan per year (income from the employer, not public spending).</summary>
    public static readonly VariableDefinition AllowanceEmployer = new("work_injury.allowance_employer_annual", Entity.Person, AmountPeriod.Year, IncomeRole.MarketIncome, "Work-injury disability allowance paid by the employer (grades 5-6, no suitable work), yuan per year", FiscalFlow.None);

    /// <summary>Output: the nursing allowance, yuan per year.</summary>
    public static readonly VariableDefinition Nursing = new("work_injury.nursing_annual", Entity.Person, AmountPeriod.Year, IncomeRole.DirectTransfer, "Work-injury nursing allowance, yuan per year");

    /// <summary>Creates the program.</summary>
    public WorkInjuryProgram()
        : base(
            "work_injury",
            "Work-injury insurance disability benefits: one-time subsidy by grade, allowances for grades 1-4 (fund) and 5-6 (employer), nursing; own wage clamped to 60%-300% of the average wage (Work-Injury Insurance Regulations arts. 34-37, 64).",
            inputs: [],
            outputs: [Covered, OwnWage, DisabilitySubsidy, AllowanceFund, AllowanceEmployer, Nursing],
            parameters: [AverageWage, WageFloorRatio, WageCeilingRatio, SubsidyMonths, FundRates, EmployerRates, MinimumWage, NursingRates, CoverFlexible, CoverOverAge, PensionAgeMale, PensionAgeFemale],
            pays: ["work_injury"])
    {
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        var months = setup.List(SubsidyMonths);
        var fund = setup.List(FundRates);
        var employer = setup.List(EmployerRates);
        var nursing = setup.List(NursingRates);
        foreach (var region in setup.RegionsPresent)
        {
            if (months[region].Length != 10 || fund[region].Length + employer[region].Length > 10 || nursing[region].Length != 3)
            {
                throw new InvalidOperationException($"'{SubsidyMonths}' needs 10 entries (grades 1-10), '{FundRates}' and '{EmployerRates}' together at most 10, '{NursingRates}' 3 (partial, most, full).");
            }
        }

        var average = setup.PerMonth(AverageWage);
        var floorRatio = setup.Scalar(WageFloorRatio);
        var ceilingRatio = setup.Scalar(WageCeilingRatio);
        var minimumWage = setup.PerMonth(MinimumWage);
        var coverFlexible = setup.Scalar(CoverFlexible);
        var coverOverAge = setup.Scalar(CoverOverAge);
        var ageMale = setup.Scalar(PensionAgeMale);
        var ageFemale = setup.Scalar(PensionAgeFemale);
        var terms = new RegionTerms[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            int r = region.Index;
            double avg = average.ByRegion[r];
            terms[r] = new RegionTerms(
                avg, floorRatio.ByRegion[r] * avg, ceilingRatio.ByRegion[r] * avg, minimumWage.ByRegion[r], [.. months[region]], [.. fund[region]], [.. employer[region]], [.. nursing[region]],
                coverFlexible.ByRegion[r] > 0, coverOverAge.ByRegion[r] > 0, ageMale.ByRegion[r], ageFemale.ByRegion[r]);
        }

        return PerPerson<Rule, Rule.Block>(new Rule(
            average, floorRatio, ceilingRatio, months, fund, employer, minimumWage, nursing, coverFlexible, coverOverAge, ageMale, ageFemale, terms));
    }

    /// <summary>One region's terms, resolved once per run and computed as the rule computes them.</summary>
    private sealed class RegionTerms(
        double average, double floor, double ceiling, double minimumWage, double[] subsidyMonths, double[] fundRates, double[] employerRates, double[] nursingRates,
        bool coverFlexible, bool coverOverAge, double ageMale, double ageFemale)
    {
        public readonly double Average = average, Floor = floor, Ceiling = ceiling, MinimumWage = minimumWage;
        public readonly double[] SubsidyMonths = subsidyMonths, FundRates = fundRates, EmployerRates = employerRates, NursingRates = nursingRates;

        /// <summary>Whether <see cref="Math.Clamp(double, double, double)"/> throws for the band (floor above ceiling): the own wage is then clamped for every person, as it always was.</summary>
        public readonly bool BandInverted = floor > ceiling;

        /// <summary>The pension age by the code of sex (the male age for <see cref="Sex.Male"/>, the female age for every other code).</summary>
        public readonly double[] PensionAgeBySex = PensionAgeTable.BySex(ageMale, ageFemale);

        /// <summary>Coverage (1 or 0) by the work arrangement's code times 2 plus 1 at or above the pension age: the table of <c>IsCovered</c>, read without a branch.</summary>
        public readonly double[] CoveredBy = Coverage(coverFlexible, coverOverAge);

        private static double[] Coverage(bool flexible, bool overAge)
        {
            var covered = new double[512];
            for (int contract = 0; contract < 256; contract++)
            {
                for (int over = 0; over < 2; over++)
                {
                    covered[(contract << 1) | over] = IsCovered((WorkContract)contract, over == 1, flexible, overAge) ? 1.0 : 0.0;
                }
            }

            return covered;
        }
    }

    /// <summary>Coverage by work arrangement and age: see the class remarks.</summary>
    private static bool IsCovered(WorkContract contract, bool atOrAbovePensionAge, bool coverFlexible, bool coverOverAge)
    {
        if (contract is not (WorkContract.LabourContract or WorkContract.Flexible))
        {
            return false;
        }

        if (atOrAbovePensionAge)
        {
            return coverOverAge;
        }

        return contract == WorkContract.LabourContract || coverFlexible;
    }

    private readonly struct Rule(
        RegionalValues average, RegionalValues floorRatio, RegionalValues ceilingRatio, RegionalList subsidyMonths, RegionalList fundRates, RegionalList employerRates,
        RegionalValues minimumWage, RegionalList nursingRates, RegionalValues coverFlexible, RegionalValues coverOverAge, RegionalValues ageMale, RegionalValues ageFemale,
        RegionTerms[] terms) : IPersonRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
        {
            var population = context.Population;
            return new(
                new Inputs(population.Contract, population.Age, population.Sex, population.WagesAnnual, population.WorkInjuryGrade, population.WorkInjuryAssessedThisYear, population.WorkInjuryNursing, population.WorkInjuryWageMonthly, context.EndPerson),
                context.Write(Covered.Name), context.Write(OwnWage.Name), context.Write(DisabilitySubsidy.Name), context.Write(AllowanceFund.Name), context.Write(AllowanceEmployer.Name), context.Write(Nursing.Name), context.EndPerson);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            var k = terms[person.Region.Index];
            ref readonly var input = ref block.In;
            int over = input.Age[p] >= k.PensionAgeBySex[(byte)input.Sex[p]] ? 1 : 0;
            double coveredValue = k.CoveredBy[((byte)input.Contract[p] << 1) | over];
            bool covered = coveredValue > 0;
            int grade = input.Grade[p];
            if (grade == 0 && !k.BandInverted)
            {
                // No injury grade (almost everyone): every amount is 0, and the own wage is not needed.
                block.Covered[p] = coveredValue;
                block.OwnWage[p] = 0.0;
                block.Subsidy[p] = 0.0;
                block.Fund[p] = 0.0;
                block.Employer[p] = 0.0;
                block.Nursing[p] = 0.0;
                return;
            }

            double avg = k.Average;
            double wages = input.Wages[p];
            double stated = input.WageMonthly[p];
            double raw = stated > 0 ? stated : wages / 12.0;
            double own = Math.Clamp(raw, k.Floor, k.Ceiling);
            double subsidy = 0.0, fund = 0.0, employer = 0.0, nursing = 0.0;
            if (covered && grade > 0)
            {
                if (input.New[p] == 1)
                {
                    subsidy = k.SubsidyMonths[grade - 1] * own;
                }

                var fundList = k.FundRates;
                var employerList = k.EmployerRates;
                if (grade <= fundList.Length)
                {
                    fund = 12.0 * Math.Max(fundList[grade - 1] * own, k.MinimumWage);
                }
                else if (grade <= fundList.Length + employerList.Length && wages <= 0)
                {
                    employer = 12.0 * Math.Max(employerList[grade - fundList.Length - 1] * own, k.MinimumWage);
                }

                int dependence = (int)input.Nursing[p];
                if (dependence > 0)
                {
                    nursing = 12.0 * k.NursingRates[dependence - 1] * avg;
                }
            }

            block.Covered[p] = covered ? 1.0 : 0.0;
            block.OwnWage[p] = covered && grade > 0 ? own : 0.0;
            block.Subsidy[p] = subsidy;
            block.Fund[p] = fund;
            block.Employer[p] = employer;
            block.Nursing[p] = nursing;
            if (explanation is not null && grade > 0)
            {
                Explain(explanation, person, input.Contract[p], covered, grade, raw, own, avg, subsidy, fund, employer, nursing);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Explain(Explanation explain, in PersonRow person, WorkContract contract, bool covered, int grade, double raw, double own, double avg, double subsidy, double fund, double employer, double nursing)
        {
            var region = person.Region;
            explain.Record("work_injury", StepText.Create($"member {person.Member}: grade {grade}, work arrangement {contract} → {(covered ? "covered" : "not covered")}"), covered ? 1.0 : 0.0, string.Empty, coverFlexible.Source(region), coverOverAge.Source(region), ageMale.Source(region), ageFemale.Source(region));
            if (!covered)
            {
                return;
            }

            explain.Record("work_injury", StepText.Create($"own wage = clamp({raw:0.00}, {floorRatio[region]:0.##} × {avg:0.00}, {ceilingRatio[region]:0.##} × {avg:0.00})"), own, "yuan/month", average.Source(region), floorRatio.Source(region), ceilingRatio.Source(region));
            explain.Record("work_injury", "one-time disability subsidy (months by grade × own wage, when assessed this year)", subsidy, "yuan/year", subsidyMonths.Source(region));
            explain.Record("work_injury", "disability allowance from the fund (12 × max(rate × own wage, minimum wage))", fund, "yuan/year", fundRates.Source(region), minimumWage.Source(region));
            explain.Record("work_injury", "disability allowance from the employer (no wages this year: no suitable work)", employer, "yuan/year", employerRates.Source(region), minimumWage.Source(region));
            explain.Record("work_injury", "nursing allowance (12 × rate × average wage)", nursing, "yuan/year", nursingRates.Source(region));
        }

        public readonly ref struct Inputs(ReadOnlySpan<WorkContract> contract, ReadOnlySpan<byte> age, ReadOnlySpan<Sex> sex, ReadOnlySpan<double> wages, ReadOnlySpan<byte> grade, ReadOnlySpan<byte> assessedThisYear, ReadOnlySpan<NursingDependency> nursing, ReadOnlySpan<double> wageMonthly, int end)
        {
            public readonly Rows<WorkContract> Contract = new(contract, end);
            public readonly Rows<byte> Age = new(age, end);
            public readonly Rows<Sex> Sex = new(sex, end);
            public readonly Rows<double> Wages = new(wages, end);
            public readonly Rows<byte> Grade = new(grade, end);
            public readonly Rows<byte> New = new(assessedThisYear, end);
            public readonly Rows<NursingDependency> Nursing = new(nursing, end);
            public readonly Rows<double> WageMonthly = new(wageMonthly, end);
        }

        public readonly ref struct Block(Inputs inputs, Span<double> covered, Span<double> ownWage, Span<double> subsidy, Span<double> fund, Span<double> employer, Span<double> nursing, int end)
        {
            public readonly Inputs In = inputs;
            public readonly WritableRows<double> Covered = new(covered, end);
            public readonly WritableRows<double> OwnWage = new(ownWage, end);
            public readonly WritableRows<double> Subsidy = new(subsidy, end);
            public readonly WritableRows<double> Fund = new(fund, end);
            public readonly WritableRows<double> Employer = new(employer, end);
            public readonly WritableRows<double> Nursing = new(nursing, end);
        }
    }
}
