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
    /// <summary>Reads a population from a household file and a person file. Columns that the mapping does not use are ignored; extra numeric columns are read only when listed in <see cref="PopulationFileMapping.HouseholdExtras"/> or <see cref="PopulationFileMapping.PersonExtras"/>.</summary>
    /// <param name="householdsPath">The household CSV file.</param>
    /// <param name="personsPath">The person CSV file.</param>
    /// <param name="mapping">The column mapping; <see cref="PopulationFileMapping.Default"/> when <see langword="null"/>.</param>
    /// <param name="regions">The region catalogue for region codes; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="DataFormatException">A column is missing, a cell is malformed or out of range, or the files disagree (duplicate ids, persons without a household); the message names file, row and column.</exception>
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
        var regions = population.Regions;
        var culture = CultureInfo.InvariantCulture;
        var householdExtras = population.ExtraHouseholdColumns.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var personExtras = population.ExtraPersonColumns.OrderBy(n => n, StringComparer.Ordinal).ToArray();

        using (var writer = new StreamWriter(householdsPath, false, new UTF8Encoding(false)))
        {
            writer.WriteLine(string.Join(',', PopulationFileMapping.HouseholdFields.Concat(householdExtras)));
            var line = new StringBuilder();
            for (int h = 0; h < population.HouseholdCount; h++)
            {
                line.Clear();
                line.Append(population.HouseholdId[h].ToString(culture)).Append(',')
                    .Append(population.Weight[h].ToString("R", culture)).Append(',')
                    .Append(regions[population.HouseholdRegion[h]].Code).Append(',')
                    .Append(population.Area[h] == AreaType.Urban ? "urban" : "rural").Append(',')
                    .Append(population.FinancialAssets[h].ToString("R", culture)).Append(',')
                    .Append(population.HousingUnits[h].ToString(culture)).Append(',')
                    .Append(population.NonEssentialVehicle[h].ToString(culture));
                foreach (var name in householdExtras)
                {
                    line.Append(',').Append(population.ExtraHouseholdColumn(name)[h].ToString("R", culture));
                }

                writer.WriteLine(line);
            }
        }

        using (var writer = new StreamWriter(personsPath, false, new UTF8Encoding(false)))
        {
            writer.WriteLine(string.Join(',', PopulationFileMapping.PersonFields.Concat(personExtras)));
            var line = new StringBuilder();
            for (int p = 0; p < population.PersonCount; p++)
            {
                line.Clear();
                line.Append(population.PersonId[p].ToString(culture)).Append(',')
                    .Append(population.HouseholdId[population.PersonHousehold[p]].ToString(culture)).Append(',')
                    .Append(population.Age[p].ToString(culture)).Append(',')
                    .Append(population.Sex[p] == Sex.Male ? "male" : "female").Append(',')
                    .Append(population.Hukou[p] == HukouType.Urban ? "urban" : "rural").Append(',')
                    .Append(regions[population.HukouRegion[p]].Code).Append(',')
                    .Append(population.Disability[p] == DisabilityGrade.None ? "none" : ((int)population.Disability[p]).ToString(culture)).Append(',')
                    .Append(PopulationCodes.SelfCareNames[(int)population.SelfCare[p]]).Append(',')
                    .Append(PopulationCodes.EmploymentNames[(int)population.Employment[p]]).Append(',')
                    .Append(population.WagesAnnual[p].ToString("R", culture)).Append(',')
                    .Append(population.BusinessIncomeAnnual[p].ToString("R", culture)).Append(',')
                    .Append(population.PropertyIncomeAnnual[p].ToString("R", culture)).Append(',')
                    .Append(population.PrivateTransfersAnnual[p].ToString("R", culture)).Append(',')
                    .Append(population.PensionIncomeAnnual[p].ToString("R", culture));
                foreach (var name in personExtras)
                {
                    line.Append(',').Append(population.ExtraPersonColumn(name)[p].ToString("R", culture));
                }

                writer.WriteLine(line);
            }
        }
    }
}
