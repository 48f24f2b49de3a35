using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Assistance;

namespace SocialSecurity.Modeling.Programs.Insurance;

/// <summary>
/// Unemployment insurance benefit (失业保险金): paid monthly to a registered unemployed person who lost the job
/// involuntarily and contributed for at least a year, for at most 12, 18 or 24 months by contribution years, at a
/// provincial share of the local minimum wage floored at the urban dibao standard; the fund also pays the person's
/// basic medical premium while the benefit is paid.
/// </summary>
/// <remarks>
/// <para>Legal basis: 失业保险条例 (Unemployment Insurance Regulations, 1999) art. 14 (one year of contributions,
/// involuntary loss, registration), art. 17 (maximum duration), art. 18 (the amount between the urban dibao
/// standard and the minimum wage, set by the province); 人社部发〔2017〕71号 (the amount may rise to 90% of the minimum
/// wage [U]); 社会保险法 art. 48 (the fund pays the medical premium of recipients). docs/rules/unemployment.md.</para>
/// <para>Rule, per person with <i>y</i> contribution years (<c>person.unemployment_insurance_years</c>) and <i>m</i>
/// months registered unemployed after an involuntary loss this year (<c>person.unemployment_months</c>):</para>
/// <list type="bullet">
/// <item>eligible when <i>y</i> ≥ the first entry of <c>unemployment.duration.from_years</c> and <i>m</i> &gt; 0;</item>
/// <item>maximum duration = the <c>unemployment.duration.max_months</c> entry of the last threshold of
/// <c>unemployment.duration.from_years</c> at or below <i>y</i> (12, 18, 24 months from 1, 5, 10 years);</item>
/// <item>months paid = min(<i>m</i>, maximum duration);</item>
/// <item>monthly amount = max(<c>unemployment.benefit.minimum_wage_share</c> × <c>destitute.care.minimum_wage_monthly</c>,
/// <c>dibao.standard.urban</c>/12), all resolved where the household lives;</item>
/// <item>benefit = months paid × monthly amount (yuan/year); medical premium paid by the fund = months paid ×
/// <c>unemployment.medical_premium_monthly</c>.</item>
/// </list>
/// </remarks>
public sealed class UnemploymentInsuranceProgram : RuleProgram
{
    /// <summary>Parameter (list, years): the contribution years from which each maximum duration applies, ascending; the first is the minimum for eligibility.</summary>
    public const string DurationFromYears = "unemployment.duration.from_years";

    /// <summary>Parameter (list, months): the maximum duration for each threshold of <see cref="DurationFromYears"/>.</summary>
    public const string DurationMaxMonths = "unemployment.duration.max_months";

    /// <summary>Parameter (fraction): the province's benefit as a share of the local minimum wage.</summary>
    public const string MinimumWageShare = "unemployment.benefit.minimum_wage_share";

    /// <summary>Parameter (yuan/month): the basic medical premium the fund pays for a recipient.</summary>
    public const string MedicalPremium = "unemployment.medical_premium_monthly";

    // Shared parameters: the local minimum wage (yuan/month) of the destitute care standard and the urban dibao
    // standard (yuan/year), the benefit's floor.
    private const string MinimumWage = DestitutePersonsProgram.MinimumWage;
    private const string DibaoStandardUrban = DibaoProgram.StandardUrban;

    /// <summary>Output: 1 when the person is eligible for the benefit this year (person flag).</summary>
    public static readonly VariableDefinition Eligible = new("unemployment.eligible", Entity.Person, AmountPeriod.None, IncomeRole.None, "1 when the person is eligible for the unemployment benefit this year");

    /// <summary>Output: the maximum duration for the person's contribution years, months (0 below the minimum years), whether or not the person is unemployed.</summary>
    public static readonly VariableDefinition MaxMonths = new("unemployment.max_months", Entity.Person, AmountPeriod.None, IncomeRole.None, "Maximum duration of the unemployment benefit for the person's contribution years, months (0 below the minimum years)");

