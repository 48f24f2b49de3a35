using System.Reflection;
using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Randomness;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Cases;

/// <summary>
/// The policies and programs a case can name, found by reflection so that a new package or program is available to
/// cases without touching the runner:
/// <list type="bullet">
/// <item>a named package: <c>"Type.Method"</c> for every public static method of the library's Programs namespaces that
/// returns a <see cref="Policy"/> and needs no argument (for example <c>"Policies.Standard"</c>,
/// <c>"AssistancePolicies.ExtendedWithTargeting"</c>, <c>"PensionPolicies.WithResidentPension"</c>,
/// <c>"MedicalPayoutProgram.CreatePolicy"</c>);</item>
/// <item>a list of programs by <see cref="PolicyProgram.Name"/>: every concrete program with a public parameterless
/// constructor, plus <c>"&lt;name&gt;_targeted"</c> for a program wrapped in <see cref="TargetedProgram"/> (keyed by the
/// program's name, eligibility from its <c>*.eligible</c> flag);</item>
/// <item>in such a list, <c>"medical_assistance_group"</c> (<see cref="MedicalAssistanceGroupProgram.LinkedTo"/> the other
/// programs of the list, as the library builds it) and a <c>medical_bills</c> object (<see cref="MedicalBillDrawProgram"/>
/// with an explicit spending model, seed, stream and replicate).</item>
/// </list>
/// </summary>
public static class CaseCatalog
{
    private static readonly Assembly Library = typeof(Policies).Assembly;

    /// <summary>The named packages.</summary>
    public static IReadOnlyDictionary<string, Func<Policy>> Packages => ProgramCatalog.Packages;

    /// <summary>The programs constructible by name (without the targeted variants).</summary>
    public static IReadOnlyDictionary<string, Func<PolicyProgram>> Programs => ProgramCatalog.Programs;

    /// <summary>Every concrete program type of the library (the types that need cases).</summary>
    public static IReadOnlyList<Type> ProgramTypes { get; } =
        [.. Library.GetTypes().Where(t => t.IsSubclassOf(typeof(PolicyProgram)) && !t.IsAbstract && t.IsPublic).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Creates a program by name.</summary>
    /// <param name="name">A program name, or <c>&lt;name&gt;_targeted</c>.</param>
    /// <returns>The program, or null for an unknown name.</returns>
    public static PolicyProgram? Program(string name) => ProgramCatalog.Program(name);

    /// <summary>Reads the <c>policy</c> element of a case: a package name or an array of program names.</summary>
    /// <param name="element">The element.</param>
    /// <param name="file">The file, for messages.</param>
    /// <param name="path">The element's JSON path, for messages.</param>
    internal static Func<Policy> PolicyFactory(JsonElement element, string file, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var name = element.GetString()!;
            return Packages.TryGetValue(name, out var package)
                ? package
                : throw new DataFormatException(file, path, $"unknown policy package '{name}'; known: {string.Join(", ", Packages.Keys.Order(StringComparer.Ordinal))}, or an array of program names");
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw new DataFormatException(file, path, "expected a package name or a non-empty array of program names");
        }

        var entries = new List<Func<IReadOnlyList<PolicyProgram>, PolicyProgram>?>();
        var simple = new List<Func<PolicyProgram>>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                var bills = BillDraw(item, file, at);
                simple.Add(bills);
                entries.Add(null);
                continue;
            }

            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new DataFormatException(file, at, "expected a program name or a medical_bills object");
            if (name == MedicalAssistanceGroupProgram.ProgramName)
            {
                // Built as the library builds it (MedicalPayoutProgram.CreatePolicy, HealthShockSimulation): linked to the statuses the other programs write.
                entries.Add(MedicalAssistanceGroupProgram.LinkedTo);
                continue;
            }

            if (Program(name) is null)
            {
                throw new DataFormatException(file, at, $"unknown program '{name}'; known: {string.Join(", ", Programs.Keys.Order(StringComparer.Ordinal))} (and <name>_targeted, {MedicalAssistanceGroupProgram.ProgramName}, a medical_bills object)");
            }

