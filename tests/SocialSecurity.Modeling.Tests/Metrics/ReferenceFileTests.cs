using SocialSecurity.Modeling.Tests.Support;
using Xunit.Abstractions;

namespace SocialSecurity.Modeling.Tests.Metrics;

/// <summary>The test copy of vectors.json must stay byte-identical to the shared reference file.</summary>
public class ReferenceFileTests(ITestOutputHelper output)
{
    private const string SharedVectors = "metrics/vectors.json";

    [SharedFileFact(SharedVectors)]
    public void Test_copy_of_vectors_json_is_byte_identical_to_the_shared_file()
    {
        File.Exists(ReferenceVectors.FilePath).Should().BeTrue("the copy is deployed from Cases/Metrics");
        string shared = ExternalResource.RequireSharedFile(SharedVectors);

        output.WriteLine("Comparing with " + shared);
        File.ReadAllBytes(ReferenceVectors.FilePath).Should().Equal(File.ReadAllBytes(shared),
            $"Cases/Metrics/vectors.json must be a byte-identical copy of {shared}");
    }
}