    /// <summary>Output: the months of benefit paid this year.</summary>
    public static readonly VariableDefinition MonthsPaid = new("unemployment.months_paid", Entity.Person, AmountPeriod.None, IncomeRole.None, "Months of unemployment benefit paid this year");

    /// <summary>Output: the unemployment benefit, yuan per year.</summary>
    public static readonly VariableDefinition Benefit = new("unemployment.benefit_annual", Entity.Person, AmountPeriod.Year, IncomeRole.DirectTransfer, "Unemployment insurance benefit, yuan per year");

    /// <summary>Output: the basic medical premium the unemployment fund pays for the recipient, yuan per year (a transfer between funds, not household income).</summary>
    public static readonly VariableDefinition MedicalPremiumPaid = new("unemployment.medical_premium_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Basic medical premium paid by the unemployment fund for the recipient, yuan per year", FiscalFlow.None);

    /// <summary>Creates the program.</summary>
    public UnemploymentInsuranceProgram()
        : base(
            "unemployment",
            "Unemployment insurance benefit: one year of contributions, involuntary loss and registration; 12/18/24 months at most; a provincial share of the minimum wage floored at the urban dibao standard; the fund pays the medical premium (1999 Regulations arts. 14, 17, 18).",
            inputs: [],
            outputs: [Eligible, MaxMonths, MonthsPaid, Benefit, MedicalPremiumPaid],
            parameters: [DurationFromYears, DurationMaxMonths, MinimumWageShare, MinimumWage, DibaoStandardUrban, MedicalPremium],
            pays: ["unemployment"])
    {
    }

    /// <inheritdoc />
    internal override bool WritesEveryRow => true;

    /// <inheritdoc />
    internal override bool ReadsNoIncomesOrWeights => true; // ids, the contribution years and the unemployment spell

    /// <inheritdoc />
    protected override ProgramPass CreatePass(ProgramSetup setup)
    {
        var fromYears = setup.List(DurationFromYears);
        var maxMonths = setup.List(DurationMaxMonths);
        foreach (var region in setup.RegionsPresent)
        {
            CheckDurations(fromYears[region], maxMonths[region]);
        }

        var share = setup.Scalar(MinimumWageShare);
        var minimumWage = setup.PerMonth(MinimumWage);
        var dibaoMonthly = setup.PerMonth(DibaoStandardUrban);
        var premium = setup.PerMonth(MedicalPremium);
        var terms = new RegionTerms[setup.Regions.Count];
        foreach (var region in setup.RegionsPresent)
        {
            int r = region.Index;
            terms[r] = new RegionTerms([.. fromYears[region]], [.. maxMonths[region]], Math.Max(share.ByRegion[r] * minimumWage.ByRegion[r], dibaoMonthly.ByRegion[r]), premium.ByRegion[r]);
        }

        return PerPerson<Rule, Rule.Block>(new Rule(fromYears, maxMonths, share, minimumWage, dibaoMonthly, premium, terms));
    }

    /// <summary>One region's terms, resolved once per run: the duration table and the monthly amounts, computed as the rule computes them.</summary>
    private sealed class RegionTerms(double[] from, double[] months, double monthly, double premium)
    {
        public readonly double[] From = from;
        public readonly double[] Months = months;

        /// <summary>The maximum duration by how many thresholds the contribution years reach: 0 for none, then <see cref="Months"/>.</summary>
        public readonly double[] MonthsByCount = [0.0, .. months];

        public readonly double Monthly = monthly;
        public readonly double Premium = premium;
    }

    private static void CheckDurations(ImmutableArray<double> from, ImmutableArray<double> months)
    {
        if (from.Length == 0 || from.Length != months.Length)
        {
            throw new InvalidOperationException($"'{DurationFromYears}' and '{DurationMaxMonths}' must be non-empty lists of the same length (got {from.Length} and {months.Length}).");
        }

        for (int i = 1; i < from.Length; i++)
        {
            if (!(from[i] > from[i - 1]))
            {
                throw new InvalidOperationException($"'{DurationFromYears}' must be strictly ascending.");
            }
        }
    }

