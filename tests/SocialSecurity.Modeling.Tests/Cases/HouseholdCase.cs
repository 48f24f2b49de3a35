using System.Globalization;
using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Cases;

/// <summary>
/// One declarative household case (a JSON file under Cases/Households): a household with its members, the policy to
/// run (a named package or a list of programs), an optional reform, and for one or more dates the expected outputs,
/// each with the hand arithmetic behind it. The format is described in Cases/README.md.
/// </summary>
public sealed class HouseholdCase
{
    /// <summary>The default tolerance (absolute) when a check states none.</summary>
    public const double DefaultTolerance = 1e-9;

    private static readonly string[] RootProperties = ["name", "rules", "sources", "policy", "reform", "household", "members", "periods", "note"];
    private static readonly string[] PeriodProperties = ["date", "expected"];
    private static readonly string[] CheckProperties = ["variable", "member", "value", "why", "tolerance"];

    private HouseholdCase(string file)
    {
        File = file;
    }

    /// <summary>The file the case was read from (for messages).</summary>
    public string File { get; }

    /// <summary>What the case shows.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The names of the programs whose rule the case checks (each must be in the policy).</summary>
    public IReadOnlyList<string> Rules { get; private set; } = [];

    // Built from parts so that the documentation test, which resolves every cited anchor, does not read it as one.
    private const string WorkedExamplePrefix = "docs/worked-examples.md" + "#" + "example" + "-";

    /// <summary>Where the rule is written down: docs/rules/&lt;program&gt;.md and/or a worked example's anchor in docs/worked-examples.md.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    /// <summary>The policy (built fresh for every run).</summary>
    public Func<Policy> Policy { get; private set; } = () => throw new InvalidOperationException("no policy");

    /// <summary>The reform applied to the built-in parameters, if any.</summary>
    public Reform? Reform { get; private set; }

    /// <summary>The household.</summary>
    public HouseholdRecord Household { get; private set; }

    /// <summary>The members, in order (member index 0 first).</summary>
    public IReadOnlyList<PersonRecord> Members { get; private set; } = [];

    /// <summary>Extra person columns, one value per member (0 where a member does not give one).</summary>
    public IReadOnlyDictionary<string, double[]> PersonColumns { get; private set; } = new Dictionary<string, double[]>();

    /// <summary>Extra household columns.</summary>
    public IReadOnlyDictionary<string, double> HouseholdColumns { get; private set; } = new Dictionary<string, double>();

    /// <summary>The dates and their expected outputs.</summary>
    public IReadOnlyList<CasePeriod> Periods { get; private set; } = [];

    /// <summary>Reads a case file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">The file is not a valid case; the message names the file and the JSON path.</exception>
    public static HouseholdCase Load(string path) => Parse(System.IO.File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Reads a case from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <exception cref="DataFormatException">The text is not a valid case; the message names the file and the JSON path.</exception>
    public static HouseholdCase Parse(string json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new DataFormatException(file, "$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {e.Message}", e);
        }

        using (document)
        {
            var reader = new Reader(file);
            var root = document.RootElement;
            reader.Object(root, "$", RootProperties);
            var c = new HouseholdCase(file)
            {
                Name = reader.String(root, "name", "$"),
                Rules = reader.NonEmptyStrings(root, "rules", "$"),
                Sources = reader.NonEmptyStrings(root, "sources", "$"),
            };
            for (int i = 0; i < c.Sources.Count; i++)
            {
                var source = c.Sources[i];
                if (!(source.StartsWith("docs/rules/", StringComparison.Ordinal) && source.EndsWith(".md", StringComparison.Ordinal))
                    && !source.StartsWith(WorkedExamplePrefix, StringComparison.Ordinal))
                {
                    throw new DataFormatException(file, $"$.sources[{i}]", $"'{source}' is not 'docs/rules/<program>.md' or an anchor '{WorkedExamplePrefix}<number>'");
                }
            }

            var policyElement = reader.Required(root, "policy", "$");
            c.Policy = CaseCatalog.PolicyFactory(policyElement, file, "$.policy");
            var policy = c.Policy();
            var names = policy.Programs.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            for (int i = 0; i < c.Rules.Count; i++)
            {
                if (!names.Contains(c.Rules[i]))
                {
                    throw new DataFormatException(file, $"$.rules[{i}]", $"'{c.Rules[i]}' is not a program of the policy (it holds {string.Join(", ", names.Order(StringComparer.Ordinal))})");
                }
            }

            if (root.TryGetProperty("reform", out var reform))
            {
                try
                {
                    c.Reform = Modeling.Reforms.Reform.Parse(reform.GetRawText(), file);
                }
                catch (DataFormatException e)
                {
                    throw new DataFormatException(file, "$.reform" + e.Location.TrimStart('$'), e.Problem, e);
                }
            }

            var input = HouseholdJson.Read(reader.Required(root, "household", "$"), reader.Required(root, "members", "$"), ParameterStore.Default.Regions, file);
            (c.Household, c.Members, c.PersonColumns, c.HouseholdColumns) = (input.Household, input.Members, input.PersonColumns, input.HouseholdColumns);
            c.ReadPeriods(reader, reader.Required(root, "periods", "$"), policy);
            return c;
        }
    }

