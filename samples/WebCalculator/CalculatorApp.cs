using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.FileProviders;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace Samples.WebCalculator;

/// <summary>
/// The web calculator: a REST API over <see cref="HouseholdCalculator"/> and the parameter store, and a page that uses
/// it (wwwroot, served by the app itself). Stateless: every request builds its own policy, parameters and result.
/// </summary>
public static class CalculatorApp
{
    /// <summary>The largest request body read, in bytes; a larger one is refused with 400.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Builds the app (not started).</summary>
    /// <param name="args">Command-line arguments (for example <c>--urls http://127.0.0.1:5080</c>).</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = 4 * MaxBodyBytes;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapOpenApi();

        app.MapPost("/calculate", CalculateAsync)
            .WithSummary("Computes every output of a policy for one or more households, with the explanation and sources")
            .WithDescription("Body: { \"date\": \"yyyy-MM-dd\", \"policy\": \"Policies.Standard\" or [program names], \"reform\": {reform JSON, optional}, \"households\": [ { \"region\", \"area\", \"financial_assets\", \"homes\", \"vehicle\", \"columns\", \"members\": [ { \"age\", \"sex\", \"hukou\", \"hukou_region\", \"disability_grade\", \"self_care\", \"employment\", \"wages_annual\", \"business_income_annual\", \"property_income_annual\", \"private_transfers_annual\", \"pension_income_annual\", \"columns\" } ] } ] }. Amounts of members are annual yuan.")
            .Accepts<JsonElement>("application/json")
            .Produces<CalculateResponse>()
            .ProducesValidationProblem();
        app.MapGet("/parameters", () => ParameterStore.Default.Definitions.OrderBy(d => d.Name, StringComparer.Ordinal).Select(Responses.Summary).ToList())
            .WithSummary("Every parameter: name, meaning, unit, period, range");
        app.MapGet("/parameters/{name}", Parameter)
            .WithSummary("A parameter's value in force in a region on a date (default: the nation, the built-in values' as-of date), its provenance and source, and its history")
            .Produces<ParameterDetail>()
            .ProducesValidationProblem();
        app.MapGet("/programs", Programs)
            .WithSummary("Every program (inputs, outputs, parameters, legal basis) and the named policy packages");
        app.MapGet("/regions", () => ParameterStore.Default.Regions.Regions.Select(r => new RegionResponse(r.Code, r.Name, r.Pinyin, r.Level.ToString().ToLowerInvariant(), r.ParentCode)).ToList())
            .WithSummary("Every region of the catalogue (GB/T 2260 codes)");
        return app;
    }

    private static IResult Invalid(string path, string problem) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [path] = [problem] }, detail: $"{path}: {problem}", title: "The request is invalid");

    private static async Task<IResult> CalculateAsync(HttpRequest http, CancellationToken cancel)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            return Invalid("$", $"the body has {http.ContentLength} bytes; at most {MaxBodyBytes} are accepted");
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(http.Body, cancel);
        }
        catch (BadHttpRequestException e)
        {
            return Invalid("$", $"the body could not be read: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return Invalid("$", e.Message);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return Invalid(e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {e.Message.Split(" LineNumber:", 2)[0]}");
        }

        using (document)
        {
            CalculationRequest request;
            try
            {
                request = CalculationRequest.Read(document.RootElement);
            }
            catch (RequestProblemException e)
            {
                return Invalid(e.Path, e.Problem);
            }

            var results = new List<HouseholdResponse>();
            for (int i = 0; i < request.Households.Count; i++)
            {
                var path = $"$.households[{i}]";
                var h = request.Households[i];
                var policy = request.Policy();
                if (UnreadColumn(policy, h) is { } unread)
                {
                    return Invalid($"{path}{unread.Path}.columns.{unread.Name}", $"'{unread.Name}' is neither a built-in column nor one that the policy reads ({string.Join(", ", Readable(policy).Order(StringComparer.Ordinal))})");
                }

                if (MissingColumn(policy, h) is { } missing)
                {
                    return Invalid($"{path}{missing.Path}.columns", $"the policy reads {string.Join(", ", missing.Names.Select(n => $"'{n}'"))}, which no program writes: give {(missing.Names.Count == 1 ? "it" : "them")} as columns");
                }

                try
                {
                    var result = new HouseholdCalculator(policy, request.Parameters).CalculateExplained(h.Household, h.Members, request.Date, h.PersonColumns, h.HouseholdColumns);
                    results.Add(Responses.Household(result, request.Parameters.Regions, h.Household.RegionCode));
                }
                catch (PopulationValidationException e)
                {
                    return Invalid(path, string.Join("; ", e.Problems));
                }
                catch (ParameterNotFoundException e)
                {
                    return Invalid("$.date", e.Message);
                }
                catch (PolicyDefinitionException e)
                {
                    return Invalid("$.policy", e.Message);
                }
                catch (UnknownRegionException e)
                {
                    return Invalid(path + ".region", e.Message);
                }
                catch (ArgumentException e)
                {
                    // The library's checks of a household against the policy (columns, values); the message names the column.
                    return Invalid(path, e.Message);
                }
            }

            var reform = request.Reform is null ? null : Responses.Reform(request.Reform, request.Parameters);
            return TypedResults.Ok(new CalculateResponse(Responses.Date(request.Date), request.PolicyName, reform, results));
        }
    }

    private static IEnumerable<string> Readable(Policy policy)
        => policy.InputColumns.Concat(policy.OptionalInputColumns).Select(c => c.Name).Concat(policy.ExternalInputs).Distinct(StringComparer.Ordinal);

    private static (string Path, string Name)? UnreadColumn(Policy policy, RequestHousehold h)
    {
        var readable = Readable(policy).ToHashSet(StringComparer.Ordinal);
        foreach (var name in h.HouseholdColumns.Keys)
        {
            if (!readable.Contains(name))
            {
                return (string.Empty, name);
            }
        }

        foreach (var (name, values) in h.PersonColumns)
        {
            if (!readable.Contains(name))
            {
                int k = Array.FindIndex(values, v => v != 0);
                return ($".members[{Math.Max(k, 0)}]", name);
            }
        }

        return null;
    }

    /// <summary>The extra columns the policy reads and the request does not give, with where they belong (household or members).</summary>
    private static (string Path, IReadOnlyList<string> Names)? MissingColumn(Policy policy, RequestHousehold h)
    {
        var missing = policy.ExternalInputs.Where(n => !h.HouseholdColumns.ContainsKey(n) && !h.PersonColumns.ContainsKey(n)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var householdColumns = policy.InputColumns.Where(c => c.Entity == Entity.Household).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var ofHousehold = missing.Where(householdColumns.Contains).ToList();
        return ofHousehold.Count > 0 ? (string.Empty, ofHousehold) : (".members[0]", missing);
    }

    private static async Task<byte[]> ReadBodyAsync(Stream body, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException($"the body exceeds {MaxBodyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Parameter(string name, string? region, string? date)
    {
        var store = ParameterStore.Default;
        if (!store.Contains(name))
        {
            try
            {
                store.Definition(name);
            }
            catch (ParameterNotFoundException e)
            {
                return Invalid("name", e.Message);
            }
        }

        var code = string.IsNullOrWhiteSpace(region) ? store.Regions[store.Regions.Root].Code : region;
        if (!store.Regions.TryGetId(code, out var id))
        {
            return Invalid("region", $"unknown region code '{code}' (GET /regions lists them)");
        }

        var on = store.ValuesAsOf;
        if (!string.IsNullOrWhiteSpace(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
        {
            return Invalid("date", $"'{date}' is not a date yyyy-MM-dd");
        }

        var definition = store.Definition(name);
        var inForce = store.TryResolve(name, on, id);
        var history = definition.Entries
            .OrderBy(e => store.Regions[e.Region].Code, StringComparer.Ordinal).ThenBy(e => e.From)
            .Select(e => Responses.History(e, store.Regions)).ToList();
        return TypedResults.Ok(new ParameterDetail(Responses.Summary(definition), code, Responses.Date(on), inForce is null ? null : Responses.Use(inForce, store.Regions), history));
    }

    private static ProgramsResponse Programs()
    {
        var packages = PolicyCatalog.Packages.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Value()).Zip(PolicyCatalog.Packages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key))
            .Select(x => new PackageResponse(x.Second, [.. x.First.Programs.Select(q => q.Name)], [.. x.First.ExternalInputs])).ToList();
        var programs = PolicyCatalog.ProgramNames
            .Select(n => n == MedicalAssistanceGroupProgram.ProgramName ? MedicalAssistanceGroupProgram.LinkedTo([]) : PolicyCatalog.Program(n)!)
            .Select(Responses.Program).ToList();
        return new ProgramsResponse(packages, programs);
    }
}