    private readonly struct Rule(RegionalList fromYears, RegionalList maxMonths, RegionalValues share, RegionalValues minimumWage, RegionalValues dibaoMonthly, RegionalValues premium, RegionTerms[] terms) : IPersonRule<Rule.Block>
    {
        public Block Bind(ProgramContext context)
        {
            var population = context.Population;
            return new(population.UnemploymentInsuranceYears, population.UnemploymentMonths, context.Write(Eligible.Name), context.Write(MaxMonths.Name), context.Write(MonthsPaid.Name), context.Write(Benefit.Name), context.Write(MedicalPremiumPaid.Name), context.EndPerson);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Compute(ref Block block, in PersonRow person, Explanation? explanation)
        {
            int p = person.Index;
            var k = terms[person.Region.Index];
            var from = k.From;
            double years = block.Years[p];
            int spell = block.Spell[p];

            // The maximum duration: the entry of the last threshold at or below the years, 0 below the first. The
            // thresholds are strictly ascending (checked when prepared), so those the years reach are a prefix: their
            // count picks the entry, with no branch on the years (NaN reaches none, as in a search that stops there).
            int reached = 0;
            for (int i = 0; i < from.Length; i++)
            {
                reached += years >= from[i] ? 1 : 0;
            }

            double maximum = k.MonthsByCount[reached];

            // The spell first: few persons have one, so the test is predictable and the years (a quarter of persons
            // have some, unpredictably) are compared only for them.
            bool eligible = spell > 0 && years >= from[0];
            double paid = eligible ? Math.Min(spell, maximum) : 0.0;
            double monthly = k.Monthly;
            block.Eligible[p] = eligible ? 1.0 : 0.0;
            block.MaxMonths[p] = maximum;
            block.MonthsPaid[p] = paid;
            block.Benefit[p] = paid * monthly;
            block.Premium[p] = paid * k.Premium;
            if (explanation is not null)
            {
                Explain(ref block, person, explanation, fromYears[person.Region], years, spell, eligible, maximum, paid, monthly);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Explain(ref Block block, in PersonRow person, Explanation explanation, ImmutableArray<double> from, double years, int spell, bool eligible, double maximum, double months, double monthly)
        {
            int p = person.Index;
            explanation.Record("unemployment", StepText.Create($"member {person.Member}: {years:0.##} contribution years ≥ {from[0]:0.##} and {spell} month(s) registered after an involuntary loss → {(eligible ? "eligible" : "not eligible")}; maximum duration {maximum:0} months"), maximum, "months", fromYears.Source(person.Region), maxMonths.Source(person.Region));
            explanation.Record("unemployment", StepText.Create($"monthly amount = max({share[person.Region]:0.###} × minimum wage {minimumWage[person.Region]:0.00}, urban dibao standard {dibaoMonthly[person.Region]:0.00}/month)"), monthly, "yuan/month", share.Source(person.Region), minimumWage.Source(person.Region), dibaoMonthly.Source(person.Region));
            explanation.Record("unemployment", StepText.Create($"benefit = {months:0} month(s) × {monthly:0.00}"), block.Benefit[p], "yuan/year");
            explanation.Record("unemployment", StepText.Create($"medical premium paid by the fund = {months:0} month(s) × {premium[person.Region]:0.00}"), block.Premium[p], "yuan/year", premium.Source(person.Region));
        }

        public readonly ref struct Block(ReadOnlySpan<double> years, ReadOnlySpan<byte> spell, Span<double> eligible, Span<double> maxMonths, Span<double> monthsPaid, Span<double> benefit, Span<double> premium, int end)
        {
            public readonly Rows<double> Years = new(years, end);
            public readonly Rows<byte> Spell = new(spell, end);
            public readonly WritableRows<double> Eligible = new(eligible, end);
            public readonly WritableRows<double> MaxMonths = new(maxMonths, end);
            public readonly WritableRows<double> MonthsPaid = new(monthsPaid, end);
            public readonly WritableRows<double> Benefit = new(benefit, end);
            public readonly WritableRows<double> Premium = new(premium, end);
        }
    }
}
