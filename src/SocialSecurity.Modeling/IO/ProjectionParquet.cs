using Parquet;
using Parquet.Schema;
using SocialSecurity.Modeling.Projection;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Writes a <see cref="ProjectionResult"/> as Parquet: the same tables as <see cref="ProjectionResult.WriteCsv"/>,
/// with the values kept exactly (doubles). docs/projection.md#outputs.
/// </summary>
public static class ProjectionParquet
{
    /// <summary>
    /// Writes to <paramref name="directory"/> <c>projection_years.parquet</c> (columns <c>year</c>, <c>replicate</c>,
    /// then one double column per indicator of <see cref="ProjectionIndicators.All"/>; one row per year and replicate),
    /// <c>projection_summary.parquet</c> (<c>year</c>, <c>indicator</c>, <c>mean</c>, <c>lower_95</c>,
    /// <c>upper_95</c>: the mean across replicates and the 95% interval of <see cref="ProjectionResult.Summary"/>) and
    /// <c>projection_age_sex.parquet</c> (<c>year</c>, <c>replicate</c>, <c>sex</c> "female" or "male", <c>age</c>,
    /// <c>persons</c>). Each file is written under a temporary name and moved into place, so it is whole or absent.
    /// </summary>
    /// <param name="result">The projection.</param>
    /// <param name="directory">An existing or new directory.</param>
    public static void WriteParquet(this ProjectionResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        WriteYearsAsync(result, Path.Combine(directory, "projection_years.parquet")).GetAwaiter().GetResult();
        WriteSummaryAsync(result, Path.Combine(directory, "projection_summary.parquet")).GetAwaiter().GetResult();
        WriteAgeSexAsync(result, Path.Combine(directory, "projection_age_sex.parquet")).GetAwaiter().GetResult();
    }

    private static async Task WriteYearsAsync(ProjectionResult result, string path)
    {
        var rows = result.Rows;
        var year = new DataField<long>("year");
        var replicate = new DataField<long>("replicate");
        var indicators = ProjectionIndicators.All.Select(i => new DataField<double>(i)).ToArray();
        await WriteAsync(path, new ParquetSchema([year, replicate, .. indicators]), async group =>
        {
            await group.WriteAsync(year, (ReadOnlyMemory<long>)rows.Select(r => (long)r.Year).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(replicate, (ReadOnlyMemory<long>)rows.Select(r => (long)r.Replicate).ToArray()).ConfigureAwait(false);
            for (int i = 0; i < indicators.Length; i++)
            {
                await group.WriteAsync(indicators[i], (ReadOnlyMemory<double>)rows.Select(r => r.Values[i]).ToArray()).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    private static async Task WriteSummaryAsync(ProjectionResult result, string path)
    {
        var years = new List<long>();
        var names = new List<string>();
        var mean = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        for (int y = result.Options.StartYear; y <= result.Options.EndYear; y++)
        {
            foreach (var indicator in ProjectionIndicators.All)
            {
                var (m, l, u) = result.Summary(y, indicator);
                years.Add(y);
                names.Add(indicator);
                mean.Add(m);
                lower.Add(l);
                upper.Add(u);
            }
        }

        var yearField = new DataField<long>("year");
        var indicatorField = new DataField<string>("indicator", false);
        var meanField = new DataField<double>("mean");
        var lowerField = new DataField<double>("lower_95");
        var upperField = new DataField<double>("upper_95");
        await WriteAsync(path, new ParquetSchema(yearField, indicatorField, meanField, lowerField, upperField), async group =>
        {
            await group.WriteAsync(yearField, (ReadOnlyMemory<long>)years.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(indicatorField, names.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(meanField, (ReadOnlyMemory<double>)mean.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(lowerField, (ReadOnlyMemory<double>)lower.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(upperField, (ReadOnlyMemory<double>)upper.ToArray()).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static async Task WriteAgeSexAsync(ProjectionResult result, string path)
    {
        var years = new List<long>();
        var replicates = new List<long>();
        var sexes = new List<string>();
        var ages = new List<long>();
        var persons = new List<double>();
        foreach (var row in result.Rows)
        {
            for (int age = 0; age < row.FemalesByAge.Count; age++)
            {
                foreach (var (sex, values) in new[] { ("female", row.FemalesByAge), ("male", row.MalesByAge) })
                {
                    years.Add(row.Year);
                    replicates.Add(row.Replicate);
                    sexes.Add(sex);
                    ages.Add(age);
                    persons.Add(values[age]);
                }
            }
        }

        var yearField = new DataField<long>("year");
        var replicateField = new DataField<long>("replicate");
        var sexField = new DataField<string>("sex", false);
        var ageField = new DataField<long>("age");
        var personsField = new DataField<double>("persons");
        await WriteAsync(path, new ParquetSchema(yearField, replicateField, sexField, ageField, personsField), async group =>
        {
            await group.WriteAsync(yearField, (ReadOnlyMemory<long>)years.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(replicateField, (ReadOnlyMemory<long>)replicates.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(sexField, sexes.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(ageField, (ReadOnlyMemory<long>)ages.ToArray()).ConfigureAwait(false);
            await group.WriteAsync(personsField, (ReadOnlyMemory<double>)persons.ToArray()).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Writes one row group to a temporary file, then moves it to <paramref name="path"/>.</summary>
    private static async Task WriteAsync(string path, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> write)
    {
        var temporary = path + ".partial";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).ConfigureAwait(false);
                using var group = writer.CreateRowGroup();
                await write(group).ConfigureAwait(false);
                group.CompleteValidate();
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
