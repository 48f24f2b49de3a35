using System.Collections.Concurrent;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Metrics;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>
/// The outcome of a population run: every program output as a column, the CEQ income concepts per household and
/// per person, and weighted totals. Columns are read-only views; the result is safe to share between threads.
/// </summary>
/// <remarks>
/// A result of <see cref="SimulationContext.Run"/> lends its output columns: <see cref="Dispose"/> gives them back
/// to the context for its next run, after which the result cannot be read. A result of <see cref="Microsimulation.Run"/>
/// gives its columns to the context that function keeps for the population and policy. Disposing is optional: an
/// undisposed result keeps its columns, and the next run takes fresh ones.
/// </remarks>
[TypeFormatterSource]
public sealed class SimulationResult : IDisposable
{
    private readonly SimulationContext? _owner;
    private VariableTable? _table;
    private readonly ConcurrentDictionary<IncomeConcept, double[]> _household = new();
    private readonly ConcurrentDictionary<IncomeConcept, double[]> _perCapita = new();
    private readonly Lazy<double[]> _personWeights;

    internal SimulationResult(Population population, Policy policy, ParameterStore parameters, DateOnly date, VariableTable table, SimulationContext? owner = null)
    {
        _owner = owner;
        Population = population;
        Policy = policy;
        Parameters = parameters;
        Date = date;
        _table = table;
        _personWeights = new Lazy<double[]>(() =>
        {
            var weights = new double[population.PersonCount];
            var household = population.PersonHouseholdColumn;
            for (int p = 0; p < weights.Length; p++)
            {
                weights[p] = population.WeightColumn[household[p]];
            }

            return weights;
        });
    }

    /// <summary>
    /// This result's values on <paramref name="reweighted"/>, the simulated population with other weights and nothing
    /// else changed (rules never read weights), without running again; the new result is not returned to a context.
    /// </summary>
    internal SimulationResult OnReweighted(Population reweighted)
    {
        if (reweighted.HouseholdCount != Population.HouseholdCount || reweighted.PersonCount != Population.PersonCount)
        {
            throw new ArgumentException("A reweighted population has the simulated population's households and persons.", nameof(reweighted));
        }

        return new SimulationResult(reweighted, Policy, Parameters, Date, Table);
    }

    private VariableTable Table => _table ?? throw new ObjectDisposedException(nameof(SimulationResult), "The result was disposed: its columns went back to its SimulationContext for the next run.");

    /// <summary>
    /// Gives the output columns back to the <see cref="SimulationContext"/> that ran the result, for its next run.
    /// Afterwards the result cannot be read (spans taken earlier must not be read either: the next run overwrites them).
    /// </summary>
    public void Dispose()
    {
        var table = Interlocked.Exchange(ref _table, null);
        if (table is not null)
        {
            _owner?.Return(table);
        }
    }

    /// <summary>Takes the columns away from the result, which cannot be read afterwards, without giving them back to its context; <see langword="null"/> when already disposed.</summary>
    internal VariableTable? Release() => Interlocked.Exchange(ref _table, null);

    /// <summary>The population that was simulated.</summary>
    public Population Population { get; }

    /// <summary>The policy that was run.</summary>
    public Policy Policy { get; }

    /// <summary>The parameters used (with any reforms).</summary>
    public ParameterStore Parameters { get; }

    /// <summary>The date the rules were evaluated at.</summary>
    public DateOnly Date { get; }

    /// <summary>Every variable of the run: inputs and outputs.</summary>
    public IEnumerable<VariableDefinition> Variables => Table.Definitions;

    /// <summary>Each person's weight: their household's weight.</summary>
    public ReadOnlySpan<double> PersonWeights => _personWeights.Value;

    /// <summary>A variable's values: one per person or per household, in the variable's own period.</summary>
    /// <param name="name">The variable's name.</param>
    /// <exception cref="KeyNotFoundException">No such variable.</exception>
    public ReadOnlySpan<double> Values(string name) => Table.Span(name);

    /// <summary>The array behind <see cref="Values"/>, for passes over blocks of rows in parallel; read only, and only its first rows (as many as <see cref="Values"/>): an output's array may be a longer, recycled one.</summary>
    internal double[] ValuesArray(string name) => Table.Column(name);

    /// <summary>A variable's definition.</summary>
    /// <param name="name">The variable's name.</param>
    public VariableDefinition Definition(string name) => Table.Definition(name);

    /// <summary>
    /// The weighted annual total of a monetary variable, in yuan per year (monthly values × 12): <c>Σ w·x</c> summed
    /// exactly and rounded once (<see cref="ExactSum"/>), so it does not depend on the order of the rows.
    /// </summary>
    /// <param name="name">The variable's name.</param>
    /// <exception cref="InvalidOperationException">The variable has no period (it is not a flow of money).</exception>
    public double AnnualTotal(string name)
    {
        var definition = Table.Definition(name);
        if (definition.Period == AmountPeriod.None)
        {
            throw new InvalidOperationException($"Variable '{name}' has no period; only flows of money have an annual total.");
        }

        return WeightedSum(name) * definition.ToAnnualFactor;
    }

