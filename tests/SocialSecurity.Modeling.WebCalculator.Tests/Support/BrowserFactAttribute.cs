namespace SocialSecurity.Modeling.WebCalculator.Tests.Support;

/// <summary>
/// Finds the browser the end-to-end tests drive: Debian's <c>chromium</c> (installed by .ci/run when missing), or the
/// executable named by the environment variable <c>CHROMIUM_PATH</c>. Playwright never downloads a browser here.
/// </summary>
internal static class Browser
{
    /// <summary>True when the environment variable CI is "true": a missing browser is then a failure, not a skip.</summary>
    internal static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The chromium executable, or null when none is found.</summary>
    internal static string? FindChromium()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.AddRange(["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(dir, "chromium"));
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The chromium executable; fails the test, naming what was searched, when there is none.</summary>
    internal static string RequireChromium() => FindChromium() ?? throw new Xunit.Sdk.XunitException(
        "No chromium executable was found (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, PATH); .ci/run installs Debian's chromium package"
        + (InCi ? " (CI=true: a missing external resource is a failure, not a skip)." : "."));
}

/// <summary>
/// A fact that drives a real browser: skipped with the reason when no chromium is installed, unless CI=true, where it
/// runs and fails (the pattern of the library tests' shared-data facts; .ci/run fails a run with any skip).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when no browser is found outside CI.</summary>
    public BrowserFactAttribute()
    {
        if (Browser.FindChromium() is null && !Browser.InCi)
        {
            Skip = "chromium (Debian's package, or CHROMIUM_PATH) is not available on this machine (with CI=true this test fails instead)";
        }
    }
}
