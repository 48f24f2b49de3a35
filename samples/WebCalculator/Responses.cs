using System.Globalization;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace Samples.WebCalculator;

/// <summary>The answer to <c>POST /calculate</c>.</summary>
/// <param name="Date">The date the rules were evaluated at.</param>
/// <param name="Policy">The policy's name as requested.</param>
/// <param name="Reform">The reform applied, if any.</param>
/// <param name="Households">One result per household, in request order.</param>
public sealed record CalculateResponse(string Date, string Policy, ReformSummary? Reform, IReadOnlyList<HouseholdResponse> Households);

/// <summary>The reform a calculation ran with.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">Its description.</param>
/// <param name="Changes">Each change, described.</param>
/// <param name="Warnings">What the reform did where it met a lower region's own value.</param>
public sealed record ReformSummary(string Name, string? Description, IReadOnlyList<string> Changes, IReadOnlyList<string> Warnings);

/// <summary>One household's result.</summary>
/// <param name="Region">The region code.</param>
/// <param name="RegionName">The region's Chinese name and pinyin.</param>
/// <param name="Members">The number of members.</param>
/// <param name="Outputs">Every output of the policy.</param>
/// <param name="Incomes">The household's income under each concept, yuan per year.</param>
/// <param name="Explanation">Each step taken, with the parameter values used and their sources.</param>
/// <param name="UsesIllustrativeValues">Whether any parameter value used is illustrative [I] (not a fact).</param>
public sealed record HouseholdResponse(string Region, string RegionName, int Members, IReadOnlyList<OutputResponse> Outputs, IReadOnlyList<IncomeResponse> Incomes, IReadOnlyList<StepResponse> Explanation, bool UsesIllustrativeValues);

/// <summary>One output of the policy.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Program">The program that computes it.</param>
/// <param name="Entity"><c>household</c> or <c>person</c>.</param>
/// <param name="Period"><c>month</c>, <c>year</c> or <c>none</c>.</param>
/// <param name="Unit"><c>yuan/month</c>, <c>yuan/year</c>, or empty for a flag or count.</param>
/// <param name="Kind">benefit, tax, contribution, pension, in_kind, co_payment, income, amount or status (from the variable's income role).</param>
/// <param name="Description">What the variable is.</param>
/// <param name="Value">The household value (unrounded), or null for a person variable.</param>
/// <param name="Values">One value per member (unrounded), or null for a household variable.</param>
/// <param name="Display">The value(s) as shown: amounts rounded half away from zero to 0.01 yuan.</param>
public sealed record OutputResponse(string Name, string Program, string Entity, string Period, string Unit, string Kind, string Description, double? Value, IReadOnlyList<double>? Values, string Display);

/// <summary>A household income total.</summary>
/// <param name="Concept">The income concept.</param>
/// <param name="Value">The amount, yuan per year (unrounded).</param>
/// <param name="Display">Rounded to 0.01 yuan.</param>
public sealed record IncomeResponse(string Concept, double Value, string Display);

/// <summary>One explanation step.</summary>
/// <param name="Program">The program.</param>
/// <param name="Text">What was computed, with the numbers filled in.</param>
/// <param name="Value">The result, if any.</param>
/// <param name="Unit">The result's unit and period.</param>
/// <param name="Parameters">The parameter values used.</param>
public sealed record StepResponse(string Program, string Text, double? Value, string Unit, IReadOnlyList<ParameterUse> Parameters);

/// <summary>A parameter value as it applied: value, provenance tag, where and since when it was set, and its source.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Label">What it means.</param>
/// <param name="Value">The value of a scalar parameter.</param>
/// <param name="Items">The items of a list parameter.</param>
/// <param name="Unit">The unit and period.</param>
/// <param name="Tag">The provenance tag (P N L D U I, or R for a reform).</param>
/// <param name="Provenance">The tag's meaning.</param>
/// <param name="Illustrative">Whether the value is illustrative, not a fact.</param>
/// <param name="Extrapolated">Whether the value is carried forward beyond the known values.</param>
/// <param name="SetBy">The code of the region whose authority set it.</param>
/// <param name="SetByName">That region's name.</param>
/// <param name="From">The first day the value is in force.</param>
/// <param name="Until">The last day, or null.</param>
/// <param name="Source">The legal reference or publication.</param>
/// <param name="Note">Any caveat.</param>
/// <param name="Adjustments">Reform adjustments applied on top.</param>
/// <param name="Text">The one-line description used in the library's explanations.</param>
public sealed record ParameterUse(string Name, string Label, double? Value, IReadOnlyList<double>? Items, string Unit, string Tag, string Provenance, bool Illustrative, bool Extrapolated, string SetBy, string SetByName, string From, string? Until, string Source, string? Note, IReadOnlyList<string> Adjustments, string Text);

