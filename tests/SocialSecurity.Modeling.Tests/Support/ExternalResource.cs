namespace SocialSecurity.Modeling.Tests.Support;

/// <summary>
/// Resources a test needs from outside the repository (a file in the <c>shared</c> folder beside the clone, a browser,
/// a server). On a developer's machine a missing resource skips the test with a stated reason; when the environment
/// variable <c>CI</c> is <c>true</c> the test is not skipped and fails with a message naming the missing resource.
/// <c>.ci/run</c> fails when any test was skipped.
/// </summary>
internal static class ExternalResource
{
    /// <summary>True when the environment variable CI is "true" (case-insensitive): missing resources are failures.</summary>
    internal static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The skip reason for a resource: null when it is available or when running under CI (the test then runs and
    /// fails on the missing resource), otherwise a sentence naming the resource.
    /// </summary>
    internal static string? SkipReason(bool available, string resource) =>
        available || InCi ? null : $"{resource} is not available on this machine (with CI=true this test fails instead)";

    /// <summary>
    /// Finds <c>shared/&lt;relativePath&gt;</c> in the test's base directory or any parent (or in a sibling
    /// <c>shared</c> folder of one): the shared folder sits beside the clone.
    /// </summary>
    internal static string? FindSharedFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[]
                     {
                         Path.Combine(dir.FullName, "shared", relativePath),
                         Path.Combine(dir.FullName, "..", "shared", relativePath),
                     })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>The full path of <c>shared/&lt;relativePath&gt;</c>; fails the test, naming the file, when it is missing.</summary>
    internal static string RequireSharedFile(string relativePath) =>
        FindSharedFile(relativePath) ?? throw new Xunit.Sdk.XunitException(
            $"Required external file shared/{relativePath} was not found in {AppContext.BaseDirectory} or any parent folder"
            + (InCi ? " (CI=true: a missing external resource is a failure, not a skip)." : "."));

    /// <summary>The skip reason of a test that needs <c>shared/&lt;relativePath&gt;</c>.</summary>
    internal static string? SharedFileSkipReason(string relativePath) =>
        SkipReason(FindSharedFile(relativePath) is not null, $"shared/{relativePath} (searched above {AppContext.BaseDirectory})");
}

/// <summary>
/// A fact that needs <c>shared/&lt;relativePath&gt;</c>: skipped with the reason when the file is missing, unless
/// CI=true, where it runs and fails. The test reads the file through <see cref="ExternalResource.RequireSharedFile"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedFileFactAttribute : FactAttribute
{
    /// <summary>Declares the shared file (relative to the shared folder) the test needs.</summary>
    public SharedFileFactAttribute(string relativePath)
    {
        RelativePath = relativePath;
        Skip = ExternalResource.SharedFileSkipReason(relativePath);
    }

    /// <summary>The file's path relative to the shared folder.</summary>
    public string RelativePath { get; }
}

/// <summary>The theory counterpart of <see cref="SharedFileFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedFileTheoryAttribute : TheoryAttribute
{
    /// <summary>Declares the shared file (relative to the shared folder) the test needs.</summary>
    public SharedFileTheoryAttribute(string relativePath)
    {
        RelativePath = relativePath;
        Skip = ExternalResource.SharedFileSkipReason(relativePath);
    }

    /// <summary>The file's path relative to the shared folder.</summary>
    public string RelativePath { get; }
}
