using System.Globalization;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Reforms;
using Xunit.Abstractions;

namespace SocialSecurity.Modeling.Tests.Cases;

/// <summary>
/// The cases bite: for every program and every parameter it declares, changing that rule constant (×1.1, ×0.9, +1,
/// −1, ×0 or the range maximum, whichever stays valid) makes at least one of the program's cases fail. A parameter no
/// perturbation can reveal is either untested (add a case at its boundary) or not used by the rule (a finding).
/// </summary>
public class CasesBiteTests(ITestOutputHelper output)
{
    /// <summary>
    /// Declared parameters that no valid perturbation can change in any household, with the reason. Keep this list
    /// short: every entry is a rule constant that no case can protect.
    /// </summary>
    private static readonly Dictionary<string, string> Undetectable = new(StringComparer.Ordinal)
    {
        ["medical.catastrophic.band_thresholds"] = "a single band starting at 0: the only valid value is [0] (CoinsuranceBands requires the first threshold to be 0)",
        ["pension.resident.account_interest_rate"] = "declared by ResidentPensionProgram but not read by it: the account balance is an input column (the rate is used by the lifetime projections, not by the program)",
    };

    private static readonly DateOnly Always = new(1900, 1, 1);

    [Fact]
    public void Changing_any_parameter_a_program_declares_fails_one_of_its_cases()
    {
        var cases = HouseholdCaseTests.LoadAll();
        var byType = new Dictionary<Type, (List<HouseholdCase> Cases, SortedSet<string> Parameters)>();
        foreach (var c in cases)
        {
            var programs = c.Policy().Programs;
            foreach (var rule in c.Rules)
            {
                var program = programs.First(p => p.Name == rule);
                if (!byType.TryGetValue(program.GetType(), out var entry))
                {
                    byType[program.GetType()] = entry = ([], new SortedSet<string>(StringComparer.Ordinal));
                }

                if (!entry.Cases.Contains(c))
                {
                    entry.Cases.Add(c);
                }

                // A wrapper's own rule is its own parameters; the wrapped program's rule is checked by that program's cases.
                var own = program is TargetedProgram targeted ? program.Parameters.Except(targeted.Inner.Parameters, StringComparer.Ordinal) : program.Parameters;
                entry.Parameters.UnionWith(own);
            }
        }

        var undetected = new List<string>();
        var weak = new List<string>();
        foreach (var (type, (programCases, parameters)) in byType.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal))
        {
            foreach (var parameter in parameters)
            {
                if (Undetectable.ContainsKey(parameter))
                {
                    Bites(programCases, parameter).Should().BeNull($"'{parameter}' is listed as undetectable; a case now detects it, so remove it from the list");
                    continue;
                }

                var by = Bites(programCases, parameter);
                if (by is null)
                {
                    undetected.Add($"{type.Name}: {parameter}");
                }
                else if (by == "×0" || by.StartsWith("max", StringComparison.Ordinal))
                {
                    weak.Add($"{type.Name}: {parameter} (only {by})");
                }
            }
        }

        output.WriteLine($"{byType.Count} programs, {byType.Sum(kv => kv.Value.Parameters.Count)} declared parameters; detected only by a large change: {weak.Count}");
        foreach (var w in weak)
        {
            output.WriteLine("  " + w);
        }

        undetected.Should().BeEmpty("every rule constant a program declares must be protected by one of its cases");
    }

    /// <summary>The first perturbation of <paramref name="parameter"/> that fails a case, or null.</summary>
    private static string? Bites(List<HouseholdCase> cases, string parameter)
    {
        var definition = ParameterStore.Default.Definition(parameter);
        var perturbations = new List<(string Name, Func<Reform, HouseholdCase, Reform> Apply)>
        {
            ("×1.1", (r, _) => r.Scale(parameter, "000000", Always, 1.1)),
            ("×0.9", (r, _) => r.Scale(parameter, "000000", Always, 0.9)),
            ("+1", (r, _) => r.Add(parameter, "000000", Always, 1)),
            ("−1", (r, _) => r.Add(parameter, "000000", Always, -1)),
            ("×0", (r, _) => r.Scale(parameter, "000000", Always, 0)),
        };
        if (!definition.IsList && double.IsFinite(definition.Maximum))
        {
            perturbations.Add(("max " + definition.Maximum.ToString(CultureInfo.InvariantCulture), (r, c) => Regions(c).Aggregate(r, (acc, region) => acc.Set(parameter, region, Always, definition.Maximum))));
        }

        foreach (var (name, apply) in perturbations)
        {
            foreach (var c in cases)
            {
                if (Fails(c, apply(c.Reform ?? Reform.Create("case"), c)))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Regions(HouseholdCase c)
        => new[] { c.Household.RegionCode }.Concat(c.Members.Select(m => m.HukouRegionCode).OfType<string>()).Distinct(StringComparer.Ordinal);

    private static bool Fails(HouseholdCase c, Reform perturbed)
    {
        ParameterStore parameters;
        try
        {
            parameters = ParameterStore.Default.WithReform(perturbed);
        }
        catch (ReformValidationException)
        {
            return false; // out of the parameter's range: not a valid perturbation
        }

        foreach (var period in c.Periods)
        {
            try
            {
                if (c.Run(period, parameters).Any(r => !r.Check.Matches(r.Actual)))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is ReformValidationException or ArgumentException or InvalidOperationException)
            {
                return false; // the perturbed value is invalid for the rule (for example tiers no longer ascending)
            }
        }

        return false;
    }
}
