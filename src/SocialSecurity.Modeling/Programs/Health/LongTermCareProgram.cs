using System.Globalization;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Programs.Health;

/// <summary>
/// Long-term care insurance over a population: where the scheme exists, every resident is insured (financing per
/// insured is recorded) and a person assessed as partly or fully unable to look after themself receives a share of
/// the assessed care cost (docs/rules/ltc.md; rule in <see cref="LongTermCareTerms"/>).
/// </summary>
/// <remarks>
/// <para>The grade is the built-in <see cref="Population.SelfCare"/> column; the assessed care cost is
/// the extra person column <see cref="AssessedCareCostColumn"/> (yuan per year), so the program is not part of
/// <see cref="Policies.Standard"/>.</para>
/// <para>Who pays the financing (individuals, medical-insurance funds, government) is unknown, so
/// <see cref="Financing"/> has role <see cref="IncomeRole.None"/>: it is recorded, not subtracted from anyone's income.</para>
/// </remarks>
public sealed class LongTermCareProgram : PolicyProgram
{
    /// <summary>Input person column: the assessed cost of the care the person needs, yuan per year, ≥ 0.</summary>
    public const string AssessedCareCostColumn = "ltc.assessed_care_cost_annual";

    /// <summary>Parameter: the scheme covers residents of the region (flag).</summary>
    public const string Enabled = "ltc.enabled";

    /// <summary>Parameter: benefit share of the assessed care cost for a person partly unable to look after themself (fraction).</summary>
    public const string SharePartlyUnable = "ltc.benefit_share.partly_unable";

    /// <summary>Parameter: benefit share for a person fully unable to look after themself (fraction).</summary>
    public const string ShareFullyUnable = "ltc.benefit_share.fully_unable";

    /// <summary>Parameter: financing per insured person, yuan per year.</summary>
    public const string FinancingPerInsured = "ltc.financing_per_insured";

    /// <summary>Output: the long-term care benefit, yuan per year (in kind: care services).</summary>
    public static readonly VariableDefinition Benefit = new("ltc.benefit_annual", Entity.Person, AmountPeriod.Year, IncomeRole.InKindTransfer, "Long-term care insurance benefit (care services)");

    /// <summary>Output: financing raised for the insured person, yuan per year (payer unknown; not subtracted from income).</summary>
    public static readonly VariableDefinition Financing = new("ltc.financing_annual", Entity.Person, AmountPeriod.Year, IncomeRole.None, "Long-term care insurance financing per insured person (payer not attributed)");

    /// <inheritdoc />
    public override string Name => "ltc";

    /// <inheritdoc />
    public override string Description => "Long-term care insurance: a share of the assessed care cost by grade of inability to look after oneself; financing per insured (docs/rules/ltc.md).";

    /// <inheritdoc />
    public override IReadOnlyList<string> Inputs { get; } = [AssessedCareCostColumn];

    /// <inheritdoc />
    public override IReadOnlyList<VariableDefinition> Outputs { get; } = [Benefit, Financing];

    /// <inheritdoc />
    public override IReadOnlyList<string> Parameters { get; } = [Enabled, SharePartlyUnable, ShareFullyUnable, FinancingPerInsured];

    /// <summary>A policy with this program alone, for populations that carry <see cref="AssessedCareCostColumn"/>.</summary>
    public static Policy CreatePolicy() => Policy.Create(new LongTermCareProgram());

    /// <inheritdoc />
    public override ProgramPass Prepare(ProgramSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new Pass(setup);
    }

    private sealed class Pass : ProgramPass
    {
        private readonly LongTermCareTerms?[] _terms;
        private readonly RegionalValues _enabled;
        private readonly RegionalValues _partly;
        private readonly RegionalValues _fully;

        public Pass(ProgramSetup setup)
        {
            _enabled = setup.Scalar(Enabled);
            _partly = setup.Scalar(SharePartlyUnable);
            _fully = setup.Scalar(ShareFullyUnable);
            var financing = setup.PerYear(FinancingPerInsured);
            _terms = new LongTermCareTerms?[setup.Regions.Count];
            foreach (var r in setup.RegionsPresent)
            {
                _terms[r.Index] = _enabled[r] != 0 ? new LongTermCareTerms(_partly[r], _fully[r], financing[r]) : null;
            }
        }

        public override void Execute(ProgramContext context)
        {
            var population = context.Population;
            var start = population.MemberStart;
            var region = population.HouseholdRegion;
            var selfCare = population.SelfCare;
            var cost = context.Read(AssessedCareCostColumn);
            var benefit = context.Write(Benefit.Name);
            var financing = context.Write(Financing.Name);
            for (int h = context.FirstHousehold; h < context.EndHousehold; h++)
            {
                var terms = _terms[region[h].Index];
                for (int p = start[h]; p < start[h + 1]; p++)
                {
                    if (terms is not { } t)
                    {
                        benefit[p] = 0;
                        financing[p] = 0;
                        continue;
                    }

                    double c = cost[p];
                    if (!double.IsFinite(c) || c < 0)
                    {
                        throw new InvalidOperationException($"Column '{AssessedCareCostColumn}' holds {c.ToString(CultureInfo.InvariantCulture)} for person row {p}; expected a finite amount ≥ 0 yuan per year.");
                    }

                    benefit[p] = t.Benefit(selfCare[p], c);
                    financing[p] = t.FinancingPerInsuredAnnual;
                    if (context.Explanation is { } explain)
                    {
                        var source = selfCare[p] == SelfCareAbility.FullyUnable ? _fully.Source(region[h]) : _partly.Source(region[h]);
                        explain.Record("ltc", StepText.Create($"person {population.PersonId[p]}: benefit = share for {selfCare[p]} ({t.ShareFor(selfCare[p]):0.##}) × assessed care cost {c:0.00}"), benefit[p], "yuan/year", source);
                    }
                }
            }
        }
    }
}
