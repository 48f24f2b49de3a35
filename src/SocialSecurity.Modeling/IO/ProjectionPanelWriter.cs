using System.Globalization;
using System.Text;
using Parquet.Schema;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Projection;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Streams per-person panels of a projection to a Parquet or CSV file, one projected year after another: pass
/// <see cref="Append"/> as <see cref="ProjectionOptions.OnYear"/>. Each year of each replicate becomes one Parquet row
/// group (or one block of CSV lines) written when the year is handed over, so the writer holds no more than the year
/// being written; the panel is never held in memory. Columns: <c>year</c>, <c>replicate</c>, <c>person_id</c>,
/// <c>household_id</c>, <c>weight</c> (the household's), <c>age</c>, <c>sex</c> (0 female, 1 male), then one double
/// column per chosen name: a person variable of the year's result (for example <c>tax.iit_annual</c>) or an extra
/// person column of the year's population (for example <c>pension.employee.account_balance</c>). docs/projection.md#outputs.
/// </summary>
/// <remarks>
/// The file is written under a temporary name (<c>path + ".partial"</c>) and moved to its path by
/// <see cref="Complete"/>; disposing without completing (for example after a cancelled projection) deletes it.
/// </remarks>
/// <example>
/// <code>
/// using var panel = new ProjectionPanelWriter("panel.parquet", ["pension.employee.account_balance"]);
/// var result = Projector.Run(population, policy, parameters, options with { OnYear = panel.Append });
/// panel.Complete();
/// </code>
/// </example>
public sealed class ProjectionPanelWriter : IDisposable
{
    private static readonly string[] Keys = ["year", "replicate", "person_id", "household_id", "weight", "age", "sex"];
    private readonly string[] _columns;
    private readonly DataField[] _fields;
    private readonly PartialTableFile _file;

    /// <summary>Creates the writer and its temporary file.</summary>
    /// <param name="path">The panel file to create (overwritten on <see cref="Complete"/>).</param>
    /// <param name="columns">Person variables or extra person columns to write each year, each once (may be empty).</param>
    /// <param name="format">The file format; from the extension of <paramref name="path"/> when <see langword="null"/> (see <see cref="PopulationReader.FormatOf"/>).</param>
    public ProjectionPanelWriter(string path, IEnumerable<string> columns, PopulationFileFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
        if (_columns.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A panel column name is empty.", nameof(columns));
        }

        var duplicate = _columns.Concat(Keys).GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Column '{duplicate.Key}' would appear twice in the panel file.", nameof(columns));
        }

