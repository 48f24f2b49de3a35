using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

using SocialSecurity.Modeling.Tests.Support;

namespace SocialSecurity.Modeling.Tests.Simulation;

/// <summary>
/// A generated, calibrated 20,000-person Zhejiang baseline hashed bit for bit: every column of the population (the
/// calibrated weights and the net-to-gross market incomes included), every output of the baseline simulated on it, and
/// the simulated value of every validation row. Changes meant to make generation or calibration faster only
/// (docs/baseline.md) must leave all three as they were. The hashes were recorded on main before those
/// changes; a change meant to move the baseline (an assumption, a parameter, a rule) records them again and says
/// whose change moved them in its commit message.
/// </summary>
public class SyntheticBaselineHashTests
{
    private const string ExpectedPopulationHash = "E792CCBAB7B456F579DDCE423720C4523B5255D3EEA541A6D2DC933BFEBC70B8";
    private const string ExpectedResultHash = "40C6699CC514EC270761527720FCE1F5D431946FA5746D7D1A79C938B06E36BF";
    private const string ExpectedValidationHash = "6A453961C7368D5767DD645C2445E812D7AD95756898F9896D77BE97B77E4BF0";
    private static readonly DateOnly Date = new(2023, 7, 1);

    [Fact]
    public void A_calibrated_province_its_baseline_and_its_validation_rows_are_unchanged_bit_for_bit()
    {
        var policy = Policies.StandardWithPensions();
        var baseline = SyntheticBaseline.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 20_000, Year = 2023 }, policy, ParameterStore.Default, Date);
        var rows = BaselineValidation.Compute(baseline, ProvinceStatistics.Load(RegionCodes.Zhejiang, 2023), policy, ParameterStore.Default, Date);
        baseline.Population.PersonCount.Should().Be(20_000);

        var hashes = (Population: Hash(baseline.Population), Result: Hash(baseline.Result), Validation: Hash(rows));
        hashes.Should().Be((ExpectedPopulationHash, ExpectedResultHash, ExpectedValidationHash));
    }

    private static string Hash(SimulationResult result) => OutputHash.Of(result);

    private static string Hash(Population population)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var column in population.Schema)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(column.Name));
            if (column.BuiltInIndex >= 0)
            {
                var values = population.Column(column);
                sha.AppendData(MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(values), Buffer.ByteLength(values)));
            }
            else
            {
                sha.AppendData(MemoryMarshal.AsBytes(column.Entity == Entity.Person ? population.ExtraPersonColumn(column.Name) : population.ExtraHouseholdColumn(column.Name)));
            }
        }

        sha.AppendData(MemoryMarshal.AsBytes(population.MemberStart));
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static string Hash(IReadOnlyList<ValidationRow> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{row.Name}|{row.Kind}|{row.Status}|{row.Sensitivity}|"));
            sha.AppendData(BitConverter.GetBytes(row.Simulated));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
