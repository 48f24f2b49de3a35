using Parquet;
using Parquet.Schema;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Reads and writes populations as two Apache Parquet files, one row per household and one per person, with the
/// same logical schema and the same declarative <see cref="PopulationFileMapping"/> as <see cref="PopulationCsv"/>
/// (the mapping's delimiter is ignored). Written files use the canonical column names
/// (<see cref="PopulationFileMapping.HouseholdFields"/>, <see cref="PopulationFileMapping.PersonFields"/>, then the extra
/// columns in name order) with these types: ids int64; amounts, weights and extra columns double (so every bit is
/// kept); coded fields (sex, hukou, area, …) as their integer codes and counts and flags (age, housing_units, …) as
/// unsigned 8-bit integers (the values of <see cref="Core.PopulationSchema"/>'s declared codes, listed in
/// docs/schema.md); region codes UTF-8 strings (dictionary-encoded, so they cost about a byte per row). Compression is
/// Snappy. Integer codes are what the population stores: a reader decodes them into its columns without text.
/// </summary>
/// <remarks>
/// Reading accepts any flat Parquet file: numbers may be any integer width, float or double (text columns are
/// rejected where numbers are expected), coded fields strings or integer codes, region codes strings or integers
/// (written with six digits). Nulls are empty cells: the default for optional fields, an error for required ones.
/// Errors name the file, the row group and row (from 0) and the column; nothing is returned unless both files are
/// valid.
/// </remarks>
/// <example>
/// <code>
/// PopulationParquet.Write(population, "households.parquet", "persons.parquet");
/// var again = PopulationParquet.Read("households.parquet", "persons.parquet");
/// </code>
/// </example>
public static class PopulationParquet
{
    /// <summary>
    /// The default number of rows per row group when writing: 131,072. A reader holds one row group of each file in
    /// memory at a time, and the next one decoded ahead, so this bounds what <see cref="PopulationReader.ReadChunks"/>
    /// holds beyond its chunk (about 100 bytes per person row, twice), while leaving row groups large enough to compress and decode efficiently.
    /// </summary>
    public const int DefaultRowGroupSize = 1 << 17;

    /// <summary>The key of the file metadata that lists the extra columns written (comma-separated), so that reading brings them back without a mapping.</summary>
    internal const string ExtraColumnsKey = "socialsecurity.extra_columns";

    /// <summary>The key of the file metadata that holds the extra columns' definitions as JSON (type, unit, period, role, range, codes, description), so that they come back declared.</summary>
    internal const string ColumnDefinitionsKey = "socialsecurity.column_definitions";

    /// <summary>Reads a population from a household file and a person file (the person file in any order).</summary>
    /// <param name="householdsPath">The household Parquet file.</param>
    /// <param name="personsPath">The person Parquet file.</param>
    /// <param name="mapping">The column mapping; <see cref="PopulationFileMapping.Default"/> when <see langword="null"/>.</param>
    /// <param name="regions">The region catalogue; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="DataFormatException">A column is missing or of the wrong type, a value is null where required, not finite or out of range, a region is unknown, or a person's household is missing; the message names file, row group, row and column.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist; the message names it.</exception>
    public static Population Read(string householdsPath, string personsPath, PopulationFileMapping? mapping = null, RegionCatalog? regions = null)
        => PopulationReader.Read(householdsPath, personsPath, mapping, regions, PopulationFileFormat.Parquet);

    /// <summary>Writes a population as a household file and a person file (each written to a temporary file first and moved into place when complete).</summary>
    /// <param name="population">The population.</param>
    /// <param name="householdsPath">The household file to create or overwrite.</param>
    /// <param name="personsPath">The person file to create or overwrite.</param>
    /// <param name="rowGroupSize">Rows per row group (≥ 1).</param>
    public static void Write(Population population, string householdsPath, string personsPath, int rowGroupSize = DefaultRowGroupSize)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(personsPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        WriteHouseholdsAsync(population, householdsPath, rowGroupSize).GetAwaiter().GetResult();
        WritePersonsAsync(population, personsPath, rowGroupSize).GetAwaiter().GetResult();
    }

    private static string? Definitions(Population p, string[] extras)
        => extras.Length == 0 ? null : ColumnDefinitionJson.Write(extras.Select(p.Definition));

    private static Task WriteHouseholdsAsync(Population p, string path, int rowGroupSize)
        => WriteEntityAsync(p, path, Entity.Household, [.. p.ExtraHouseholdColumns.OrderBy(n => n, StringComparer.Ordinal)], p.HouseholdCount, rowGroupSize);