    /// <summary>The parameters the case runs with: the built-in ones, with the case's reform if any.</summary>
    public ParameterStore Parameters()
    {
        try
        {
            return Reform is null ? ParameterStore.Default : ParameterStore.Default.WithReform(Reform);
        }
        catch (ReformValidationException e)
        {
            throw new DataFormatException(File, "$.reform", e.Message, e);
        }
    }

    /// <summary>Runs the case for one period and returns every check with the value computed.</summary>
    /// <param name="period">The period.</param>
    /// <param name="parameters">The parameters (the case's own, or perturbed ones).</param>
    public IReadOnlyList<(CaseCheck Check, double Actual)> Run(CasePeriod period, ParameterStore parameters)
    {
        ArgumentNullException.ThrowIfNull(period);
        var result = new HouseholdCalculator(Policy(), parameters).Calculate(Household, Members, period.Date, PersonColumns, HouseholdColumns);
        return [.. period.Checks.Select(check => (check, Value(result, check)))];
    }

    private static double Value(HouseholdResult result, CaseCheck check)
    {
        if (check.Variable.StartsWith("income.", StringComparison.Ordinal))
        {
            return result.Income(Enum.Parse<IncomeConcept>(check.Variable["income.".Length..])).Value;
        }

        return check.Member is { } m ? result.PersonValue(check.Variable, m) : result.HouseholdValue(check.Variable);
    }

    private void ReadPeriods(Reader reader, JsonElement periods, Policy policy)
    {
        const string path = "$.periods";
        if (periods.ValueKind != JsonValueKind.Array || periods.GetArrayLength() == 0)
        {
            throw new DataFormatException(File, path, "expected a non-empty array of periods (a date and its expected outputs)");
        }

        var outputs = policy.Outputs.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var list = new List<CasePeriod>();
        int i = 0;
        foreach (var p in periods.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            reader.Object(p, at, PeriodProperties);
            var dateText = reader.String(p, "date", at);
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new DataFormatException(File, at + ".date", $"'{dateText}' is not a date yyyy-MM-dd");
            }

            var expected = reader.Required(p, "expected", at);
            if (expected.ValueKind != JsonValueKind.Array || expected.GetArrayLength() == 0)
            {
                throw new DataFormatException(File, at + ".expected", "expected a non-empty array of checks");
            }

            var checks = new List<CaseCheck>();
            int k = 0;
            foreach (var e in expected.EnumerateArray())
            {
                var cat = $"{at}.expected[{k++}]";
                reader.Object(e, cat, CheckProperties);
                var variable = reader.String(e, "variable", cat);
                int? member = e.TryGetProperty("member", out _) ? (int)reader.Whole(e, "member", cat, null, 0, Members.Count - 1) : null;
                if (variable.StartsWith("income.", StringComparison.Ordinal))
                {
                    if (!Enum.TryParse<IncomeConcept>(variable["income.".Length..], out _) || member is not null)
                    {
                        throw new DataFormatException(File, cat + ".variable", $"'{variable}': expected income.<{string.Join("|", Enum.GetNames<IncomeConcept>())}> (a household total, no member)");
                    }
                }
                else if (!outputs.TryGetValue(variable, out var definition))
                {
                    throw new DataFormatException(File, cat + ".variable", $"'{variable}' is not an output of the policy");
                }
                else if ((definition.Entity == Entity.Person) != (member is not null))
                {
                    throw new DataFormatException(File, cat + (member is null ? ".variable" : ".member"), definition.Entity == Entity.Person
                        ? $"'{variable}' is a person output: give 'member' (0–{Members.Count - 1})"
                        : $"'{variable}' is a household output: give no 'member'");
                }

                var why = reader.String(e, "why", cat);
                if (!why.Contains('=', StringComparison.Ordinal))
                {
                    throw new DataFormatException(File, cat + ".why", "show the arithmetic behind the value, as 'expression = value'");
                }

                double tolerance = reader.Number(e, "tolerance", cat, DefaultTolerance);
                if (!(tolerance >= 0))
                {
                    throw new DataFormatException(File, cat + ".tolerance", "expected a number ≥ 0");
                }

                checks.Add(new CaseCheck(variable, member, reader.Number(e, "value", cat, null), why, tolerance, cat));
            }

            list.Add(new CasePeriod(date, checks));
        }

