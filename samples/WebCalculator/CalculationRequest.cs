using System.Globalization;
using System.Text.Json;
using SocialSecurity.Modeling;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Reforms;

namespace Samples.WebCalculator;

/// <summary>A request that cannot be served: the JSON path (or query parameter) at fault and what is wrong there.</summary>
/// <param name="path">The JSON path, for example <c>$.households[0].members[1].age</c>, or a query parameter's name.</param>
/// <param name="problem">What is wrong, in a sentence.</param>
public sealed class RequestProblemException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>Where the problem is.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong.</summary>
    public string Problem { get; } = problem;
}

/// <summary>One household of a request, as the calculator takes it.</summary>
/// <param name="Household">The household record.</param>
/// <param name="Members">The members, in order.</param>
/// <param name="PersonColumns">Extra person columns (one value per member).</param>
/// <param name="HouseholdColumns">Extra household columns.</param>
public sealed record RequestHousehold(HouseholdRecord Household, IReadOnlyList<PersonRecord> Members, IReadOnlyDictionary<string, double[]> PersonColumns, IReadOnlyDictionary<string, double> HouseholdColumns);

/// <summary>
/// A <c>POST /calculate</c> request, read strictly: unknown properties, wrong types, values out of range, unknown
/// regions, programs or parameters are refused with the JSON path at fault. The format of a household and its members
/// is the one of the project's declarative household cases (tests/SocialSecurity.Modeling.Tests/Cases/README.md).
/// <code>
/// { "date": "2024-06-30", "policy": "Policies.Standard" | ["dibao", …], "reform": { …the reform JSON format… },
///   "households": [ { "region": "330100", "area": "urban", "financial_assets": 0, "homes": 1, "vehicle": false,
///                     "columns": { "household.dibao_class": 1 },
///                     "members": [ { "age": 40, "sex": "male", "hukou": "urban", "wages_annual": 18000, … } ] } ] }
/// </code>
/// </summary>
public sealed class CalculationRequest
{
    /// <summary>The most households one request may hold.</summary>
    public const int MaxHouseholds = 50;

    /// <summary>The most members one household may hold.</summary>
    public const int MaxMembers = 20;

    private static readonly string[] RootProperties = ["date", "policy", "reform", "households"];
    private static readonly DateOnly EarliestDate = new(2000, 1, 1);
    private static readonly DateOnly LatestDate = new(2100, 12, 31);

    private CalculationRequest()
    {
    }

    /// <summary>The date the rules are evaluated at.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The policy's name as given (a package, or the program names joined by "+").</summary>
    public string PolicyName { get; private set; } = PolicyCatalog.DefaultPackage;

    /// <summary>Builds a fresh policy for the request.</summary>
    public Func<Policy> Policy { get; private set; } = () => PolicyCatalog.Package(PolicyCatalog.DefaultPackage)!;

    /// <summary>The reform, if any.</summary>
    public Reform? Reform { get; private set; }

    /// <summary>The parameters: the built-in ones, with the reform if any.</summary>
    public ParameterStore Parameters { get; private set; } = ParameterStore.Default;

    /// <summary>The households.</summary>
    public IReadOnlyList<RequestHousehold> Households { get; private set; } = [];

    /// <summary>Reads a request.</summary>
    /// <param name="root">The parsed body.</param>
    /// <exception cref="RequestProblemException">The request is invalid.</exception>
    public static CalculationRequest Read(JsonElement root)
    {
        Json.Object(root, "$", RootProperties);
        var request = new CalculationRequest { Date = Json.Date(root, "date", "$", EarliestDate, LatestDate) };
        if (root.TryGetProperty("policy", out var policy))
        {
            request.ReadPolicy(policy);
        }

        if (root.TryGetProperty("reform", out var reform) && reform.ValueKind != JsonValueKind.Null)
        {
            request.ReadReform(reform);
        }

        var households = Json.Required(root, "households", "$");
        if (households.ValueKind != JsonValueKind.Array || households.GetArrayLength() == 0)
        {
            throw new RequestProblemException("$.households", "expected a non-empty array of households");
        }

        if (households.GetArrayLength() > MaxHouseholds)
        {
            throw new RequestProblemException("$.households", $"{households.GetArrayLength()} households; at most {MaxHouseholds} per request");
        }

        var list = new List<RequestHousehold>();
        int i = 0;
        foreach (var h in households.EnumerateArray())
        {
            list.Add(ReadHousehold(h, $"$.households[{i}]"));
            i++;
        }

        request.Households = list;
        return request;
    }

