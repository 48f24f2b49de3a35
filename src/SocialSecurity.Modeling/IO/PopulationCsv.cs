using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.IO;

/// <summary>
/// Reads and writes populations as two CSV files, one row per household and one per person, with a header row.
/// Reading follows a <see cref="PopulationFileMapping"/>; every error names the file, the row (data rows count from 1,
/// the header is row 0) and the column, and says what was expected. Writing uses the canonical columns, invariant
/// culture and round-trip number formatting, so <c>Read(Write(p))</c> reproduces <c>p</c> exactly.
/// </summary>
/// <example>
/// <code>
/// PopulationCsv.Write(population, "households.csv", "persons.csv");
/// var again = PopulationCsv.Read("households.csv", "persons.csv");
/// var survey = PopulationCsv.Read("hh.csv", "ind.csv", PopulationFileMapping.Load("survey-mapping.json"));
/// </code>
/// </example>
public static class PopulationCsv
{
    /// <summary>Reads a population from a household file and a person file. Every column must be used: a column that is neither a field, nor an extra column listed in <see cref="PopulationFileMapping.HouseholdExtras"/> or <see cref="PopulationFileMapping.PersonExtras"/>, nor listed in <see cref="PopulationFileMapping.IgnoredColumns"/> is an error (so a misspelt optional header is not read as zeros). Extra columns written by <see cref="Write"/> are read back only when listed in the mapping.</summary>
    /// <param name="householdsPath">The household CSV file.</param>
    /// <param name="personsPath">The person CSV file.</param>
    /// <param name="mapping">The column mapping; <see cref="PopulationFileMapping.Default"/> when <see langword="null"/>.</param>
    /// <param name="regions">The region catalogue for region codes; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="DataFormatException">A column is missing, a cell is malformed or out of range, or the files disagree (duplicate ids, persons without a household); the message names file, row and column.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist; the message names it.</exception>
    public static Population Read(string householdsPath, string personsPath, PopulationFileMapping? mapping = null, RegionCatalog? regions = null)
        => PopulationReader.Read(householdsPath, personsPath, mapping, regions, PopulationFileFormat.Csv);

    /// <summary>Writes a population as a household file and a person file with the canonical columns, then the extra columns.</summary>
    /// <param name="population">The population.</param>
    /// <param name="householdsPath">The household file to create or overwrite.</param>
    /// <param name="personsPath">The person file to create or overwrite.</param>
    public static void Write(Population population, string householdsPath, string personsPath)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(personsPath);
        var householdExtras = population.ExtraHouseholdColumns.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var personExtras = population.ExtraPersonColumns.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        WriteFile(population, householdsPath, Entity.Household, PopulationFileMapping.HouseholdFields, householdExtras, population.HouseholdCount);
        WriteFile(population, personsPath, Entity.Person, PopulationFileMapping.PersonFields, personExtras, population.PersonCount);
    }

    /// <summary>Writes one entity's rows: the built-in columns in schema order, each formatted as its declaration says, then the extra columns.</summary>
    private static void WriteFile(Population population, string path, Entity entity, IReadOnlyList<string> fields, string[] extras, int rows)
    {
        var culture = CultureInfo.InvariantCulture;
        var columns = PopulationSchema.BuiltIns.Where(b => b.Definition.Entity == entity).Select(b => b.Definition).ToArray();
        var arrays = Array.ConvertAll(columns, population.Column);
        var codeNames = Array.ConvertAll(columns, c => c.Type == ColumnType.Code ? PopulationCodes.WrittenNames(c) : null);
        var extraColumns = Array.ConvertAll(extras, population.DoubleColumn);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(',', fields.Concat(extras)));
        var line = new StringBuilder();
        for (int row = 0; row < rows; row++)
        {
            line.Clear();
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                switch (arrays[c])
                {
                    case double[] values:
                        line.Append(values[row].ToString("R", culture));
                        break;
                    case long[] ids:
                        line.Append(ids[row].ToString(culture));
                        break;
                    case int[] households: // the person's household, stored as its index: written as its id
                        line.Append(population.HouseholdIdColumn[households[row]].ToString(culture));
                        break;
                    case ushort[] regions:
                        line.Append(population.Regions[new RegionId(regions[row])].Code);
                        break;
                    case byte[] bytes when codeNames[c] is { } names:
                        line.Append(names[bytes[row]]);
                        break;
                    case byte[] bytes:
                        line.Append(bytes[row].ToString(culture));
                        break;
                    default:
                        throw new InvalidOperationException($"No CSV format for built-in column '{columns[c].Name}'.");
                }
            }

            foreach (var extra in extraColumns)
            {
                line.Append(',').Append(extra[row].ToString("R", culture));
            }

            writer.WriteLine(line);
        }
    }
}
