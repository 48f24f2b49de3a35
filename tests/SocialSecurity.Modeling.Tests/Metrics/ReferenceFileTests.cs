using Xunit.Abstractions;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>The test copy of vectors.json must stay byte-identical to the shared reference file.</summary>
public class ReferenceFileTests(ITestOutputHelper output)
{
    [Fact]
    public void Test_copy_of_vectors_json_is_byte_identical_to_the_shared_file()
    {
        File.Exists(ReferenceVectors.FilePath).Should().BeTrue("the copy is deployed from Cases/Metrics");
        string? shared = FindShared();
        if (shared is null)
        {
            // The shared folder (../shared/metrics beside the clone) is absent here; CI has it, so this runs there.
            output.WriteLine("SKIPPED: shared/metrics/vectors.json not found above " + AppContext.BaseDirectory + "; comparison not made.");
            return;
        }

        output.WriteLine("Comparing with " + shared);
        File.ReadAllBytes(ReferenceVectors.FilePath).Should().Equal(File.ReadAllBytes(shared),
            $"Cases/Metrics/vectors.json must be a byte-identical copy of {shared}");
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[]
                     {
                         Path.Combine(dir.FullName, "shared", "metrics", "vectors.json"),
                         Path.Combine(dir.FullName, "..", "shared", "metrics", "vectors.json"),
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
}
