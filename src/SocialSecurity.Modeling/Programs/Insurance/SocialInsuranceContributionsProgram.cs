using System.Globalization;
using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// Employee social-insurance contributions (职工社会保险缴费): the contribution base clamped to the provincial band and
/// the employee's and employer's pension, medical, unemployment and work-injury contributions. docs/rules/social_insurance.md.
/// </summary>
/// <remarks>
/// <para>Legal basis: Social Insurance Law arts. 10, 12, 23, 33, 44; 国办发〔2019〕13号 (employer pension 16%, the
/// band on the 全口径 average wage); 国发〔1998〕44号 (medical); 人社部发〔2015〕71号 (eight work-injury classes). Rule,
/// per person below the statutory pension age (<c>pension.employee.pension_age.*</c>) — or, when the population
/// carries <see cref="Retired"/>, per person not retired: under the 2024 reform (NPC Standing Committee decision of
/// 2024-09-13; 国务院关于实施渐进式延迟法定退休年龄的办法) people contribute until they retire at their statutory age:</para>
/// <list type="bullet">
/// <item><b>Labour contract</b> (<see cref="WorkContract.LabourContract"/>): base = wages ÷ 12 (this year's wage standing in
/// for last year's average monthly wage) clamped to [floor, ceiling] — the province's absolute amounts where published,
/// else 60% and 300% of the average monthly wage. The employee pays the pension rate (8%), the medical rate (2%) and
/// the unemployment rate (0.5%); the employer the pension rate (16%), the medical rate (8% [I]), the unemployment
/// rate (0.5%) and the work-injury rate of the person's industry risk class (class 0: the default class [I]). Medical
/// contributions only when the person is in employee medical insurance (<see cref="MedicalScheme.ByContract"/> or
/// <see cref="MedicalScheme.Employee"/>).</item>
/// <item><b>Flexible workers and individual businesses</b>: base = the floor × the chosen multiple (1 [I]), clamped to the
/// ceiling; the person pays the flexible pension rate (20% [U]) and nothing else, except the medical rates of both
/// shares when <c>person.medical_scheme</c> is <see cref="MedicalScheme.Employee"/> (else they pay the resident premium).</item>
/// </list>
/// <para>Outputs are yuan per year (the base per month). Every contribution is revenue of the social-insurance funds
/// (<see cref="FiscalFlow.PublicRevenue"/>); the employee pension share is a pension contribution in the income
/// concepts (subtracted in market income), the other employee shares non-pension contributions (subtracted in
/// disposable income); employer shares are not household income. Nothing is rounded.</para>
/// </remarks>
public sealed class SocialInsuranceContributionsProgram()
    : RuleProgram(
        "social_insurance",
        "Employee social-insurance contributions: base = wages/12 clamped to the provincial band; employee pension 8%, medical 2%, unemployment 0.5%; employer pension 16%, medical, unemployment and work injury by industry risk class; flexible workers 20% on a chosen base (Social Insurance Law; 国办发〔2019〕13号; 人社部发〔2015〕71号).",
        inputs: [InputVariables.Wages.Name],
        outputs: [BaseMonthly, EmployeePension, EmployeeMedical, EmployeeUnemployment, EmployerPension, EmployerMedical, EmployerUnemployment, EmployerWorkInjury],
        parameters: SocialInsuranceNames.All,
        pays: ["social_insurance_contributions"])
{
    /// <summary>Output: the clamped contribution base, yuan per month (0 for non-contributors).</summary>
    public static readonly VariableDefinition BaseMonthly = new("social_insurance.base_monthly", Entity.Person, AmountPeriod.Month, IncomeRole.None, "Social-insurance contribution base (wages/12 clamped to the band, or a flexible worker's chosen base), yuan per month");

    /// <summary>Output: the pension contribution the person pays (8% of the base, or a flexible worker's 20%), yuan per year; fund revenue.</summary>
    public static readonly VariableDefinition EmployeePension = new("social_insurance.employee_pension_annual", Entity.Person, AmountPeriod.Year, IncomeRole.PensionContribution, "Employee pension contribution paid by the person (8%, flexible workers 20%), yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>Output: the employee's medical contribution, yuan per year; fund revenue.</summary>
    public static readonly VariableDefinition EmployeeMedical = new("social_insurance.employee_medical_annual", Entity.Person, AmountPeriod.Year, IncomeRole.OtherContribution, "Employee medical insurance contribution paid by the person, yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>Output: the employee's unemployment contribution, yuan per year; fund revenue.</summary>
    public static readonly VariableDefinition EmployeeUnemployment = new("social_insurance.employee_unemployment_annual", Entity.Person, AmountPeriod.Year, IncomeRole.OtherContribution, "Unemployment insurance contribution paid by the person, yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>Output: the employer's pension contribution, yuan per year; fund revenue, not household income.</summary>
    public static readonly VariableDefinition EmployerPension = new("social_insurance.employer_pension_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Employer pension contribution to the pooled fund, yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>Output: the employer's medical contribution (including maternity), yuan per year; fund revenue.</summary>
    public static readonly VariableDefinition EmployerMedical = new("social_insurance.employer_medical_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Employer medical (and maternity) insurance contribution, yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>Output: the employer's unemployment contribution, yuan per year; fund revenue.</summary>
    public static readonly VariableDefinition EmployerUnemployment = new("social_insurance.employer_unemployment_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Employer unemployment insurance contribution, yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>Output: the employer's work-injury contribution by industry risk class, yuan per year; fund revenue.</summary>
    public static readonly VariableDefinition EmployerWorkInjury = new("social_insurance.employer_work_injury_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Employer work-injury insurance contribution (rate of the industry risk class), yuan per year", FiscalFlow.PublicRevenue);

    /// <summary>
    /// Optional person column: 1 once the person has retired from the urban employee pension, else 0. When the
    /// population carries it, contributions stop at retirement instead of at <c>pension.employee.pension_age.*</c>
    /// (the projector supplies it from its own retirement at the statutory age, docs/projection.md#retirement);
    /// without it the rule is unchanged.
    /// </summary>
    public static readonly ColumnDefinition Retired = ColumnDefinition.Flag("social_insurance.retired", Entity.Person, "Retired from the urban employee pension (1) or not (0): contributions stop at retirement instead of at the fixed pension age");

    /// <summary>Every contribution output (the base excluded): all of them are social-insurance fund revenue.</summary>
    public static IReadOnlyList<VariableDefinition> Contributions { get; } = [EmployeePension, EmployeeMedical, EmployeeUnemployment, EmployerPension, EmployerMedical, EmployerUnemployment, EmployerWorkInjury];

    /// <summary>The number of industry risk classes of work-injury insurance.</summary>
    public const int RiskClasses = 8;

    /// <inheritdoc />
    public override IReadOnlyList<ColumnDefinition> OptionalInputColumns => [Retired];

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        var injury = setup.List(SocialInsuranceNames.WorkInjuryRates);
        var defaultClass = setup.Scalar(SocialInsuranceNames.WorkInjuryDefaultClass);
        foreach (var region in setup.RegionsPresent)
        {
            if (injury[region].Length != RiskClasses)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"'{SocialInsuranceNames.WorkInjuryRates}' has {injury[region].Length} rates in region {setup.Regions[region].Code}; expected one per industry risk class, {RiskClasses}."));
            }

            double d = defaultClass[region];
            if (d != Math.Floor(d) || d < 1 || d > RiskClasses)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"'{SocialInsuranceNames.WorkInjuryDefaultClass}' is {d} in region {setup.Regions[region].Code}; expected a whole class from 1 to {RiskClasses}."));
            }
        }

        var band = ContributionBand.Resolve(setup);
        var rates = new Rates(
            setup.Scalar(EmployeePensionNames.Parameters.EmployeeRate), setup.Scalar(EmployeePensionNames.Parameters.EmployerRate), setup.Scalar(EmployeePensionNames.Parameters.FlexibleTotalRate),
            setup.Scalar(SocialInsuranceNames.EmployeeMedicalRate), setup.Scalar(SocialInsuranceNames.EmployerMedicalRate),
            setup.Scalar(SocialInsuranceNames.EmployeeUnemploymentRate), setup.Scalar(SocialInsuranceNames.EmployerUnemploymentRate),
            injury, defaultClass, setup.Scalar(SocialInsuranceNames.FlexibleBaseMultiple));
        var ageMale = setup.Scalar(EmployeePensionNames.Parameters.PensionAgeMale);
        var ageFemale = setup.Scalar(EmployeePensionNames.Parameters.PensionAgeFemale);
        var terms = new RegionTerms[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            terms[region.Index] = new RegionTerms(band, rates, ageMale, ageFemale, region);
        }

        return PerPerson<Rule, Rule.Block>(new Rule(band, rates, ageMale, ageFemale, terms));
    }

    private sealed record Rates(
        RegionalValues EmployeePension, RegionalValues EmployerPension, RegionalValues Flexible, RegionalValues EmployeeMedical, RegionalValues EmployerMedical,
        RegionalValues EmployeeUnemployment, RegionalValues EmployerUnemployment, RegionalList WorkInjury, RegionalValues DefaultClass, RegionalValues FlexibleMultiple);

    /// <summary>One region's values, gathered once per run so that a person reads one object, not one array per parameter; derived values are computed with the formula's own expressions.</summary>
    private sealed class RegionTerms(ContributionBand band, Rates rates, RegionalValues ageMale, RegionalValues ageFemale, RegionId region)
    {
        /// <summary>The pension age by the code of sex (the male age for <see cref="Sex.Male"/>, the female age for every other code): read without a branch on the sex, which is unpredictable.</summary>
        public readonly double[] PensionAgeBySex = PensionAgeTable.BySex(ageMale[region], ageFemale[region]);
        public readonly double Floor = band.Floor[region.Index], Ceiling = band.Ceiling[region.Index];
        public readonly double EmployeePension = rates.EmployeePension[region], EmployerPension = rates.EmployerPension[region];
        public readonly double EmployeeMedical = rates.EmployeeMedical[region], EmployerMedical = rates.EmployerMedical[region];
        public readonly double EmployeeUnemployment = rates.EmployeeUnemployment[region], EmployerUnemployment = rates.EmployerUnemployment[region];
        public readonly double[] WorkInjury = [.. rates.WorkInjury[region]];
        public readonly int DefaultClass = (int)rates.DefaultClass[region];
        public readonly double Flexible = rates.Flexible[region];
        public readonly double FlexibleMonthly = Math.Min(rates.FlexibleMultiple[region] * band.Floor[region.Index], band.Ceiling[region.Index]);
        public readonly double FlexibleMedical = rates.EmployeeMedical[region] + rates.EmployerMedical[region];
    }

    private readonly struct Rule(ContributionBand band, Rates rates, RegionalValues ageMale, RegionalValues ageFemale, RegionTerms[] terms) : IPersonRule<Rule.Block>
    {
        private const string Program = "social_insurance";

        public Block Bind(ProgramContext context) => new(context);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            var k = terms[person.Region.Index];
            double pensionAge = k.PensionAgeBySex[(byte)block.Sex[p]];
            var contract = block.Contract[p];
            var scheme = block.Scheme[p];
            bool below = block.Retired.IsEmpty ? block.Age[p] < pensionAge : block.Retired[p] == 0;
            bool employee = below & (contract == WorkContract.LabourContract);
            bool flexible = below & (contract is WorkContract.Flexible or WorkContract.IndividualBusiness);
            double floor = k.Floor, ceiling = k.Ceiling;
            double monthly = 0, eePension = 0, eeMedical = 0, eeUnemployment = 0, erPension = 0, erMedical = 0, erUnemployment = 0, erInjury = 0;
            int riskClass = 0;
            if (employee)
            {
                monthly = Math.Clamp(block.Wages[p] / 12.0, floor, ceiling);
                double annual = 12.0 * monthly;
                eePension = k.EmployeePension * annual;
                erPension = k.EmployerPension * annual;
                if (scheme is MedicalScheme.ByContract or MedicalScheme.Employee)
                {
                    eeMedical = k.EmployeeMedical * annual;
                    erMedical = k.EmployerMedical * annual;
                }

                eeUnemployment = k.EmployeeUnemployment * annual;
                erUnemployment = k.EmployerUnemployment * annual;
                riskClass = block.RiskClass[p] == 0 ? k.DefaultClass : block.RiskClass[p];
                erInjury = k.WorkInjury[riskClass - 1] * annual;
            }
            else if (flexible)
            {
                monthly = k.FlexibleMonthly;
                double annual = 12.0 * monthly;
                eePension = k.Flexible * annual;
                if (scheme == MedicalScheme.Employee)
                {
                    eeMedical = k.FlexibleMedical * annual;
                }
            }

            block.Base[p] = monthly;
            block.EePension[p] = eePension;
            block.EeMedical[p] = eeMedical;
            block.EeUnemployment[p] = eeUnemployment;
            block.ErPension[p] = erPension;
            block.ErMedical[p] = erMedical;
            block.ErUnemployment[p] = erUnemployment;
            block.ErInjury[p] = erInjury;

            if (explanation is not null)
            {
                Explain(explanation, in person, ref block, employee, flexible, pensionAge, riskClass);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Explain(Explanation explanation, in PersonRow person, ref Block block, bool employee, bool flexible, double pensionAge, int riskClass)
        {
            int p = person.Index;
            var region = person.Region;
            var ageSource = (block.Sex[p] == Sex.Male ? ageMale : ageFemale).Source(region);
            string who = StepText.Create($"member {person.Member}: age {block.Age[p]}, {(block.Retired.IsEmpty ? $"pension age {pensionAge:0}" : block.Retired[p] == 0 ? "not retired" : "retired")}, contract {ColumnDefinition.SnakeCase(block.Contract[p].ToString())}, medical scheme {ColumnDefinition.SnakeCase(block.Scheme[p].ToString())}");
            if (!employee && !flexible)
            {
                explanation.Record(Program, $"{who}: no contributions (contributors have a labour contract or work flexibly, below the pension age or, with the retired flag, not retired)", 0, "yuan/year", ageSource);
                return;
            }

            var bandSources = band.Sources(region);
            if (employee)
            {
                explanation.Record(Program, StepText.Create($"{who}: base = clamp(wages {block.Wages[p]:0.00} / 12, {band.DescribeFloor(region)}, {band.DescribeCeiling(region)})"), block.Base[p], "yuan/month", [.. bandSources, ageSource]);
                explanation.Record(Program, StepText.Create($"employee: pension {rates.EmployeePension[region]:0.###} + medical {(block.EeMedical[p] > 0 ? rates.EmployeeMedical[region] : 0):0.###} + unemployment {rates.EmployeeUnemployment[region]:0.###} of 12 × base"), block.EePension[p] + block.EeMedical[p] + block.EeUnemployment[p], "yuan/year",
                    rates.EmployeePension.Source(region), rates.EmployeeMedical.Source(region), rates.EmployeeUnemployment.Source(region));
                explanation.Record(Program, StepText.Create($"employer: pension {rates.EmployerPension[region]:0.###} + medical {(block.ErMedical[p] > 0 ? rates.EmployerMedical[region] : 0):0.###} + unemployment {rates.EmployerUnemployment[region]:0.###} + work injury class {riskClass}{(block.RiskClass[p] == 0 ? " (default)" : string.Empty)} {rates.WorkInjury[region][riskClass - 1]:0.###} of 12 × base (fund revenue, not household income)"),
                    block.ErPension[p] + block.ErMedical[p] + block.ErUnemployment[p] + block.ErInjury[p], "yuan/year",
                    rates.EmployerPension.Source(region), rates.EmployerMedical.Source(region), rates.EmployerUnemployment.Source(region), rates.WorkInjury.Source(region), rates.DefaultClass.Source(region));
            }
            else
            {
                explanation.Record(Program, StepText.Create($"{who}: flexible base = min({rates.FlexibleMultiple[region]:0.##} × {band.DescribeFloor(region)}, {band.DescribeCeiling(region)})"), block.Base[p], "yuan/month", [.. bandSources, rates.FlexibleMultiple.Source(region), ageSource]);
                explanation.Record(Program, StepText.Create($"flexible worker pays pension {rates.Flexible[region]:0.###} of 12 × base{(block.EeMedical[p] > 0 ? " and both medical shares (employee medical insurance)" : string.Empty)}; no employer share"), block.EePension[p] + block.EeMedical[p], "yuan/year",
                    rates.Flexible.Source(region), rates.EmployeeMedical.Source(region), rates.EmployerMedical.Source(region));
            }
        }

        public readonly ref struct Block(ProgramContext context)
        {
            public readonly Rows<byte> Age = new(context.Population.Age, context.EndPerson);
            public readonly Rows<Sex> Sex = new(context.Population.Sex, context.EndPerson);
            public readonly Rows<WorkContract> Contract = new(context.Population.Contract, context.EndPerson);
            public readonly Rows<MedicalScheme> Scheme = new(context.Population.MedicalScheme, context.EndPerson);
            public readonly Rows<byte> RiskClass = new(context.Population.IndustryRiskClass, context.EndPerson);
            public readonly Rows<double> Wages = new(context.Read(InputVariables.Wages.Name), context.EndPerson);
            public readonly ReadOnlySpan<double> Retired = context.Population.ExtraPersonColumns.Contains(SocialInsuranceContributionsProgram.Retired.Name) ? context.Population.ExtraPersonColumn(SocialInsuranceContributionsProgram.Retired.Name) : default;
            public readonly WritableRows<double> Base = new(context.Write(BaseMonthly.Name), context.EndPerson);
            public readonly WritableRows<double> EePension = new(context.Write(EmployeePension.Name), context.EndPerson);
            public readonly WritableRows<double> EeMedical = new(context.Write(EmployeeMedical.Name), context.EndPerson);
            public readonly WritableRows<double> EeUnemployment = new(context.Write(EmployeeUnemployment.Name), context.EndPerson);
            public readonly WritableRows<double> ErPension = new(context.Write(EmployerPension.Name), context.EndPerson);
            public readonly WritableRows<double> ErMedical = new(context.Write(EmployerMedical.Name), context.EndPerson);
            public readonly WritableRows<double> ErUnemployment = new(context.Write(EmployerUnemployment.Name), context.EndPerson);
            public readonly WritableRows<double> ErInjury = new(context.Write(EmployerWorkInjury.Name), context.EndPerson);
        }
    }
}