            simple.Add(() => Program(name)!);
            entries.Add(null);
        }

        Func<Policy> factory = () =>
        {
            var others = simple.Select(create => create()).ToList();
            var programs = new List<PolicyProgram>();
            int next = 0;
            foreach (var composed in entries)
            {
                programs.Add(composed is null ? others[next++] : composed(others));
            }

            return Policy.Create(programs);
        };
        try
        {
            factory();
        }
        catch (PolicyDefinitionException e)
        {
            throw new DataFormatException(file, path, e.Message, e);
        }

        return factory;
    }

    /// <summary>
    /// Reads a <c>medical_bills</c> entry: <c>{ "program": "medical_bills", "model": { … }, "seed": 1, "stream": "medical.spending", "replicate": 0 }</c>,
    /// the <see cref="MedicalBillDrawProgram"/> of one replicate with an explicit <see cref="HealthSpendingModel"/> (so a case can choose a model whose draws
    /// are determined: probability 1, σ = 0, repeat probability 0 or 1).
    /// </summary>
    private static Func<PolicyProgram> BillDraw(JsonElement item, string file, string path)
    {
        string[] known = ["program", "model", "seed", "stream", "replicate"];
        foreach (var property in item.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            throw new DataFormatException(file, $"{path}.{property.Name}", $"unknown property; known: {string.Join(", ", known)}");
        }

        if (!item.TryGetProperty("program", out var program) || program.ValueKind != JsonValueKind.String || program.GetString() != "medical_bills")
        {
            throw new DataFormatException(file, $"{path}.program", "expected \"medical_bills\" (the only program given as an object)");
        }

        if (!item.TryGetProperty("model", out var m) || m.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, $"{path}.model", "expected the spending model as an object");
        }

        HealthSpendingModel model;
        try
        {
            int[] bands = [.. Array(m, "age_band_starts", file, path + ".model").Select(e => e.GetInt32())];
            double[] probability = [.. Array(m, "any_use_probability", file, path + ".model").Select(e => e.GetDouble())];
            double[] median = [.. Array(m, "median_amount", file, path + ".model").Select(e => e.GetDouble())];
            double sigma = m.TryGetProperty("log_standard_deviation", out var s) ? s.GetDouble() : throw new DataFormatException(file, path + ".model.log_standard_deviation", "missing");
            var defaults = HealthSpendingModel.Illustrative;
            double Get(string name, double fallback) => m.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;
            model = new HealthSpendingModel(bands, probability, median, sigma)
            {
                MaleProbabilityFactor = Get("male_probability_factor", defaults.MaleProbabilityFactor),
                MaleAmountFactor = Get("male_amount_factor", defaults.MaleAmountFactor),
                RuralProbabilityFactor = Get("rural_probability_factor", defaults.RuralProbabilityFactor),
                RuralAmountFactor = Get("rural_amount_factor", defaults.RuralAmountFactor),
                WithinPolicyShare = Get("within_policy_share", defaults.WithinPolicyShare),
                RepeatAdmissionProbability = Get("repeat_admission_probability", defaults.RepeatAdmissionProbability),
                SecondaryFrom = Get("secondary_from", defaults.SecondaryFrom),
                TertiaryFrom = Get("tertiary_from", defaults.TertiaryFrom),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new DataFormatException(file, path + ".model", e.Message, e);
        }

        var options = new HealthShockOptions();
        ulong seed = item.TryGetProperty("seed", out var seedElement) ? seedElement.GetUInt64() : options.Seed;
        string stream = item.TryGetProperty("stream", out var streamElement) ? streamElement.GetString()! : options.StreamName;
        int replicate = item.TryGetProperty("replicate", out var r) ? r.GetInt32() : 0;
        return () => new MedicalBillDrawProgram(model, new RandomStream(seed, stream), replicate);
    }

    private static IEnumerable<JsonElement> Array(JsonElement model, string name, string file, string path)
        => model.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw new DataFormatException(file, $"{path}.{name}", "expected an array");
}
