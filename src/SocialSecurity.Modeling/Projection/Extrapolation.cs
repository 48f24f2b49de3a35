using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Projection;

/// <summary>
/// Applies the declared extrapolation rules to a parameter store for the projected years (docs/projection.md#extrapolation):
/// in every region the population uses and every year after a ruled parameter's last dated value there, the value is
/// set for that calendar year to the last value uprated by the compounded wage or price growth since, or to a share of
/// the year's wage growth. Every value used past its last dated value is listed, ruled or held.
/// </summary>
internal static class Extrapolation
{
    private const string ReformName = "projection extrapolation";

    public static void Validate(IReadOnlyList<ExtrapolationRule> rules, ParameterStore parameters)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule);
            AssumptionSource.Check($"extrapolation rule of '{rule.Parameter}'", rule.Tag, rule.Source);
            if (!parameters.Contains(rule.Parameter))
            {
                throw new ArgumentException($"The extrapolation rule names '{rule.Parameter}', which is not a parameter of the store.");
            }

            if (!seen.Add(rule.Parameter))
            {
                throw new ArgumentException($"Two extrapolation rules name '{rule.Parameter}'.");
            }

            if (rule.Kind == ExtrapolationKind.ShareOfWageGrowth && !(rule.Share is >= 0 and <= 10))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The extrapolation rule of '{rule.Parameter}' has share {rule.Share}; expected 0–10."));
            }
        }

        foreach (var name in new[] { ProjectionParameters.NominalWageGrowth, ProjectionParameters.PriceGrowth })
        {
            if (!parameters.Contains(name))
            {
                throw new ArgumentException($"The parameter store has no '{name}', which the extrapolation rules need.");
            }
        }
    }

    public static (ParameterStore Store, List<ProjectionExtrapolation> Used) Apply(
        ParameterStore parameters, IReadOnlyList<ExtrapolationRule> rules, IEnumerable<string> policyParameters, IReadOnlyCollection<RegionId> regions, int first, int last, int runMonth)
    {
        var end = new DateOnly(last, 12, 31);
        var overrides = new List<ParameterOverride>();
        var ruled = new List<(ExtrapolationRule Rule, RegionId Region, int LastDated)>();
        foreach (var rule in rules.Where(r => r.Kind != ExtrapolationKind.Held))
        {
            foreach (var region in regions)
            {
                if (parameters.TryResolve(rule.Parameter, end, region) is not { } known || known.Value.IsList)
                {
                    continue;
                }

                int lastDated = known.Entry.From.Year;
                string code = parameters.Regions[region].Code;
                double factor = 1;
                for (int year = lastDated + 1; year <= last; year++)
                {
                    var date = new DateOnly(year, runMonth, 1);
                    double wages = parameters.Resolve(ProjectionParameters.NominalWageGrowth, date, region).Scalar();
                    double value = rule.Kind switch
                    {
                        ExtrapolationKind.Wages => known.Value.Scalar * (factor *= 1 + wages),
                        ExtrapolationKind.Prices => known.Value.Scalar * (factor *= 1 + parameters.Resolve(ProjectionParameters.PriceGrowth, date, region).Scalar()),
                        _ => rule.Share * wages,
                    };
                    if (year >= first)
                    {
                        overrides.Add(new ParameterOverride(rule.Parameter, code, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), OverrideKind.Set, ParameterValue.Of(value), 0,
                            $"{rule.Kind} past the last dated value ({lastDated}) [{rule.Tag}]: {rule.Source}")
                        { KeepLowerRegions = true });
                    }
                }

                ruled.Add((rule, region, lastDated));
            }
        }

        var store = overrides.Count > 0 ? parameters.WithOverrides(ReformName, overrides) : parameters;
        var used = new List<ProjectionExtrapolation>();
        foreach (var (rule, region, lastDated) in ruled)
        {
            for (int year = Math.Max(first, lastDated + 1); year <= last; year++)
            {
                double value = store.Resolve(rule.Parameter, new DateOnly(year, runMonth, 1), region).Value.Scalar;
                used.Add(new ProjectionExtrapolation(rule.Parameter, parameters.Regions[region].Code, year, lastDated, rule.Kind, value));
            }
        }

        var names = rules.Where(r => r.Kind != ExtrapolationKind.Held).Select(r => r.Parameter).ToHashSet(StringComparer.Ordinal);
        foreach (var name in policyParameters.Where(n => !names.Contains(n)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (var region in regions)
            {
                if (parameters.TryResolve(name, end, region) is { } held && held.Entry.From.Year < last)
                {
                    int year = Math.Max(first, held.Entry.From.Year + 1);
                    used.Add(new ProjectionExtrapolation(name, parameters.Regions[region].Code, year, held.Entry.From.Year, ExtrapolationKind.Held, held.Value.IsList ? double.NaN : held.Value.Scalar));
                }
            }
        }

        return (store, used);
    }
}