/// <summary>An entry of <c>GET /parameters</c>.</summary>
/// <param name="Name">The dotted name.</param>
/// <param name="Label">What it means.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Period">month, year or none.</param>
/// <param name="IsList">Whether values are lists.</param>
/// <param name="Minimum">The smallest allowed value, or null for none.</param>
/// <param name="Maximum">The largest allowed value, or null for none.</param>
public sealed record ParameterSummary(string Name, string Label, string Unit, string Period, bool IsList, double? Minimum, double? Maximum);

/// <summary>The answer to <c>GET /parameters/{name}</c>.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Region">The region asked for.</param>
/// <param name="Date">The date asked for.</param>
/// <param name="InForce">The value in force there and then, or null when none is.</param>
/// <param name="History">Every dated value any authority has set, in order of region and date.</param>
public sealed record ParameterDetail(ParameterSummary Parameter, string Region, string Date, ParameterUse? InForce, IReadOnlyList<HistoryEntry> History);

/// <summary>One dated value of a parameter.</summary>
/// <param name="Region">The region whose authority set it.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="From">First day in force.</param>
/// <param name="Until">Last day in force, or null.</param>
/// <param name="Value">The value of a scalar parameter.</param>
/// <param name="Items">The items of a list parameter.</param>
/// <param name="Tag">The provenance tag.</param>
/// <param name="Illustrative">Whether illustrative.</param>
/// <param name="Source">The source.</param>
/// <param name="Note">Any caveat.</param>
public sealed record HistoryEntry(string Region, string RegionName, string From, string? Until, double? Value, IReadOnlyList<double>? Items, string Tag, bool Illustrative, string Source, string? Note);

/// <summary>The answer to <c>GET /programs</c>.</summary>
/// <param name="Packages">The named policy packages and their programs.</param>
/// <param name="Programs">Every program.</param>
public sealed record ProgramsResponse(IReadOnlyList<PackageResponse> Packages, IReadOnlyList<ProgramResponse> Programs);

/// <summary>A policy package.</summary>
/// <param name="Name">Its name, as a request gives it.</param>
/// <param name="Programs">Its programs, in evaluation order.</param>
public sealed record PackageResponse(string Name, IReadOnlyList<string> Programs);

/// <summary>A program.</summary>
/// <param name="Name">Its name.</param>
/// <param name="LegalBasis">What it does, with its legal basis.</param>
/// <param name="Inputs">The variables it reads.</param>
/// <param name="Outputs">The variables it writes.</param>
/// <param name="Parameters">The parameters it reads.</param>
/// <param name="Prerequisites">Programs that must run before it.</param>
public sealed record ProgramResponse(string Name, string LegalBasis, IReadOnlyList<string> Inputs, IReadOnlyList<VariableResponse> Outputs, IReadOnlyList<string> Parameters, IReadOnlyList<string> Prerequisites);

/// <summary>A variable.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Entity">household or person.</param>
/// <param name="Period">month, year or none.</param>
/// <param name="Kind">As in <see cref="OutputResponse.Kind"/>.</param>
/// <param name="Description">What it is.</param>
public sealed record VariableResponse(string Name, string Entity, string Period, string Kind, string Description);

/// <summary>A region.</summary>
/// <param name="Code">GB/T 2260 code.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="Pinyin">Pinyin.</param>
/// <param name="Level">nation, province, prefecture or county.</param>
/// <param name="Parent">The parent's code, or null.</param>
public sealed record RegionResponse(string Code, string Name, string Pinyin, string Level, string? Parent);

