using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Support;

/// <summary>Digests that pin results bit for bit (the hash tests compare them with values computed before a change).</summary>
internal static class OutputHash
{
    /// <summary>SHA-256 over every output of the policy, in policy order: each name, then its values' bytes.</summary>
    public static string Of(SimulationResult result)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var output in result.Policy.Outputs)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(output.Name));
            sha.AppendData(MemoryMarshal.AsBytes(result.Values(output.Name)));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
