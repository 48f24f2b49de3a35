using System.Reflection;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Health;
using SocialSecurity.Modeling.Programs.Targeting;

namespace Samples.WebCalculator;

/// <summary>
/// The policies a request can name, found in the library by reflection (so a new package or program is available
/// without touching the app):
/// <list type="bullet">
/// <item>a package, <c>"Type.Method"</c>: every public static method of the library's Programs namespaces that returns a
/// <see cref="Policy"/> and needs no argument (for example <c>"Policies.Standard"</c>);</item>
/// <item>a list of program names: every concrete program with a public parameterless constructor, <c>"&lt;name&gt;_targeted"</c>
/// for a program wrapped in <see cref="TargetedProgram"/> (eligibility from its <c>*.eligible</c> flag), and
/// <c>"medical_assistance_group"</c> linked to the other programs of the list.</item>
/// </list>
/// Built once; every request builds its own fresh <see cref="Policy"/> from it.
/// </summary>
public static class PolicyCatalog
{
    /// <summary>The package used when a request names none.</summary>
    public const string DefaultPackage = "Policies.Standard";

    private const string TargetedSuffix = "_targeted";
    private static readonly Assembly Library = typeof(Policies).Assembly;

    /// <summary>The named packages.</summary>
    public static IReadOnlyDictionary<string, Func<Policy>> Packages { get; } = FindPackages();

    /// <summary>The programs constructible by name.</summary>
    public static IReadOnlyDictionary<string, Func<PolicyProgram>> Programs { get; } = FindPrograms();

    /// <summary>Every program name a list may hold, sorted (without the targeted variants).</summary>
    public static IReadOnlyList<string> ProgramNames { get; } = [.. Programs.Keys.Append(MedicalAssistanceGroupProgram.ProgramName).Order(StringComparer.Ordinal)];

    /// <summary>The package's policy.</summary>
    /// <param name="name">A package name.</param>
    /// <returns>The policy, or null for an unknown name.</returns>
    public static Policy? Package(string name) => Packages.TryGetValue(name, out var create) ? create() : null;

    /// <summary>Creates a program by name (or <c>&lt;name&gt;_targeted</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The program, or null for an unknown name.</returns>
    public static PolicyProgram? Program(string name)
    {
        if (Programs.TryGetValue(name, out var create))
        {
            return create();
        }

        if (name.EndsWith(TargetedSuffix, StringComparison.Ordinal) && Programs.TryGetValue(name[..^TargetedSuffix.Length], out var inner))
        {
            var program = inner();
            var flag = program.Outputs.FirstOrDefault(o => o.Period == AmountPeriod.None && o.Name.EndsWith(".eligible", StringComparison.Ordinal));
            return flag is null ? null : new TargetedProgram(program, flag.Name, program.Name);
        }

        return null;
    }

    /// <summary>A policy of the programs named, in order (<c>medical_assistance_group</c> linked to the others).</summary>
    /// <param name="names">Program names, each known (checked by the caller with <see cref="IsProgramName"/>).</param>
    /// <exception cref="PolicyDefinitionException">The programs do not form a policy (a missing prerequisite, a duplicate output).</exception>
    public static Policy FromPrograms(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var others = names.Where(n => n != MedicalAssistanceGroupProgram.ProgramName).Select(n => Program(n)!).ToList();
        var programs = new List<PolicyProgram>();
        int next = 0;
        foreach (var name in names)
        {
            programs.Add(name == MedicalAssistanceGroupProgram.ProgramName ? MedicalAssistanceGroupProgram.LinkedTo(others) : others[next++]);
        }

        return Policy.Create(programs);
    }

    /// <summary>Whether a list may name the program.</summary>
    /// <param name="name">The name.</param>
    public static bool IsProgramName(string name) => name == MedicalAssistanceGroupProgram.ProgramName || Program(name) is not null;

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