/// <summary>Builds the responses from the library's objects.</summary>
internal static class Responses
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Lower(this Entity entity) => entity == Entity.Household ? "household" : "person";

    public static string Lower(this AmountPeriod period) => period switch { AmountPeriod.Month => "month", AmountPeriod.Year => "year", _ => "none" };

    public static string Kind(VariableDefinition v) => v.Role switch
    {
        IncomeRole.DirectTransfer => "benefit",
        IncomeRole.DirectTax => "tax",
        IncomeRole.PensionContribution or IncomeRole.OtherContribution => "contribution",
        IncomeRole.ContributoryPension => "pension",
        IncomeRole.InKindTransfer => "in_kind",
        IncomeRole.CoPayment => "co_payment",
        IncomeRole.MarketIncome => "income",
        _ => v.Period == AmountPeriod.None ? "status" : "amount",
    };

    public static string Display(double value, AmountPeriod period)
    {
        if (period == AmountPeriod.None)
        {
            return (value == 0 ? 0.0 : value).ToString("G", CultureInfo.InvariantCulture);
        }

        decimal rounded = Yuan.Round(value);
        return (rounded == 0 ? 0m : rounded).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public static HouseholdResponse Household(HouseholdResult result, RegionCatalog regions, string regionCode)
    {
        var outputs = new List<OutputResponse>();
        foreach (var program in result.Result.Policy.Programs)
        {
            foreach (var output in program.Outputs)
            {
                var unit = output.Period switch { AmountPeriod.Month => "yuan/month", AmountPeriod.Year => "yuan/year", _ => string.Empty };
                var values = result.Result.Values(output.Name);
                if (output.Entity == Entity.Household)
                {
                    outputs.Add(new OutputResponse(output.Name, program.Name, "household", output.Period.Lower(), unit, Kind(output), output.Description, values[0], null, Display(values[0], output.Period)));
                }
                else
                {
                    var list = values.ToArray();
                    outputs.Add(new OutputResponse(output.Name, program.Name, "person", output.Period.Lower(), unit, Kind(output), output.Description, null, list, string.Join(", ", list.Select(v => Display(v, output.Period)))));
                }
            }
        }

        var incomes = Enum.GetValues<IncomeConcept>().Select(c =>
        {
            double v = result.Income(c).Value;
            return new IncomeResponse(c.ToString(), v, Display(v, AmountPeriod.Year));
        }).ToList();
        var steps = result.Explanation.Steps.Select(s => new StepResponse(s.Program, s.Text, s.Value, s.Unit, [.. s.Parameters.Select(p => Use(p, regions))])).ToList();
        var region = regions[regions.GetId(regionCode)];
        return new HouseholdResponse(region.Code, $"{region.Name} {region.Pinyin}", result.Result.Population.PersonCount, outputs, incomes, steps,
            result.Explanation.Steps.Any(s => s.Parameters.Any(p => p.IsIllustrative)));
    }

    public static ParameterUse Use(ResolvedParameter p, RegionCatalog regions)
    {
        var setBy = regions[p.Entry.Region];
        return new ParameterUse(
            p.Name, p.Definition.Label, p.Value.IsList ? null : p.Value.Scalar, p.Value.IsList ? [.. p.Value.Items] : null, Unit(p.Definition), p.Provenance.Tag(), p.Provenance.Describe(),
            p.IsIllustrative, p.IsExtrapolated, setBy.Code, setBy.Name, Date(p.Entry.From), p.Entry.Until is { } u ? Date(u) : null, p.Entry.Source, p.Entry.Note,
            [.. p.Adjustments], p.Describe(regions));
    }

    public static string Unit(ParameterDefinition d) => d.Unit switch
    {
        ParameterUnit.Yuan => d.Period switch { AmountPeriod.Month => "yuan/month", AmountPeriod.Year => "yuan/year", _ => "yuan" },
        ParameterUnit.YuanPerMu => "yuan/mu/year",
        _ => d.Unit.ToString().ToLowerInvariant(),
    };

    public static ParameterSummary Summary(ParameterDefinition d) => new(
        d.Name, d.Label, Unit(d), d.Period.Lower(), d.IsList, double.IsFinite(d.Minimum) ? d.Minimum : null, double.IsFinite(d.Maximum) ? d.Maximum : null);

    public static HistoryEntry History(ParameterEntry e, RegionCatalog regions) => new(
        regions[e.Region].Code, regions[e.Region].Name, Date(e.From), e.Until is { } u ? Date(u) : null, e.Value.IsList ? null : e.Value.Scalar, e.Value.IsList ? [.. e.Value.Items] : null,
        e.Provenance.Tag(), e.Provenance == Provenance.Illustrative, e.Source, e.Note);

    public static ReformSummary Reform(SocialSecurity.Modeling.Reforms.Reform reform, ParameterStore store) => new(
        reform.Name, reform.Description, [.. reform.Overrides.Select(o => $"{o.Parameter}: {o.Describe()}")], [.. store.ReformWarnings.Select(w => w.Message)]);

    public static ProgramResponse Program(PolicyProgram p) => new(
        p.Name, p.Description, [.. p.Inputs], [.. p.Outputs.Select(o => new VariableResponse(o.Name, o.Entity.Lower(), o.Period.Lower(), Kind(o), o.Description))], [.. p.Parameters], [.. p.Prerequisites.Select(q => q.Name)]);
}
