using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// Housing provident fund contributions (住房公积金缴存): the employee's and the employer's equal shares on the wage
/// capped at a multiple of the local average monthly wage. docs/rules/housing_fund.md.
/// </summary>
/// <remarks>
/// <para>Legal basis: 住房公积金管理条例 arts. 3, 16, 18 (both shares belong to the employee; 5%–12% chosen locally);
/// 建金〔2005〕5号 (the base at most 3 × the local average monthly wage). Rule, per person with a labour contract
/// below the statutory pension age: base = min(wages ÷ 12, <c>housing_fund.base_cap_multiple</c> × the average monthly
/// wage <c>pension.employee.average_wage</c> ÷ 12); each share = <c>housing_fund.contribution_rate</c> × 12 × base.
/// Others: 0. Simplifications: no local floor on the base; flexible workers' voluntary deposits are not modelled.</para>
/// <para>Outputs, yuan per year: the employee share is the employee's own mandatory saving, subtracted in disposable
/// income (<see cref="IncomeRole.OtherContribution"/>) but never public revenue (<see cref="FiscalFlow.None"/>); the
/// employer share is neither household income nor a public flow.</para>
/// </remarks>
public sealed class HousingFundProgram()
    : RuleProgram(
        "housing_fund",
        "Housing provident fund: employee and employer each pay the local rate (5%-12%, 7% [I]) of wages/12 capped at 3 × the local average monthly wage; the employee's own savings, never public revenue (住房公积金管理条例; 建金〔2005〕5号).",
        inputs: [InputVariables.Wages.Name],
        outputs: [EmployeeShare, EmployerShare],
        parameters: [ContributionRate, BaseCapMultiple, EmployeePensionNames.Parameters.AverageWage, EmployeePensionNames.Parameters.PensionAgeMale, EmployeePensionNames.Parameters.PensionAgeFemale],
        pays: ["housing_fund"])
{
    /// <summary>Parameter: the rate of each share (fraction of the base).</summary>
    public const string ContributionRate = "housing_fund.contribution_rate";

    /// <summary>Parameter: the base cap as a multiple of the average monthly wage.</summary>
    public const string BaseCapMultiple = "housing_fund.base_cap_multiple";

    /// <summary>Output: the employee's share, yuan per year: own savings subtracted in disposable income, not public revenue.</summary>
    public static readonly VariableDefinition EmployeeShare = new("housing_fund.employee_annual", Entity.Person, AmountPeriod.Year, IncomeRole.OtherContribution, "Housing provident fund contribution deducted from the employee's wage (the employee's own savings), yuan per year", FiscalFlow.None);

    /// <summary>Output: the employer's share, yuan per year: credited to the employee's account, neither household income nor public revenue.</summary>
    public static readonly VariableDefinition EmployerShare = new("housing_fund.employer_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Housing provident fund contribution paid by the employer into the employee's account, yuan per year", FiscalFlow.None);

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        var rate = setup.Scalar(ContributionRate);
        var capMultiple = setup.Scalar(BaseCapMultiple);
        var average = setup.PerMonth(EmployeePensionNames.Parameters.AverageWage);
        var ageMale = setup.Scalar(EmployeePensionNames.Parameters.PensionAgeMale);
        var ageFemale = setup.Scalar(EmployeePensionNames.Parameters.PensionAgeFemale);
        var terms = new RegionTerms[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            int r = region.Index;
            double rate12 = rate.ByRegion[r] * 12.0;
            terms[r] = new RegionTerms
            {
                Cap = capMultiple.ByRegion[r] * average.ByRegion[r],
                Rate12 = rate12,
                NotCovered = rate12 * 0,
                AgeBySex = PensionAgeTable.BySex(ageMale.ByRegion[r], ageFemale.ByRegion[r]),
            };
        }

        return PerPerson<Rule, Rule.Block>(new Rule(rate, capMultiple, average, ageMale, ageFemale, terms));
    }

    /// <summary>One region's terms, resolved once per run and computed as the rule computes them (the share of a person not covered is the rate × 12 × 0, which is 0 for any sane rate).</summary>
    private struct RegionTerms
    {
        public double Cap, Rate12, NotCovered;

        /// <summary>The pension age by the code of sex (<see cref="PensionAgeTable"/>).</summary>
        public double[] AgeBySex;
    }

    private readonly struct Rule(RegionalValues rate, RegionalValues capMultiple, RegionalValues average, RegionalValues ageMale, RegionalValues ageFemale, RegionTerms[] terms) : IPersonRule<Rule.Block>
    {
        public Block Bind(ProgramContext context) => new(context);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            ref readonly var k = ref terms[person.Region.Index];

            // Most persons have no labour contract: their share is the region's constant, without reading wages.
            bool covered = block.Contract[p] == WorkContract.LabourContract && block.Age[p] < k.AgeBySex[(byte)block.Sex[p]];
            double monthly = covered ? Math.Min(block.Wages[p] / 12.0, k.Cap) : 0;
            double share = covered ? k.Rate12 * monthly : k.NotCovered;
            block.Employee[p] = share;
            block.Employer[p] = share;
            if (explanation is not null)
            {
                Explain(ref block, person, explanation, block.Sex[p] == Sex.Male ? ageMale : ageFemale, covered, monthly, share);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Explain(ref Block block, in PersonRow person, Explanation explanation, RegionalValues ages, bool covered, double monthly, double share)
        {
            int p = person.Index, r = person.Region.Index;
            if (covered)
            {
                explanation.Record("housing_fund", StepText.Create($"member {person.Member}: base = min(wages {block.Wages[p]:0.00} / 12, {capMultiple.ByRegion[r]:0.##} × average {average.ByRegion[r]:0.00}) = {monthly:0.00}; each share = {rate.ByRegion[r]:0.###} × 12 × base (the employee's own savings, not public revenue)"),
                    share, "yuan/year", rate.Source(person.Region), capMultiple.Source(person.Region), average.Source(person.Region), ages.Source(person.Region));
            }
            else
            {
                explanation.Record("housing_fund", StepText.Create($"member {person.Member}: no housing fund (a labour contract below the pension age {ages.ByRegion[r]:0} is required)"), 0, "yuan/year", ages.Source(person.Region));
            }
        }

        public readonly ref struct Block(ProgramContext context)
        {
            public readonly Rows<byte> Age = new(context.Population.Age, context.EndPerson);
            public readonly Rows<Sex> Sex = new(context.Population.Sex, context.EndPerson);
            public readonly Rows<WorkContract> Contract = new(context.Population.Contract, context.EndPerson);
            public readonly Rows<double> Wages = new(context.Read(InputVariables.Wages.Name), context.EndPerson);
            public readonly WritableRows<double> Employee = new(context.Write(EmployeeShare.Name), context.EndPerson);
            public readonly WritableRows<double> Employer = new(context.Write(EmployerShare.Name), context.EndPerson);
        }
    }
}
