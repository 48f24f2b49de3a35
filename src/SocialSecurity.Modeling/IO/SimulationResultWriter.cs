using System.Globalization;
using System.Text;
using Parquet.Schema;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Writes chosen variables of <see cref="SimulationResult"/>s to a CSV or Parquet file, one result (for example one
/// chunk of <see cref="PopulationReader.ReadChunks"/>) after another: one row per person or per household, keyed by
/// <c>person_id</c> and <c>household_id</c> (persons) or <c>household_id</c> (households), then one double column per
/// variable named as the variable (so the name carries its period, for example <c>dibao.benefit_monthly</c>), with
/// the values in the variable's own period. Parquet files get one row group per appended result; CSV numbers use
/// invariant round-trip formatting, so values are kept exactly in both formats.
/// </summary>
/// <remarks>
/// The file is written under a temporary name (<c>path + ".partial"</c>) and moved to its path by
/// <see cref="Complete"/>; disposing without completing (for example after an exception in a chunk) deletes it, so a
/// result file is either whole or absent.
/// </remarks>
/// <example>
/// <code>
/// using var writer = new SimulationResultWriter("benefits.parquet", Entity.Household, ["dibao.benefit_monthly"]);
/// foreach (var chunk in PopulationReader.ReadChunks("hh.parquet", "persons.parquet", 100_000))
///     writer.Append(Microsimulation.Run(chunk, policy, parameters, date));
/// writer.Complete();
/// </code>
/// </example>
public sealed class SimulationResultWriter : IDisposable
{
    private readonly Entity _entity;
    private readonly string[] _variables;
    private readonly DataField[] _fields;
    private readonly PartialTableFile _file;

    /// <summary>Creates the writer and its temporary file.</summary>
    /// <param name="path">The result file to create (overwritten on <see cref="Complete"/>).</param>
    /// <param name="entity">Whether the variables are person or household variables (all must be of this entity).</param>
    /// <param name="variables">The variable names, at least one, each once.</param>
    /// <param name="format">The file format; from the extension of <paramref name="path"/> when <see langword="null"/> (see <see cref="PopulationReader.FormatOf"/>).</param>
    public SimulationResultWriter(string path, Entity entity, IEnumerable<string> variables, PopulationFileFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(variables);
        if (!Enum.IsDefined(entity))
        {
            throw new ArgumentOutOfRangeException(nameof(entity), entity, "Expected Entity.Person or Entity.Household.");
        }

        _variables = variables.ToArray();
        if (_variables.Length == 0 || _variables.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one variable name, none empty.", nameof(variables));
        }

        var keys = Keys(entity);
        var duplicate = _variables.Concat(keys).GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Column '{duplicate.Key}' would appear twice in the result file.", nameof(variables));
        }

        _entity = entity;
        _fields = [.. keys.Select(k => (DataField)new DataField<long>(k)), .. _variables.Select(v => (DataField)new DataField<double>(v))];
        _file = new PartialTableFile(path, format ?? PopulationReader.FormatOf(path), _fields);
    }

    /// <summary>The number of rows written so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Appends the chosen variables of one result (for one population or one chunk of it).</summary>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentException">A variable is not in the result or belongs to the other entity.</exception>
    public void Append(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(!_file.IsOpen, this);
        foreach (var name in _variables)
        {
            if (!result.Variables.Any(v => v.Name == name))
            {
                throw new ArgumentException($"The result has no variable '{name}'.", nameof(result));
            }

            if (result.Definition(name).Entity != _entity)
            {
                throw new ArgumentException($"Variable '{name}' is a {result.Definition(name).Entity.ToString().ToLowerInvariant()} variable; this writer writes {_entity.ToString().ToLowerInvariant()} variables.", nameof(result));
            }
        }

        var population = result.Population;
        int rows = _entity == Entity.Person ? population.PersonCount : population.HouseholdCount;
        long[][] keys = _entity == Entity.Person
            ? [population.PersonIdColumn, population.PersonHouseholdColumn.Select(h => population.HouseholdIdColumn[h]).ToArray()]
            : [population.HouseholdIdColumn];
        var values = _variables.Select(v => result.Values(v).ToArray()).ToArray();
        if (_file.Parquet is not null)
        {
            AppendParquetAsync(keys, values).GetAwaiter().GetResult();
        }
        else
        {
            var line = new StringBuilder();
            for (int r = 0; r < rows; r++)
            {
                line.Clear();
                foreach (var key in keys)
                {
                    line.Append(key[r].ToString(CultureInfo.InvariantCulture)).Append(',');
                }

                foreach (var column in values)
                {
                    line.Append(column[r].ToString("R", CultureInfo.InvariantCulture)).Append(',');
                }

                line.Length--;
                _file.Csv!.WriteLine(line);
            }
        }

        RowsWritten += rows;
    }

    /// <summary>Finishes the file and moves it to its path.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(!_file.IsOpen, this);
        _file.Complete();
    }

    /// <summary>Releases the file; deletes it unless <see cref="Complete"/> was called.</summary>
    public void Dispose() => _file.Dispose();

    private static string[] Keys(Entity entity) => entity == Entity.Person ? ["person_id", "household_id"] : ["household_id"];

    private async Task AppendParquetAsync(long[][] keys, double[][] values)
    {
        using var group = _file.Parquet!.CreateRowGroup();
        for (int i = 0; i < keys.Length; i++)
        {
            await group.WriteAsync(_fields[i], (ReadOnlyMemory<long>)keys[i]).ConfigureAwait(false);
        }

        for (int i = 0; i < values.Length; i++)
        {
            await group.WriteAsync(_fields[keys.Length + i], (ReadOnlyMemory<double>)values[i]).ConfigureAwait(false);
        }

        group.CompleteValidate();
    }

}