    /// <summary>
    /// The weighted number of households (for household variables) or persons (for person variables) with a value
    /// above zero, summed exactly (independent of row order). <see cref="VariableDefinition.Entity"/> says which unit.
    /// </summary>
    /// <param name="name">The variable's name.</param>
    public double Recipients(string name)
    {
        var definition = Table.Definition(name);
        var values = Table.Span(name);
        var weights = definition.Entity == Entity.Household ? Population.WeightColumn : _personWeights.Value;
        var total = new ExactSum();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > 0)
            {
                total.Add(weights[i]);
            }
        }

        return total.Result();
    }

    /// <summary>
    /// Annual public spending on simulated programs, yuan per year: every program output that
    /// <see cref="VariableDefinition.IsPublicSpending">is public spending</see> (direct and in-kind transfers, and
    /// outputs flagged as spending such as government-paid pension contributions, pension subsidies and the
    /// government-financed basic pension). Input data (reported pensions) are not counted.
    /// </summary>
    public double PublicSpendingAnnual => PublicTotal(o => o.IsPublicSpending, AnnualTotal);

    /// <summary>Annual public revenue from simulated programs, yuan per year: every program output that <see cref="VariableDefinition.IsPublicRevenue">is public revenue</see>.</summary>
    public double PublicRevenueAnnual => PublicTotal(o => o.IsPublicRevenue, AnnualTotal);

    /// <summary>
    /// The annual totals of the policy's outputs that <paramref name="flow"/> selects, added one by one in the policy's
    /// order starting from 0: <see cref="PublicSpendingAnnual"/> and <see cref="PublicRevenueAnnual"/> with
    /// <see cref="AnnualTotal"/>, and callers that have the same exact totals from elsewhere (the projection's one-pass
    /// sums) get the same bits.
    /// </summary>
    internal double PublicTotal(Func<VariableDefinition, bool> flow, Func<string, double> annualTotal)
    {
        double total = 0;
        foreach (var output in Policy.Outputs)
        {
            if (flow(output))
            {
                total += annualTotal(output.Name);
            }
        }

        return total;
    }

    /// <summary>Each household's total income under <paramref name="concept"/>, yuan per year.</summary>
    /// <param name="concept">The income concept.</param>
    public ReadOnlySpan<double> HouseholdIncome(IncomeConcept concept) => _household.GetOrAdd(concept, ComputeHouseholdIncome);

    /// <summary>
    /// Each person's household per-capita income under <paramref name="concept"/> (household total ÷ size), yuan per
    /// year: the unit of analysis of China's household survey. Weight it with <see cref="PersonWeights"/>.
    /// </summary>
    /// <param name="concept">The income concept.</param>
    public ReadOnlySpan<double> PerCapitaIncome(IncomeConcept concept) => _perCapita.GetOrAdd(concept, c =>
    {
        var household = ComputeOrGet(c);
        var result = new double[Population.PersonCount];
        var start = Population.MemberStartColumn;
        for (int h = 0; h < household.Length; h++)
        {
            double perCapita = household[h] / (start[h + 1] - start[h]);
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                result[p] = perCapita;
            }
        }

        return result;
    });

    /// <summary>
    /// The weighted midpoint Gini of <see cref="PerCapitaIncome"/> with <see cref="PersonWeights"/>, computed from the
    /// households (a sort of the households instead of the persons): bit for bit
    /// <see cref="Inequality.Gini(ReadOnlySpan{double}, ReadOnlySpan{double})"/> of those two columns.
    /// </summary>
    /// <param name="concept">The income concept.</param>
    public double Gini(IncomeConcept concept) => Inequality.GiniOfHouseholds(HouseholdIncome(concept), Population.Weight, Population.MemberStart);

    private double[] ComputeOrGet(IncomeConcept concept) => _household.GetOrAdd(concept, ComputeHouseholdIncome);

    private double WeightedSum(string name)
    {
        var definition = Table.Definition(name);
        var values = Table.Span(name);
        var weights = definition.Entity == Entity.Household ? Population.WeightColumn : _personWeights.Value;
        return ExactSum.SumOfProducts(values, weights);
    }

    private double[] ComputeHouseholdIncome(IncomeConcept concept)
    {
        // Sign of each role in each concept (docs/indicators.md#income-concepts, PDI scenario).
        static double Sign(IncomeRole role, IncomeConcept concept) => role switch
        {
            IncomeRole.MarketIncome => 1,
            IncomeRole.PensionContribution => -1,
            IncomeRole.ContributoryPension => concept >= IncomeConcept.MarketPlusPensions ? 1 : 0,
            IncomeRole.DirectTransfer => concept >= IncomeConcept.Gross ? 1 : 0,
            IncomeRole.DirectTax or IncomeRole.OtherContribution => concept >= IncomeConcept.Disposable ? -1 : 0,
            IncomeRole.InKindTransfer => concept == IncomeConcept.Final ? 1 : 0,
            IncomeRole.CoPayment => concept == IncomeConcept.Final ? -1 : 0,
            _ => 0,
        };

        var terms = new List<HouseholdTerm>();
        foreach (var variable in Table.Definitions)
        {
            double factor = Sign(variable.Role, concept) * variable.ToAnnualFactor;
            if (factor == 0)
            {
                continue;
            }

            // The arrays may be longer than the rows (recycled); only the rows are read. A column of zeros adds ±0 to
            // every total, which leaves it as it is (a sum started at +0 is never −0).
            var (values, rows) = Table.ColumnAndRows(variable.Name);
            if (values.AsSpan(0, rows).IndexOfAnyExcept(0.0) >= 0)
            {
                terms.Add(new HouseholdTerm(values, factor, variable.Entity == Entity.Household));
            }
        }

        // Each household's terms are added in the table's order, as one pass per column would add them (households on
        // several threads, each household's total by one).
        var result = new double[Population.HouseholdCount];
        ColumnMath.AddHouseholdTermsInParallel([.. terms], Population.MemberStartColumn, result);
        return result;
    }
}
