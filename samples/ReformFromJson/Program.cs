// A reform as data: load a reform JSON file, check it, run it against the baseline on a synthetic population and
// print the comparison (each program's cost and recipients, net fiscal cost, change by decile).
//   dotnet run -c Release --project samples/ReformFromJson -- [reform.json] [persons]
using System.Globalization;
using SocialSecurity.Modeling;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "zj-dibao-plus-10.json");
int persons = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;

// 1. Load the reform and check it against the parameter store. Unknown parameters or regions, values out of range
//    or of the wrong shape are all reported together, before anything runs.
Reform reform;
ParameterStore reformedParameters;
try
{
    reform = Reform.Load(path);
    reformedParameters = ParameterStore.Default.WithReform(reform);
}
catch (Exception e) when (e is ReformValidationException or DataFormatException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

Console.WriteLine($"Reform: {reform.Name}. {reform.Description}");
foreach (var change in reform.Overrides)
{
    Console.WriteLine($"  {change.Parameter}: {change.Describe()}");
}

// A change that meets a lower region's own value (a city standard under a provincial change) says what it did with it:
// a set replaces it (unless the change has "lower_regions": "keep"), a scale or an addition applies to it.
foreach (var warning in reformedParameters.ReformWarnings)
{
    Console.WriteLine($"  warning: {warning.Message}");
}

// 2. A wrong reform is refused with every problem listed (here: a misspelt parameter and an unknown region).
var broken = Reform.Parse("""
    { "name": "broken", "changes": [
        { "parameter": "dibao.standrad.urban", "region": "330000", "from": "2024-01-01", "scale": 1.1 },
        { "parameter": "dibao.standard.rural", "region": "339999", "from": "2024-01-01", "scale": 1.1 } ] }
    """);
try
{
    ParameterStore.Default.WithReform(broken);
    Console.Error.WriteLine("A reform naming an unknown parameter and region was accepted.");
    return 1;
}
catch (ReformValidationException e)
{
    Console.WriteLine();
    Console.WriteLine("A broken reform is rejected before it runs:");
    Console.WriteLine(e.Message);
}

// 3. Baseline and reform on the same synthetic Zhejiang population, same date.
var date = new DateOnly(2024, 6, 30);
var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = persons });
var baseline = Microsimulation.Run(population, Policies.Standard(), ParameterStore.Default, date);
var reformed = Microsimulation.Run(population, Policies.Standard(), reformedParameters, date);
Console.WriteLine();
Console.WriteLine($"Synthetic Zhejiang, {population.PersonCount:N0} sample persons (weighted {population.WeightedPersons:N0}), {date:yyyy-MM-dd}:");
Console.WriteLine(ReformComparison.Compare(baseline, reformed).ToText());
return 0;
