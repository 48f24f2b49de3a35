using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Simulation;

/// <summary>The outcome of a <see cref="HouseholdCalculator"/> calculation: every output, the income concepts, and the explanation.</summary>
public sealed class HouseholdResult
{
    internal HouseholdResult(SimulationResult result, Explanation explanation)
    {
        Result = result;
        Explanation = explanation;
    }

    /// <summary>The underlying one-household run (columns indexed 0 for the household, 0…n−1 for the members).</summary>
    public SimulationResult Result { get; }

    /// <summary>Each step taken, with the parameter values used.</summary>
    public Explanation Explanation { get; }

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

    /// <summary>A report: every output (rounded to 0.01 yuan for display), the income concepts, then the explanation.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var output in Result.Policy.Outputs)
        {
            var unit = output.Period switch { AmountPeriod.Month => " yuan/month", AmountPeriod.Year => " yuan/year", _ => string.Empty };
            var values = Result.Values(output.Name);
            var shown = output.Entity == Entity.Household
                ? Format(values[0], output.Period)
                : string.Join(", ", values.ToArray().Select(v => Format(v, output.Period)));
            text.AppendLine(CultureInfo.InvariantCulture, $"{output.Name,-40} {shown}{unit}");
        }

        foreach (var concept in Enum.GetValues<IncomeConcept>())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"income.{concept,-35} {Yuan.Round(Result.HouseholdIncome(concept)[0]):N2} yuan/year");
        }

        text.AppendLine("Explanation:");
        text.Append(Explanation.ToText(Result.Parameters.Regions));
        return text.ToString();
    }

    private static string Format(double value, AmountPeriod period)
        => period == AmountPeriod.None ? value.ToString("G", CultureInfo.InvariantCulture) : Yuan.Round(value).ToString("N2", CultureInfo.InvariantCulture);
}
