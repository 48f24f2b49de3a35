using System.Reflection;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Targeting;

namespace SocialSecurity.Modeling.Programs;

/// <summary>
/// The library's built-in policies and programs by name, for tools that let a user name them in data (a household
/// case file, a web request, a command line): found by reflection, so a new package or program is listed without
/// touching the tools.
/// <list type="bullet">
/// <item>a package, <c>"Type.Method"</c>: every public static method of the Programs namespaces that returns a
/// <see cref="Policy"/> and needs no argument (for example <c>"Policies.Standard"</c>);</item>
/// <item>a program, by its <see cref="PolicyProgram.Name"/>: every concrete public program with a public parameterless
/// constructor; and <c>"&lt;name&gt;_targeted"</c>, that program wrapped in a <see cref="TargetedProgram"/> whose
/// eligibility is the program's <c>*.eligible</c> flag.</item>
/// </list>
/// </summary>
public static class ProgramCatalog
{
    /// <summary>The suffix that names a program wrapped in <see cref="TargetedProgram"/>.</summary>
    public const string TargetedSuffix = "_targeted";

    private static readonly Assembly Library = typeof(ProgramCatalog).Assembly;

    /// <summary>The named packages, each a factory of a fresh policy.</summary>
    public static IReadOnlyDictionary<string, Func<Policy>> Packages { get; } = FindPackages();

    /// <summary>The programs constructible by name (without the targeted variants), each a factory of a fresh program.</summary>
    public static IReadOnlyDictionary<string, Func<PolicyProgram>> Programs { get; } = FindPrograms();

    /// <summary>Creates a program by name, or by <c>&lt;name&gt;_targeted</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The program, or <see langword="null"/> for an unknown name (or a targeted name whose program has no eligibility flag).</returns>
    public static PolicyProgram? Program(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
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
