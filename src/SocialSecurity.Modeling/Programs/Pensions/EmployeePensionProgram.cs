using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// Urban employee basic pension (城镇职工基本养老保险) over a population: the monthly pension for pensioners.
/// docs/rules/pension.employee.md. Contributions are computed by
/// <see cref="Insurance.SocialInsuranceContributionsProgram"/> (docs/rules/social_insurance.md), the one owner of the
/// contribution base and of the employee's and employer's pension contributions.
/// </summary>
/// <remarks>
/// <para>Legal basis: Social Insurance Law arts. 10–16; 国发〔2005〕38号 (benefit formula, divisors); pension ages
/// 国发〔1978〕104号. Parameters are those of the household's region (the place of work is not in the data), resolved
/// once per region.</para>
/// <para>Inputs: the person columns of <see cref="EmployeePensionNames.Columns"/>, the built-in age and sex. The pension
/// age is the person's <see cref="EmployeePensionNames.Columns.RetirementAge"/> when it is positive, else the statutory
/// age by sex (60 men, 50 women [N]). Simplification: the gradual increase from 2025 (to 63 / 55 / 58, by birth month)
/// is not modelled; supply the retirement-age column to model it. Rule, per person at or above the pension age with
/// at least the minimum contribution years (15, rising from 2030): basic pension <c>W_prev × (1 + Ī)/2 × n × 1%</c>
/// plus account pension <c>B / divisor(retirement age)</c>, yuan per month; with fewer years no monthly pension (the
/// account refund is not modelled). Simplification: the W_prev in force on the run date is applied to every
/// pensioner, as if each had just retired; the W_prev of the retirement year and the yearly uprating since are not
/// modelled. Transitional pensions (过渡性养老金) are provincial and not included.</para>
/// <para>Output: the monthly pension (a contributory pension). Nothing is rounded. People in this scheme should carry
/// tier 0 in the resident pension (<see cref="ResidentPensionNames.Columns.TierAnnual"/>): neither program sees the
/// other scheme's enrolment.</para>
/// </remarks>
public sealed class EmployeePensionProgram()
    : RuleProgram(
        "pension.employee",
        "Urban employee basic pension: the monthly pension W_prev × (1 + Ī)/2 × n × 1% + B / divisor after 15 years (国发〔2005〕38号); contributions are the social_insurance program's.",
        inputs: EmployeePensionNames.Columns.All,
        outputs: [Benefit],
        parameters: EmployeePensionNames.Parameters.Benefit)
{
    /// <summary>Output: the employee basic pension (basic + account pension), yuan per month.</summary>
    public static readonly VariableDefinition Benefit = new("pension.employee.benefit_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.ContributoryPension, "Urban employee basic pension (basic pension + account pension), yuan per month");

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> InputColumns { get; } = [.. EmployeePensionNames.ColumnDefinitions.All];

    /// <inheritdoc />
    internal override bool WritesEveryRow => true; // its one output is written for every person

    /// <inheritdoc />
    internal override bool ReadsNoIncomesOrWeights => true; // ids, age, sex, the household's region and the history columns

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        ReportedPensionGuard.Check(setup.Population, Name);
        // The rules of every region where households live, resolved once (the place of work is not in the data).
        var rules = new EmployeePensionTerms[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            rules[region.Index] = EmployeePensionTerms.Resolve(setup.Parameters, setup.Date, region);
        }

        CheckRetirementAges(setup.Population, rules);
        return PerPerson<Rule, Rule.Block>(new Rule(rules));
    }

    /// <summary>
    /// A positive retirement age must lie within the divisor table of the household's region: a check that depends on
    /// the parameters in force, so it runs once here, over the column, rather than per person in the pass. The
    /// column's range and whole numbers were checked against <see cref="EmployeePensionNames.ColumnDefinitions.RetirementAge"/>
    /// when the population was built.
    /// </summary>
    private static void CheckRetirementAges(Population population, EmployeePensionTerms[] rules)
    {
        var retirement = population.Values(EmployeePensionNames.ColumnDefinitions.RetirementAge);
        var household = population.PersonHousehold;
        var region = population.HouseholdRegion;
        for (int person = 0; person < retirement.Length; person++)
        {
            double age = retirement[person];
            if (age != 0)
            {
                var table = rules[region[household[person]].Index].Divisors;
                if (age < table.FirstAge || age > table.LastAge)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"Person {population.PersonId[person]}: '{EmployeePensionNames.Columns.RetirementAge}' is {age}; expected 0 (the statutory age) or an age within the divisor table, {table.FirstAge}–{table.LastAge}."));
                }
            }
        }
    }

    private readonly struct Rule(EmployeePensionTerms[] rules) : IPersonRule<Rule.Block>
    {
        private const string Program = "pension.employee";

        public Block Bind(ProgramContext context) => new(context);

        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int i = person.Index;
            var r = rules[person.Region.Index];
            var divisors = r.Divisors;
            double years = block.Years[i], index = block.Index[i], balance = block.Balance[i], retirement = block.Retirement[i]; // validated when built; retirement ages against the divisor table when prepared

            int age = block.Age[i];
            bool male = block.Sex[i] == Sex.Male;
            int statutory = (int)r.StatutoryPensionAge(male);
            int pensionAge = retirement > 0 ? (int)retirement : statutory;
            double pension = 0;
            bool pensioner = age >= pensionAge;
            bool eligible = pensioner && years >= r.MinimumYears;
            double basic = 0, account = 0;
            if (eligible)
            {
                basic = r.BenefitBase.Value * (1.0 + index) / 2.0 * years * r.AccrualRate;
                account = balance / divisors.DivisorAt(pensionAge);
                pension = basic + account;
            }

            block.Benefit[i] = pension;

            if (explanation is null)
            {
                return;
            }

            var ageSource = r.Source(male ? EmployeePensionNames.Parameters.PensionAgeMale : EmployeePensionNames.Parameters.PensionAgeFemale);
            string who = StepText.Create($"person {block.Ids[i]}, age {age}, {(male ? "male" : "female")}, pension age {pensionAge}{(retirement > 0 ? " (retirement-age column)" : " (statutory)")}");
            if (!pensioner)
            {
                explanation.Record(Program, StepText.Create($"{who}: below the pension age → no pension (contributions: social_insurance)"), 0, "yuan/month", ageSource);
            }
            else if (!eligible)
            {
                explanation.Record(Program, StepText.Create($"{who}: {years:0.##} contribution years < {r.MinimumYears:0.##} required → no monthly pension"), 0, "yuan/month", r.Source(EmployeePensionNames.Parameters.MinimumYears), ageSource);
            }
            else
            {
                explanation.Record(Program, StepText.Create($"{who}: {years:0.##} contribution years ≥ {r.MinimumYears:0.##} required → pension"), null, string.Empty, r.Source(EmployeePensionNames.Parameters.MinimumYears), ageSource);
                explanation.Record(Program, StepText.Create($"basic pension = W_prev {r.BenefitBase.Value:0.00} × (1 + Ī {index:0.###})/2 × n {years:0.##} × {r.AccrualRate:0.###}"), basic, "yuan/month", r.Source(EmployeePensionNames.Parameters.BenefitBase), r.Source(EmployeePensionNames.Parameters.BasicPensionAccrualRate));
                explanation.Record(Program, StepText.Create($"account pension = balance {balance:0.00} / divisor({pensionAge}) {divisors.DivisorAt(pensionAge):0}"), account, "yuan/month", r.Source(EmployeePensionNames.Parameters.AccountDivisors), r.Source(EmployeePensionNames.Parameters.AccountDivisorFirstAge));
                explanation.Record(Program, "pension = basic + account pension", pension, "yuan/month");
            }
        }

        public readonly ref struct Block(ProgramContext context)
        {
            public readonly ReadOnlySpan<long> Ids = context.Population.PersonId;
            public readonly ReadOnlySpan<byte> Age = context.Population.Age;
            public readonly ReadOnlySpan<Sex> Sex = context.Population.Sex;
            public readonly ReadOnlySpan<double> Years = context.Person(EmployeePensionNames.ColumnDefinitions.ContributionYears);
            public readonly ReadOnlySpan<double> Index = context.Person(EmployeePensionNames.ColumnDefinitions.ContributionIndex);
            public readonly ReadOnlySpan<double> Balance = context.Person(EmployeePensionNames.ColumnDefinitions.AccountBalance);
            public readonly ReadOnlySpan<double> Retirement = context.Person(EmployeePensionNames.ColumnDefinitions.RetirementAge);
            public readonly Span<double> Benefit = context.Write(EmployeePensionProgram.Benefit.Name);
        }
    }
}
