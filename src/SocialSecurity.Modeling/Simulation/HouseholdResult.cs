using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Internal;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>The outcome of a <see cref="HouseholdCalculator"/> calculation: every output, the income concepts, and the explanation.</summary>
[TypeFormatterSource]
public sealed class HouseholdResult
{
    private readonly Lazy<Explanation> _explanation;

    /// <param name="result">The one-household run.</param>
    /// <param name="explain">Makes the explanation, the first time it is asked for (the calculator explains only then).</param>
    internal HouseholdResult(SimulationResult result, Func<Explanation> explain)
    {
        Result = result;
        _explanation = new Lazy<Explanation>(explain, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <param name="result">The one-household run.</param>
    /// <param name="explanation">The explanation recorded by that run.</param>
    internal HouseholdResult(SimulationResult result, Explanation explanation)
    {
        Result = result;
        _explanation = new Lazy<Explanation>(explanation);
    }

    /// <summary>The underlying one-household run (columns indexed 0 for the household, 0…n−1 for the members).</summary>
    public SimulationResult Result { get; }

    /// <summary>Each step taken, with the parameter values used; made the first time it is read (after <see cref="HouseholdCalculator.Calculate"/>), so a caller who needs only the values does not pay for the text, or already made (after <see cref="HouseholdCalculator.CalculateExplained"/>).</summary>
    public Explanation Explanation => _explanation.Value;

    /// <summary>A household-level output, in its own period (for example yuan per month for <c>dibao.benefit_monthly</c>).</summary>
    /// <param name="name">The variable's name.</param>
    /// <exception cref="InvalidOperationException">The variable is a person variable (use <see cref="PersonValue"/>).</exception>
    public double HouseholdValue(string name)
    {
        var definition = Result.Definition(name);
        return definition.Entity == Entity.Household
            ? Result.Values(name)[0]
            : throw new InvalidOperationException($"'{name}' is a person variable; use PersonValue(name, member).");
    }

    /// <summary>A person-level output for member <paramref name="member"/> (in the order given), in its own period.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="member">The member's position in the list given to the calculator.</param>
    public double PersonValue(string name, int member)
    {
        var definition = Result.Definition(name);
        if (definition.Entity != Entity.Person)
        {
            throw new InvalidOperationException($"'{name}' is a household variable; use HouseholdValue(name).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(member);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(member, Result.Population.PersonCount);
        return Result.Values(name)[member];
    }

    /// <summary>The household's total income under an income concept, yuan per year.</summary>
    /// <param name="concept">The concept.</param>
    public AnnualYuan Income(IncomeConcept concept) => new(Result.HouseholdIncome(concept)[0]);

    /// <summary>
    /// A report: every output (rounded to 0.01 yuan for display; person outputs one value per member), the income
    /// concepts, then the explanation. Names, values and units are in aligned columns; a zero never prints with a sign.
    /// </summary>
    public override string ToString()
    {
        var rows = new List<(string Name, string Value, string Unit)>();
        foreach (var output in Result.Policy.Outputs)
        {
            var unit = output.Period switch { AmountPeriod.Month => "yuan/month", AmountPeriod.Year => "yuan/year", _ => string.Empty };
            var values = Result.Values(output.Name);
            var shown = output.Entity == Entity.Household
                ? Format(values[0], output.Period)
                : string.Join(", ", values.ToArray().Select(v => Format(v, output.Period)));
            rows.Add((output.Name, shown, unit));
        }

        foreach (var concept in Enum.GetValues<IncomeConcept>())
        {
            rows.Add(($"income.{concept}", Format(Result.HouseholdIncome(concept)[0], AmountPeriod.Year), "yuan/year"));
        }

        int nameWidth = rows.Max(r => r.Name.Length);
        int valueWidth = rows.Max(r => r.Value.Length);
        var text = new StringBuilder();
        foreach (var (name, value, unit) in rows)
        {
            text.AppendLine(($"{name.PadRight(nameWidth)}  {value.PadLeft(valueWidth)} {unit}").TrimEnd());
        }

        text.AppendLine("Explanation:");
        text.Append(Explanation.ToText(Result.Parameters.Regions));
        return text.ToString();
    }

    private static string Format(double value, AmountPeriod period)
    {
        if (period == AmountPeriod.None)
        {
            return (value == 0 ? 0.0 : value).ToString("G", CultureInfo.InvariantCulture);
        }

        decimal rounded = Yuan.Round(value);
        return (rounded == 0 ? 0m : rounded).ToString("N2", CultureInfo.InvariantCulture);
    }
}
