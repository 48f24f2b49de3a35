using Parquet;
using Parquet.Schema;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// <see cref="PopulationReader.ReadChunks"/> reads Parquet files written by the library through a fast path (row groups
/// decoded to typed arrays, persons matched to households by merging sorted ids), which hands over to the general
/// path at its first doubt. Whatever the files, the chunks and the error must be those of row-by-row reading
/// (<see cref="PopulationReader.ReadChunksWith"/> with <see cref="ParallelReadingTests.Sequential"/>: one row a block, each cell parsed on its own): the same chunks,
/// as many of them before an error, and the same message.
/// </summary>
public sealed class ParquetChunkFastPathTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parquet-chunk-fast-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(250, 100)] // chunks smaller than row groups
    [InlineData(97, 300)] // chunks spanning several row groups, ending inside one
    [InlineData(1_000, 1_000)]
    [InlineData(64, 1)] // one household a chunk
    [InlineData(333, 100_000)] // one chunk for the whole file
    public void Library_files_give_the_chunks_of_row_by_row_reading(int rowGroupSize, int householdsPerChunk)
    {
        var (households, persons) = Write(rowGroupSize);
        Same(households, persons, householdsPerChunk);
    }

    [Fact]
    public void Household_ids_out_of_order_after_some_chunks_hand_over_to_the_general_path_with_the_same_chunks()
    {
        var (households, persons) = Write(200);
        int count = 0;
        long[] ids = [];
        Rewrite(households, 200, columns =>
        {
            ids = (long[])columns["household_id"];
            count = ids.Length;
        });

        // Two households of the second half swap ids (in both files): still a valid pair of files, but no longer sorted.
        long a = ids[count * 2 / 3], b = ids[(count * 2 / 3) + 1];
        Rewrite(households, 200, columns => Swap((long[])columns["household_id"], a, b));
        Rewrite(persons, 200, columns => Swap((long[])columns["household_id"], a, b));

        Same(households, persons, 50).Should().BeGreaterThan(count / 50, "every chunk is read, past the hand-over");
    }

    [Fact]
    public void An_orphan_person_in_a_late_chunk_is_the_same_error_after_the_same_chunks()
    {
        var (households, persons) = Write(200);
        Rewrite(persons, 200, columns =>
        {
            var ids = (long[])columns["household_id"];
            ids[ids.Length * 3 / 4] = long.MaxValue;
        });

        Same(households, persons, 40);
    }

    [Fact]
    public void A_value_out_of_range_in_a_late_row_group_is_the_same_error_after_the_same_chunks()
    {
        var (households, persons) = Write(150);
        Rewrite(persons, 150, columns =>
        {
            var ages = (byte[])columns["age"];
            ages[ages.Length * 2 / 3] = 250;
        });

        Same(households, persons, 60);
    }

    [Fact]
    public void Persons_left_after_the_last_household_are_the_same_error_after_the_same_chunks()
    {
        var (households, persons) = Write(100);
        Rewrite(households, 100, columns =>
        {
            foreach (var name in columns.Keys.ToList())
            {
                var all = columns[name];
                var shorter = Array.CreateInstance(all.GetType().GetElementType()!, all.Length - 1);
                Array.Copy(all, shorter, shorter.Length);
                columns[name] = shorter;
            }
        });

        Same(households, persons, 70);
    }

    /// <summary>Reads the files both ways; asserts the same chunks and the same error; returns the chunks read.</summary>
    private static int Same(string households, string persons, int householdsPerChunk)
    {
        var (fast, fastError) = Chunks(() => PopulationReader.ReadChunks(households, persons, householdsPerChunk));
        var (rowByRow, rowByRowError) = Chunks(() => PopulationReader.ReadChunksWith(ParallelReadingTests.Sequential, households, persons, householdsPerChunk));
        fast.Count.Should().Be(rowByRow.Count);
        for (int c = 0; c < fast.Count; c++)
        {
            PopulationAssert.Identical(fast[c], rowByRow[c]);
        }

        fastError.Should().Be(rowByRowError);
        return fast.Count;
    }

    private static (List<SocialSecurity.Modeling.Core.Population> Chunks, string? Error) Chunks(Func<IEnumerable<SocialSecurity.Modeling.Core.Population>> read)
    {
        var chunks = new List<SocialSecurity.Modeling.Core.Population>();
        try
        {
            foreach (var chunk in read())
            {
                chunks.Add(chunk);
            }
        }
        catch (DataFormatException e)
        {
            return (chunks, e.Message);
        }

        return (chunks, null);
    }

    private (string Households, string Persons) Write(int rowGroupSize)
    {
        var population = PopulationParquetTests.WithExtras(SyntheticPopulationTests.WithoutHistories(SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Jiangsu, Persons = 2_500, Seed = 31 })));
        var households = Path.Combine(_directory, "households.parquet");
        var persons = Path.Combine(_directory, "persons.parquet");
        PopulationParquet.Write(population, households, persons, rowGroupSize);
        return (households, persons);
    }

    private static void Swap(long[] ids, long a, long b)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = ids[i] == a ? b : ids[i] == b ? a : ids[i];
        }
    }

    /// <summary>Reads a library-written Parquet file's columns whole, lets <paramref name="change"/> change them, and writes them back with the same schema and metadata.</summary>
    private static void Rewrite(string path, int rowGroupSize, Action<Dictionary<string, Array>> change)
        => RewriteAsync(path, rowGroupSize, change).GetAwaiter().GetResult();

    private static async Task RewriteAsync(string path, int rowGroupSize, Action<Dictionary<string, Array>> change)
    {
        ParquetSchema schema;
        Dictionary<string, string> metadata;
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        await using (var reader = await ParquetReader.CreateAsync(path))
        {
            // Region codes come back as text: written again as strings, as the library writes them.
            schema = new ParquetSchema(reader.Schema.GetDataFields().Select(f => f.ClrType == typeof(ReadOnlyMemory<char>) ? new DataField<string>(f.Name, false) : f).ToArray());
            metadata = new Dictionary<string, string>(reader.CustomMetadata);
            int total = (int)reader.Metadata!.NumRows;
            foreach (var field in reader.Schema.GetDataFields())
            {
                var all = Array.CreateInstance(field.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : field.ClrType, total);
                int at = 0;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int rows = (int)group.RowCount;
                    switch (all)
                    {
                        case long[] v:
                            await group.ReadAsync(field, v.AsMemory(at, rows));
                            break;
                        case double[] v:
                            await group.ReadAsync(field, v.AsMemory(at, rows));
                            break;
                        case byte[] v:
                            await group.ReadAsync(field, v.AsMemory(at, rows));
                            break;
                        case string?[] v:
                            var text = new ReadOnlyMemory<char>[rows];
                            await group.ReadAsync(field, text.AsMemory());
                            for (int i = 0; i < rows; i++)
                            {
                                v[at + i] = text[i].ToString();
                            }

                            break;
                        default:
                            throw new NotSupportedException(field.ClrType.Name);
                    }

                    at += rows;
                }

                columns[field.Name] = all;
            }
        }

        change(columns);
        int count = columns.Values.First().Length;
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        writer.CustomMetadata = metadata;
        for (int start = 0; start < count; start += rowGroupSize)
        {
            int rows = Math.Min(rowGroupSize, count - start);
            using var group = writer.CreateRowGroup();
            foreach (var field in schema.GetDataFields())
            {
                var task = columns[field.Name] switch
                {
                    long[] v => group.WriteAsync(field, (ReadOnlyMemory<long>)v.AsMemory(start, rows)),
                    double[] v => group.WriteAsync(field, (ReadOnlyMemory<double>)v.AsMemory(start, rows)),
                    byte[] v => group.WriteAsync(field, (ReadOnlyMemory<byte>)v.AsMemory(start, rows)),
                    string?[] v => group.WriteAsync(field, v[start..(start + rows)]),
                    _ => throw new NotSupportedException(field.ClrType.Name),
                };
                await task;
            }

            group.CompleteValidate();
        }
    }
}
