using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>A damaged Parquet file is reported as the project's <see cref="DataFormatException"/> naming the file, never as the Parquet library's own exception.</summary>
public sealed class PopulationParquetCorruptionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("population-parquet-corrupt-").FullName;
    private readonly string _households;
    private readonly string _persons;
    private readonly byte[] _valid;

    public PopulationParquetCorruptionTests()
    {
        _households = Path.Combine(_directory, "households.parquet");
        _persons = Path.Combine(_directory, "persons.parquet");
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = 2_000 });
        PopulationParquet.Write(population, _households, _persons);
        _valid = File.ReadAllBytes(_persons);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, int, int> Corruptions() => new()
    {
        // (what, where, bytes flipped): with 0 flipped, truncate by `where` bytes (-2: to half; other negatives: to
        // -where bytes); otherwise flip bytes from `where` bytes before the end (-3: from the middle of the file).
        { "truncated by one byte", 1, 0 },
        { "truncated to half", -2, 0 },
        { "truncated to its first 100 bytes", -100, 0 },
        { "footer length word flipped", 8, 1 },
        { "data pages flipped in the middle of the file", -3, 64 },
        { "footer metadata flipped deeper", 200, 16 },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_corrupt_parquet_file_throws_a_data_format_exception_naming_the_file(string what, int from, int flipped)
    {
        var bytes = Corrupt(_valid, from, flipped);
        File.WriteAllBytes(_persons, bytes);

        var read = () => PopulationParquet.Read(_households, _persons);
        read.Should().Throw<DataFormatException>(what).Which.Message.Should().StartWith(_persons);
        var chunks = () => PopulationReader.ReadChunks(_households, _persons, 100).ToList();
        chunks.Should().Throw<DataFormatException>(what).Which.Message.Should().StartWith(_persons);
    }

    [Fact]
    public void Damaged_data_pages_are_reported_with_their_row_group_and_column()
    {
        File.WriteAllBytes(_persons, Corrupt(_valid, -3, 64));

        var read = () => PopulationParquet.Read(_households, _persons);
        read.Should().Throw<DataFormatException>().WithMessage($"{_persons} at row group 0, column '*': the column cannot be read*");
    }

    private static byte[] Corrupt(byte[] valid, int from, int flipped)
    {
        if (flipped == 0)
        {
            int length = from switch { -2 => valid.Length / 2, < 0 => -from, _ => valid.Length - from };
            return valid[..length];
        }

        var bytes = (byte[])valid.Clone();
        int start = from == -3 ? bytes.Length / 2 : bytes.Length - from;
        for (int i = 0; i < flipped; i++)
        {
            bytes[start + i] ^= 0xA5;
        }

        return bytes;
    }
}
