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

    /// <summary>The named packages.</summary>
    public static IReadOnlyDictionary<string, Func<Policy>> Packages => ProgramCatalog.Packages;

    /// <summary>The programs constructible by name.</summary>
    public static IReadOnlyDictionary<string, Func<PolicyProgram>> Programs => ProgramCatalog.Programs;

    /// <summary>Every program name a list may hold, sorted (without the targeted variants).</summary>
    public static IReadOnlyList<string> ProgramNames { get; } = [.. Programs.Keys.Append(MedicalAssistanceGroupProgram.ProgramName).Order(StringComparer.Ordinal)];

    /// <summary>The package's policy.</summary>
    /// <param name="name">A package name.</param>
    /// <returns>The policy, or null for an unknown name.</returns>
    public static Policy? Package(string name) => Packages.TryGetValue(name, out var create) ? create() : null;

    /// <summary>Creates a program by name (or <c>&lt;name&gt;_targeted</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The program, or null for an unknown name.</returns>
    public static PolicyProgram? Program(string name) => ProgramCatalog.Program(name);

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
}
