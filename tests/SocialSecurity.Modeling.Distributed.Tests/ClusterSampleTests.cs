using System.Diagnostics;
using SocialSecurity.Modeling.Distributed.Tests.Support;

namespace SocialSecurity.Modeling.Distributed.Tests;

/// <summary>The localhost multi-process sample end to end: redis-server, three silo processes and a client, compared with the single-process run.</summary>
public sealed class ClusterSampleTests
{
    [RedisFact]
    public async Task Three_silo_processes_with_Redis_membership_give_the_single_process_result()
    {
        Redis.Find().Should().NotBeNull("redis-server must be installed (Debian package redis-server; .ci/run installs it)");

        // The sample is built beside this test project (same artifacts folder, same configuration).
        string tests = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string sample = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(tests)!)!, "Cluster", Path.GetFileName(tests), "Cluster.dll");
        File.Exists(sample).Should().BeTrue($"the Cluster sample is built at {sample}");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { sample, "--silos", "3", "--persons", "10000", "--check" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string text = await output + await errors;
        process.ExitCode.Should().Be(0, text);
        text.Should().Contain("3 silos active");
        foreach (var silo in new[] { "silo-1", "silo-2", "silo-3" })
        {
            text.Should().Contain($"done on {silo}", "round-robin placement spreads the four provinces over the three silo processes");
        }

        text.Should().Contain("check passed: the cluster's result equals the single-process run bit for bit");
        foreach (var province in new[] { "Zhejiang", "Jiangsu", "Xinjiang", "Nei Mongol" })
        {
            text.Should().Contain(province);
        }
    }
}
