namespace SocialSecurity.Modeling.Distributed.Tests.Support;

/// <summary>Finds Debian's <c>redis-server</c> (installed by .ci/run when missing), for the multi-process cluster test.</summary>
internal static class Redis
{
    /// <summary>True when the environment variable CI is "true": a missing redis-server is then a failure, not a skip.</summary>
    internal static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The redis-server executable on the PATH, or null.</summary>
    internal static string? Find()
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that needs <c>redis-server</c>: skipped with the reason when it is not installed, unless CI=true, where it
/// runs and fails (as the web calculator's browser facts; .ci/run fails a run with any skip).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (Redis.Find() is null && !Redis.InCi)
        {
            Skip = "redis-server (Debian's package redis-server) is not available on this machine (with CI=true this test fails instead)";
        }
    }
}