    private void ReadPolicy(JsonElement element)
    {
        const string path = "$.policy";
        if (element.ValueKind == JsonValueKind.String)
        {
            var name = element.GetString()!;
            if (!PolicyCatalog.Packages.ContainsKey(name))
            {
                throw new RequestProblemException(path, $"unknown policy package '{name}'; known: {string.Join(", ", PolicyCatalog.Packages.Keys.Order(StringComparer.Ordinal))}, or an array of program names");
            }

            PolicyName = name;
            Policy = () => PolicyCatalog.Package(name)!;
            return;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw new RequestProblemException(path, "expected a package name or a non-empty array of program names");
        }

        var names = new List<string>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new RequestProblemException(at, $"expected a program name, found {Json.Kind(item)}");
            if (!PolicyCatalog.IsProgramName(name))
            {
                throw new RequestProblemException(at, $"unknown program '{name}'; known: {string.Join(", ", PolicyCatalog.ProgramNames)} (and <name>_targeted)");
            }

            names.Add(name);
        }

        try
        {
            PolicyCatalog.FromPrograms(names);
        }
        catch (PolicyDefinitionException e)
        {
            throw new RequestProblemException(path, e.Message);
        }

        PolicyName = string.Join("+", names);
        Policy = () => PolicyCatalog.FromPrograms(names);
    }

    private void ReadReform(JsonElement element)
    {
        const string path = "$.reform";
        try
        {
            Reform = Reform.Parse(element.GetRawText(), "reform");
        }
        catch (DataFormatException e)
        {
            throw new RequestProblemException(path + e.Location.TrimStart('$'), e.Problem);
        }

        try
        {
            Parameters = ParameterStore.Default.WithReform(Reform);
        }
        catch (ReformValidationException e)
        {
            throw new RequestProblemException(path, string.Join("; ", e.Problems));
        }
        catch (DataFormatException e)
        {
            throw new RequestProblemException(path + e.Location.TrimStart('$'), e.Problem);
        }
    }

    private static RequestHousehold ReadHousehold(JsonElement h, string path)
    {
        Json.Object(h, path, [.. HouseholdJson.HouseholdProperties, "members"]);
        var members = Json.Required(h, "members", path);
        if (members.ValueKind == JsonValueKind.Array && members.GetArrayLength() > MaxMembers)
        {
            throw new RequestProblemException(path + ".members", $"{members.GetArrayLength()} members; at most {MaxMembers} per household");
        }

        try
        {
            var input = HouseholdJson.Read(h, members, ParameterStore.Default.Regions, "request", path, path + ".members", ["members"]);
            return new RequestHousehold(input.Household, input.Members, input.PersonColumns, input.HouseholdColumns);
        }
        catch (DataFormatException e)
        {
            bool region = e.Location.EndsWith(".region", StringComparison.Ordinal) || e.Location.EndsWith(".hukou_region", StringComparison.Ordinal);
            throw new RequestProblemException(e.Location, region ? e.Problem + " (GET /regions lists them)" : e.Problem);
        }
    }

    /// <summary>Strict readers of JSON values, each failure naming the path.</summary>
    internal static class Json
    {
        public static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

        public static void Object(JsonElement element, string path, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new RequestProblemException(path, $"expected an object, found {Kind(element)}");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new RequestProblemException($"{path}.{property.Name}", $"unknown property '{property.Name}'; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        public static JsonElement Required(JsonElement element, string name, string path)
            => element.TryGetProperty(name, out var value) ? value : throw new RequestProblemException($"{path}.{name}", "missing");

        public static string String(JsonElement element, string name, string path)
            => OptionalString(element, name, path) is { } s && s.Trim().Length > 0 ? s : throw new RequestProblemException($"{path}.{name}", "expected a non-empty string");

        public static string? OptionalString(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new RequestProblemException($"{path}.{name}", $"expected a string, found {Kind(value)}");
        }

        public static DateOnly Date(JsonElement element, string name, string path, DateOnly earliest, DateOnly latest)
        {
            var text = String(element, name, path);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new RequestProblemException($"{path}.{name}", $"'{text}' is not a date yyyy-MM-dd");
            }

            return date >= earliest && date <= latest
                ? date
                : throw new RequestProblemException($"{path}.{name}", $"{text} is outside {earliest:yyyy-MM-dd} … {latest:yyyy-MM-dd}");
        }
    }
}