        Periods = list;
    }

    /// <summary>Reads JSON values with messages naming the file and path.</summary>
    internal sealed class Reader(string file)
    {
        public void Object(JsonElement element, string path, string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(file, path, $"expected an object, found {element.ValueKind}");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw new DataFormatException(file, $"{path}.{property.Name}", $"unknown property '{property.Name}'; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        public JsonElement Required(JsonElement element, string name, string path)
            => element.TryGetProperty(name, out var value) ? value : throw new DataFormatException(file, $"{path}.{name}", "missing");

        public string String(JsonElement element, string name, string path)
            => OptionalString(element, name, path) is { } s && s.Trim().Length > 0 ? s : throw new DataFormatException(file, $"{path}.{name}", "expected a non-empty string");

        public string? OptionalString(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new DataFormatException(file, $"{path}.{name}", $"expected a string, found {value.ValueKind}");
        }

        public string[] NonEmptyStrings(JsonElement element, string name, string path)
        {
            var value = Required(element, name, path);
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                throw new DataFormatException(file, $"{path}.{name}", "expected a non-empty array of strings");
            }

            return [.. value.EnumerateArray().Select((v, i) => v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0
                ? v.GetString()!
                : throw new DataFormatException(file, $"{path}.{name}[{i}]", "expected a non-empty string"))];
        }

        public double Number(JsonElement element, string name, string path, double? fallback)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return fallback ?? throw new DataFormatException(file, $"{path}.{name}", "missing");
            }

            return value.ValueKind == JsonValueKind.Number && double.IsFinite(value.GetDouble())
                ? value.GetDouble()
                : throw new DataFormatException(file, $"{path}.{name}", $"expected a finite number, found {value.ValueKind}");
        }

        public long Whole(JsonElement element, string name, string path, long? fallback, long min, long max)
        {
            double v = Number(element, name, path, fallback);
            return v == Math.Floor(v) && v >= min && v <= max
                ? (long)v
                : throw new DataFormatException(file, $"{path}.{name}", string.Create(CultureInfo.InvariantCulture, $"expected a whole number from {min} to {max}, found {v}"));
        }
    }
}

/// <summary>One date of a case and the outputs expected on it.</summary>
/// <param name="Date">The date the rules are evaluated at.</param>
/// <param name="Checks">The expected outputs.</param>
public sealed record CasePeriod(DateOnly Date, IReadOnlyList<CaseCheck> Checks);

/// <summary>One expected output.</summary>
/// <param name="Variable">An output of the policy, or <c>income.&lt;IncomeConcept&gt;</c>.</param>
/// <param name="Member">The member index for a person output; null for a household output.</param>
/// <param name="Value">The expected value, from hand arithmetic.</param>
/// <param name="Why">The arithmetic behind the value.</param>
/// <param name="Tolerance">The absolute tolerance.</param>
/// <param name="Path">The check's JSON path in the file.</param>
public sealed record CaseCheck(string Variable, int? Member, double Value, string Why, double Tolerance, string Path)
{
    /// <summary>Whether <paramref name="actual"/> matches the expected value within the tolerance.</summary>
    /// <param name="actual">The computed value.</param>
    public bool Matches(double actual) => Math.Abs(actual - Value) <= Tolerance;
}
