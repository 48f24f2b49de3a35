using System.Reflection;
using System.Text.Json;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Targeting;

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
/// program's name, eligibility from its <c>*.eligible</c> flag).</item>
/// </list>
/// </summary>
public static class CaseCatalog
{
    private static readonly Assembly Library = typeof(Policies).Assembly;

    /// <summary>The named packages.</summary>
    public static IReadOnlyDictionary<string, Func<Policy>> Packages { get; } = FindPackages();

    /// <summary>The programs constructible by name (without the targeted variants).</summary>
    public static IReadOnlyDictionary<string, Func<PolicyProgram>> Programs { get; } = FindPrograms();

    /// <summary>Every concrete program type of the library (the types that need cases).</summary>
    public static IReadOnlyList<Type> ProgramTypes { get; } =
        [.. Library.GetTypes().Where(t => t.IsSubclassOf(typeof(PolicyProgram)) && !t.IsAbstract && t.IsPublic).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Creates a program by name.</summary>
    /// <param name="name">A program name, or <c>&lt;name&gt;_targeted</c>.</param>
    /// <returns>The program, or null for an unknown name.</returns>
    public static PolicyProgram? Program(string name)
    {
        if (Programs.TryGetValue(name, out var create))
        {
            return create();
        }

        const string suffix = "_targeted";
        if (name.EndsWith(suffix, StringComparison.Ordinal) && Programs.TryGetValue(name[..^suffix.Length], out var inner))
        {
            var program = inner();
            var flag = program.Outputs.FirstOrDefault(o => o.Period == AmountPeriod.None && o.Name.EndsWith(".eligible", StringComparison.Ordinal));
            return flag is null ? null : new TargetedProgram(program, flag.Name, program.Name);
        }

        return null;
    }

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

        var names = new List<string>();
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new DataFormatException(file, at, "expected a program name");
            if (Program(name) is null)
            {
                throw new DataFormatException(file, at, $"unknown program '{name}'; known: {string.Join(", ", Programs.Keys.Order(StringComparer.Ordinal))} (and <name>_targeted)");
            }

            names.Add(name);
        }

        Func<Policy> factory = () => Policy.Create(names.Select(n => Program(n)!));
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

    private static Dictionary<string, Func<Policy>> FindPackages()
    {
        var packages = new Dictionary<string, Func<Policy>>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes().Where(t => t.IsPublic && t.Namespace?.StartsWith("SocialSecurity.Modeling.Programs", StringComparison.Ordinal) == true))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                if (method.ReturnType == typeof(Policy) && method.GetParameters().All(p => p.HasDefaultValue) && !method.IsGenericMethod)
                {
                    var arguments = method.GetParameters().Select(p => p.DefaultValue).ToArray();
                    packages[$"{type.Name}.{method.Name}"] = () => (Policy)method.Invoke(null, arguments)!;
                }
            }
        }

        return packages;
    }

    private static Dictionary<string, Func<PolicyProgram>> FindPrograms()
    {
        var programs = new Dictionary<string, Func<PolicyProgram>>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes().Where(t => t.IsSubclassOf(typeof(PolicyProgram)) && !t.IsAbstract && t.IsPublic))
        {
            if (type.GetConstructor(Type.EmptyTypes) is { } constructor)
            {
                var name = ((PolicyProgram)constructor.Invoke(null)).Name;
                programs.Add(name, () => (PolicyProgram)constructor.Invoke(null));
            }
        }

        return programs;
    }
}