        var fileFormat = format ?? PopulationReader.FormatOf(path);
        _fields =
        [
            new DataField<long>("year"), new DataField<long>("replicate"), new DataField<long>("person_id"), new DataField<long>("household_id"),
            new DataField<double>("weight"), new DataField<byte>("age"), new DataField<byte>("sex"),
            .. _columns.Select(c => (DataField)new DataField<double>(c)),
        ];
        _file = new PartialTableFile(path, fileFormat, _fields);
    }

    /// <summary>The number of person rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>The number of years (of all replicates) written so far: the Parquet row groups.</summary>
    public int YearsWritten { get; private set; }

    /// <summary>Writes one projected year: one row per person of the year's population.</summary>
    /// <param name="year">The year, as handed to <see cref="ProjectionOptions.OnYear"/>.</param>
    /// <exception cref="ArgumentException">A chosen column is neither a person variable of the result nor an extra person column of the population.</exception>
    public void Append(ProjectionYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        ObjectDisposedException.ThrowIf(!_file.IsOpen, this);
        var result = year.Result;
        var population = result.Population;
        var values = new double[_columns.Length][];
        for (int c = 0; c < _columns.Length; c++)
        {
            string name = _columns[c];
            if (result.Variables.Any(v => v.Name == name))
            {
                if (result.Definition(name).Entity != Entity.Person)
                {
                    throw new ArgumentException($"Variable '{name}' is a household variable; a panel holds person variables and person columns.", nameof(year));
                }

                values[c] = result.Values(name).ToArray();
            }
            else if (population.ExtraPersonColumns.Contains(name))
            {
                values[c] = population.ExtraPersonColumn(name).ToArray();
            }
            else
            {
                throw new ArgumentException($"The projected year {year.Year} has no person variable or person column '{name}'.", nameof(year));
            }
        }

        int n = population.PersonCount;
        var households = population.PersonHousehold;
        var householdIds = new long[n];
        var weights = new double[n];
        var weight = population.Weight;
        var householdId = population.HouseholdId;
        for (int p = 0; p < n; p++)
        {
            householdIds[p] = householdId[households[p]];
            weights[p] = weight[households[p]];
        }

        var personIds = population.PersonId.ToArray();
        var ages = population.Age.ToArray();
        var sexes = new byte[n];
        var sex = population.Sex;
        for (int p = 0; p < n; p++)
        {
            sexes[p] = (byte)sex[p];
        }

        if (_file.Parquet is not null)
        {
            AppendParquetAsync(year.Year, year.Replicate, personIds, householdIds, weights, ages, sexes, values).GetAwaiter().GetResult();
        }
        else
        {
            var c = CultureInfo.InvariantCulture;
            var line = new StringBuilder();
            string prefix = string.Create(c, $"{year.Year},{year.Replicate},");
            for (int p = 0; p < n; p++)
            {
                line.Clear();
                line.Append(prefix).Append(personIds[p].ToString(c)).Append(',').Append(householdIds[p].ToString(c)).Append(',')
                    .Append(weights[p].ToString("R", c)).Append(',').Append(ages[p].ToString(c)).Append(',').Append(sexes[p].ToString(c));
                foreach (var column in values)
                {
                    line.Append(',').Append(column[p].ToString("R", c));
                }

                _file.Csv!.WriteLine(line);
            }

            _file.Csv!.Flush();
        }

        RowsWritten += n;
        YearsWritten++;
    }

    /// <summary>Finishes the file and moves it to its path.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(!_file.IsOpen, this);
        _file.Complete();
    }

    /// <summary>Releases the file; deletes it unless <see cref="Complete"/> was called.</summary>
    public void Dispose() => _file.Dispose();

    private async Task AppendParquetAsync(int year, int replicate, long[] personIds, long[] householdIds, double[] weights, byte[] ages, byte[] sexes, double[][] values)
    {
        int n = personIds.Length;
        using var group = _file.Parquet!.CreateRowGroup();
        await group.WriteAsync((DataField<long>)_fields[0], (ReadOnlyMemory<long>)Enumerable.Repeat((long)year, n).ToArray()).ConfigureAwait(false);
        await group.WriteAsync((DataField<long>)_fields[1], (ReadOnlyMemory<long>)Enumerable.Repeat((long)replicate, n).ToArray()).ConfigureAwait(false);
        await group.WriteAsync((DataField<long>)_fields[2], (ReadOnlyMemory<long>)personIds).ConfigureAwait(false);
        await group.WriteAsync((DataField<long>)_fields[3], (ReadOnlyMemory<long>)householdIds).ConfigureAwait(false);
        await group.WriteAsync((DataField<double>)_fields[4], (ReadOnlyMemory<double>)weights).ConfigureAwait(false);
        await group.WriteAsync((DataField<byte>)_fields[5], (ReadOnlyMemory<byte>)ages).ConfigureAwait(false);
        await group.WriteAsync((DataField<byte>)_fields[6], (ReadOnlyMemory<byte>)sexes).ConfigureAwait(false);
        for (int i = 0; i < values.Length; i++)
        {
            await group.WriteAsync((DataField<double>)_fields[Keys.Length + i], (ReadOnlyMemory<double>)values[i]).ConfigureAwait(false);
        }

        group.CompleteValidate();
    }

}
