using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace SocialSecurity.Modeling.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>
    /// Set to <c>1</c> when the command line asks for the dry job (<c>--job dry</c>, CI's smoke run), before the
    /// benchmarks are enumerated, so that size parameters can shrink (see <c>ChunkedStreamingBenchmarks.Sizes</c>).
    /// </summary>
    public const string DryRunVariable = "SOCIALSECURITY_BENCHMARK_DRY";

    /// <summary>
    /// How long BenchmarkDotNet may take to build the generated benchmark project. It rebuilds the library and this
    /// project from scratch without the shared compiler; its default of 2 minutes is too short on a loaded 2-core
    /// machine, and a build that times out runs no benchmark at all ("executed benchmarks: 0"). A longer <c>--buildTimeout</c>
    /// on the command line still applies.
    /// </summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Runs the benchmarks selected on the command line (BenchmarkDotNet's switcher).</summary>
    public static void Main(string[] args)
    {
        if (IsDryRun(args))
        {
            Environment.SetEnvironmentVariable(DryRunVariable, "1");
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(BuildTimeout));
    }

    /// <summary>Whether the arguments select BenchmarkDotNet's dry job (<c>--job dry</c>, <c>-j Dry</c> or <c>--job=dry</c>).</summary>
    public static bool IsDryRun(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.Equals("--job=dry", StringComparison.OrdinalIgnoreCase)
                || ((arg == "--job" || arg == "-j") && i + 1 < args.Length && args[i + 1].Equals("dry", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