    private static Task WritePersonsAsync(Population p, string path, int rowGroupSize)
        => WriteEntityAsync(p, path, Entity.Person, [.. p.ExtraPersonColumns.OrderBy(n => n, StringComparer.Ordinal)], p.PersonCount, rowGroupSize);

    /// <summary>Writes one entity's rows: the built-in columns in schema order, each typed as its declaration says (see the class remarks), then the extra columns as doubles.</summary>
    private static async Task WriteEntityAsync(Population p, string path, Entity entity, string[] extras, int rows, int rowGroupSize)
    {
        var columns = PopulationSchema.BuiltIns.Where(b => b.Definition.Entity == entity).ToArray();
        var regionCodes = Enumerable.Range(0, p.Regions.Count).Select(i => p.Regions[new RegionId((ushort)i)].Code).ToArray();
        var fields = new DataField[columns.Length];
        var arrays = new Array[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            var (definition, name, _) = columns[c];
            var values = p.Column(definition);
            (DataField Field, Array Values) typed = values switch
            {
                double[] => (new DataField<double>(name), values),
                long[] => (new DataField<long>(name), values),
                int[] households => (new DataField<long>(name), HouseholdIds(p, households)), // the person's household, stored as its index: written as its id
                ushort[] => (new DataField<string>(name, false), values),
                byte[] => (new DataField<byte>(name), values), // codes, counts and flags: one byte each, as stored
                _ => throw new InvalidOperationException($"No Parquet type for built-in column '{definition.Name}'."),
            };
            (fields[c], arrays[c]) = typed;
        }

        var extraFields = extras.Select(n => new DataField<double>(n)).ToArray();
        var schema = new ParquetSchema([.. fields, .. extraFields]);
        await WriteFileAsync(path, schema, extras, Definitions(p, extras), rows, rowGroupSize, async (group, start, count) =>
        {
            var range = new Range(start, start + count);
            for (int c = 0; c < columns.Length; c++)
            {
                switch (arrays[c])
                {
                    case double[] values:
                        await group.WriteAsync((DataField<double>)fields[c], Slice(values, range)).ConfigureAwait(false);
                        break;
                    case long[] values:
                        await group.WriteAsync((DataField<long>)fields[c], Slice(values, range)).ConfigureAwait(false);
                        break;
                    case ushort[] values:
                        await group.WriteAsync((DataField<string>)fields[c], Strings(values, range, r => regionCodes[r])).ConfigureAwait(false);
                        break;
                    case byte[] values:
                        await group.WriteAsync((DataField<byte>)fields[c], Slice(values, range)).ConfigureAwait(false);
                        break;
                }
            }

            for (int i = 0; i < extras.Length; i++)
            {
                await group.WriteAsync(extraFields[i], Slice(p.DoubleColumn(extras[i]), range)).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    private static long[] HouseholdIds(Population p, int[] households)
    {
        var ids = new long[households.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = p.HouseholdIdColumn[households[i]];
        }

        return ids;
    }

    /// <summary>Writes <paramref name="rows"/> rows in row groups to a temporary file, then moves it to <paramref name="path"/>.</summary>
    internal static async Task WriteFileAsync(string path, ParquetSchema schema, IReadOnlyList<string> extras, string? definitions, int rows, int rowGroupSize, Func<ParquetRowGroupWriter, int, int, Task> writeGroup)
    {
        var temporary = path + ".partial";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).ConfigureAwait(false);
                if (extras.Count > 0)
                {
                    writer.CustomMetadata = definitions is null
                        ? new Dictionary<string, string> { [ExtraColumnsKey] = string.Join(',', extras) }
                        : new Dictionary<string, string> { [ExtraColumnsKey] = string.Join(',', extras), [ColumnDefinitionsKey] = definitions };
                }

                for (int start = 0; start < rows || (rows == 0 && start == 0); start += rowGroupSize)
                {
                    using var group = writer.CreateRowGroup();
                    await writeGroup(group, start, Math.Min(rowGroupSize, rows - start)).ConfigureAwait(false);
                    group.CompleteValidate();
                    if (rows == 0)
                    {
                        break;
                    }
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static ReadOnlyMemory<T> Slice<T>(T[] column, Range range) => column.AsMemory(range);

    private static string[] Strings<T>(T[] column, Range range, Func<T, string> name)
    {
        var (start, length) = range.GetOffsetAndLength(column.Length);
        var result = new string[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = name(column[start + i]);
        }

        return result;
    }
}
