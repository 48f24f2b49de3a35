using System.Globalization;
using System.Text;
using SocialSecurity.Modeling.Internal;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Population.Csv;

/// <summary>
/// Reads and writes populations as two CSV files, one row per household and one per person, with a header row.
/// Reading follows a <see cref="PopulationCsvMapping"/>; every error names the file, the row (data rows count from 1,
/// the header is row 0) and the column, and says what was expected. Writing uses the canonical columns, invariant
/// culture and round-trip number formatting, so <c>Read(Write(p))</c> reproduces <c>p</c> exactly.
/// </summary>
/// <example>
/// <code>
/// PopulationCsv.Write(population, "households.csv", "persons.csv");
/// var again = PopulationCsv.Read("households.csv", "persons.csv");
/// var survey = PopulationCsv.Read("hh.csv", "ind.csv", PopulationCsvMapping.Load("survey-mapping.json"));
/// </code>
/// </example>
public static class PopulationCsv
{
    private static readonly Dictionary<string, byte> AreaValues = new(StringComparer.OrdinalIgnoreCase) { ["urban"] = 0, ["rural"] = 1 };
    private static readonly Dictionary<string, byte> SexValues = new(StringComparer.OrdinalIgnoreCase) { ["female"] = 0, ["male"] = 1 };
    private static readonly Dictionary<string, byte> DisabilityValues = new(StringComparer.OrdinalIgnoreCase) { ["none"] = 0, ["grade1"] = 1, ["grade2"] = 2, ["grade3"] = 3, ["grade4"] = 4 };
    private static readonly Dictionary<string, byte> SelfCareValues = new(StringComparer.OrdinalIgnoreCase) { ["able"] = 0, ["partly_unable"] = 1, ["fully_unable"] = 2 };
    private static readonly Dictionary<string, byte> EmploymentValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["inactive"] = 0, ["employee"] = 1, ["self_employed"] = 2, ["agricultural"] = 3, ["unemployed"] = 4, ["retired"] = 5, ["student"] = 6,
    };

    private static readonly string[] EmploymentNames = ["inactive", "employee", "self_employed", "agricultural", "unemployed", "retired", "student"];
    private static readonly string[] SelfCareNames = ["able", "partly_unable", "fully_unable"];
    private static readonly string[] RequiredHousehold = ["household_id", "weight", "region", "area"];
    private static readonly string[] RequiredPerson = ["person_id", "household_id", "age", "sex", "hukou"];

    /// <summary>Reads a population from a household file and a person file. Columns that the mapping does not use are ignored; extra numeric columns are read only when listed in <see cref="PopulationCsvMapping.HouseholdExtras"/> or <see cref="PopulationCsvMapping.PersonExtras"/>.</summary>
    /// <param name="householdsPath">The household CSV file.</param>
    /// <param name="personsPath">The person CSV file.</param>
    /// <param name="mapping">The column mapping; <see cref="PopulationCsvMapping.Default"/> when <see langword="null"/>.</param>
    /// <param name="regions">The region catalogue for region codes; <see cref="RegionCatalog.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="DataFormatException">A column is missing, a cell is malformed or out of range, or the files disagree (duplicate ids, persons without a household); the message names file, row and column.</exception>
    public static Population Read(string householdsPath, string personsPath, PopulationCsvMapping? mapping = null, RegionCatalog? regions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(personsPath);
        mapping ??= PopulationCsvMapping.Default;
        regions ??= RegionCatalog.Default;
        var builder = new PopulationBuilder(regions);

        var householdExtras = ReadFile(householdsPath, mapping, PopulationCsvMapping.HouseholdFields, RequiredHousehold, mapping.Household, mapping.HouseholdExtras, row =>
        {
            var region = row.Text("region");
            if (!regions.TryGetId(region, out _))
            {
                throw row.Error("region", $"unknown region code '{region}'; expected a GB/T 2260 code from the region catalogue");
            }

            builder.AddHousehold(new HouseholdRecord
            {
                Id = row.Long("household_id"),
                Weight = row.Double("weight", 0, double.MaxValue),
                RegionCode = region,
                Area = (AreaType)row.Code("area", AreaValues, 1),
                FinancialAssets = row.Double("financial_assets", 0, double.MaxValue),
                HousingUnits = (byte)row.Int("housing_units", 0, 255),
                HasNonEssentialVehicle = row.Int("non_essential_vehicle", 0, 1) == 1,
            });
        });

        var personExtras = ReadFile(personsPath, mapping, PopulationCsvMapping.PersonFields, RequiredPerson, mapping.Person, mapping.PersonExtras, row =>
        {
            var hukouRegion = row.Text("hukou_region");
            if (hukouRegion.Length > 0 && !regions.TryGetId(hukouRegion, out _))
            {
                throw row.Error("hukou_region", $"unknown region code '{hukouRegion}'");
            }

            builder.AddPerson(new PersonRecord
            {
                Id = row.Long("person_id"),
                HouseholdId = row.Long("household_id"),
                Age = row.Int("age", 0, 120),
                Sex = (Sex)row.Code("sex", SexValues, 1),
                Hukou = (HukouType)row.Code("hukou", AreaValues, 1),
                HukouRegionCode = hukouRegion.Length == 0 ? null : hukouRegion,
                Disability = (DisabilityGrade)row.Code("disability", DisabilityValues, 4),
                SelfCare = (SelfCareAbility)row.Code("self_care", SelfCareValues, 2),
                Employment = (EmploymentStatus)row.Code("employment", EmploymentValues, 6),
                WagesAnnual = row.Double("wages_annual", 0, double.MaxValue),
                BusinessIncomeAnnual = row.Double("business_income_annual", double.MinValue, double.MaxValue),
                PropertyIncomeAnnual = row.Double("property_income_annual", double.MinValue, double.MaxValue),
                PrivateTransfersAnnual = row.Double("private_transfers_annual", 0, double.MaxValue),
                PensionIncomeAnnual = row.Double("pension_income_annual", 0, double.MaxValue),
            });
        });

        foreach (var (name, values) in householdExtras)
        {
            builder.AddHouseholdColumn(name, values);
        }

        foreach (var (name, values) in personExtras)
        {
            builder.AddPersonColumn(name, values);
        }

        try
        {
            return builder.Build();
        }
        catch (PopulationValidationException e)
        {
            throw new DataFormatException($"{householdsPath} and {personsPath}", "cross-file checks (rows counted from 0 in file order)", e.Message, e);
        }
    }

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
            writer.WriteLine(string.Join(',', PopulationCsvMapping.HouseholdFields.Concat(householdExtras)));
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
            writer.WriteLine(string.Join(',', PopulationCsvMapping.PersonFields.Concat(personExtras)));
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
                    .Append(SelfCareNames[(int)population.SelfCare[p]]).Append(',')
                    .Append(EmploymentNames[(int)population.Employment[p]]).Append(',')
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

    /// <summary>Reads one file: resolves the header, then calls <paramref name="add"/> per data row; returns the extra columns.</summary>
    private static List<(string Name, double[] Values)> ReadFile(
        string path,
        PopulationCsvMapping mapping,
        IReadOnlyList<string> fields,
        string[] required,
        Func<string, CsvFieldMapping> fieldMapping,
        IReadOnlyDictionary<string, CsvFieldMapping> extras,
        Action<CsvRow> add)
    {
        using var reader = new CsvRecordReader(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), mapping.Delimiter, path);
        if (!reader.Read(out var header))
        {
            throw new DataFormatException(path, "row 0", "the file is empty; expected a header row");
        }

        var headerIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Count; i++)
        {
            if (!headerIndex.TryAdd(header[i].Trim(), i))
            {
                throw new DataFormatException(path, $"row 0, column '{header[i]}'", "the column name appears twice in the header");
            }
        }

        int headerCount = header.Count;
        var row = new CsvRow(path, required);
        foreach (var field in fields)
        {
            var map = fieldMapping(field);
            bool present = headerIndex.TryGetValue(map.Column, out int index);
            if (!present && (Array.IndexOf(required, field) >= 0 || map.Column != field))
            {
                throw new DataFormatException(path, "row 0", $"column '{map.Column}' for field '{field}' is missing from the header; columns found: {string.Join(", ", headerIndex.Keys)}");
            }

            row.Bind(field, present ? index : -1, map);
        }

        var extraColumns = new List<(string Name, CsvFieldMapping Map, int Index, List<double> Values)>();
        foreach (var (name, map) in extras)
        {
            if (!headerIndex.TryGetValue(map.Column, out int index))
            {
                throw new DataFormatException(path, "row 0", $"column '{map.Column}' for extra column '{name}' is missing from the header");
            }

            extraColumns.Add((name, map, index, []));
        }

        int dataRow = 0;
        while (reader.Read(out var cells))
        {
            dataRow++;
            if (cells.Count != headerCount)
            {
                throw new DataFormatException(path, $"row {dataRow} (line {reader.Line})", $"has {cells.Count} fields but the header has {headerCount}");
            }

            row.Set(cells, dataRow);
            add(row);
            foreach (var (name, map, index, values) in extraColumns)
            {
                values.Add(row.Number(map.Column, cells[index], map, double.MinValue, double.MaxValue));
            }
        }

        return extraColumns.Select(e => (e.Name, e.Values.ToArray())).ToList();
    }

    /// <summary>The current data row with its fields bound to columns; converts cells with errors that name file, row and column.</summary>
    private sealed class CsvRow
    {
        private readonly string _file;
        private readonly string[] _required;
        private readonly Dictionary<string, (int Index, CsvFieldMapping Map)> _bindings = new(StringComparer.Ordinal);
        private IReadOnlyList<string> _cells = [];
        private int _row;

        public CsvRow(string file, string[] required)
        {
            _file = file;
            _required = required;
        }

        public void Bind(string field, int index, CsvFieldMapping map) => _bindings[field] = (index, map);

        public void Set(IReadOnlyList<string> cells, int row)
        {
            _cells = cells;
            _row = row;
        }

        public DataFormatException Error(string field, string problem)
            => new(_file, $"row {_row}, column '{_bindings[field].Map.Column}'", problem);

        public string Text(string field)
        {
            var (index, map) = _bindings[field];
            if (index < 0)
            {
                return string.Empty;
            }

            var raw = _cells[index].Trim();
            return map.Values is not null && map.Values.TryGetValue(raw, out var recoded) ? recoded : raw;
        }

        public long Long(string field)
        {
            var text = Required(field);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(field, $"'{text}' is not a whole number");
        }

        public int Int(string field, int min, int max)
        {
            var text = Text(field);
            if (text.Length == 0)
            {
                return Missing(field, min);
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Error(field, $"'{text}' is not a whole number in {min}–{max}");
        }

        public double Double(string field, double min, double max)
        {
            var (_, map) = _bindings[field];
            var text = Text(field);
            return text.Length == 0 ? Missing(field, 0) : Number(map.Column, text, map, min, max);
        }

        public double Number(string column, string text, CsvFieldMapping map, double min, double max)
        {
            text = text.Trim();
            if (text.Length == 0)
            {
                return 0;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new DataFormatException(_file, $"row {_row}, column '{column}'", $"'{text}' is not a finite number (use '.' as the decimal separator)");
            }

            value *= map.Scale;
            return value >= min && value <= max
                ? value
                : throw new DataFormatException(_file, $"row {_row}, column '{column}'", $"{value} is outside the expected range{(min == 0 ? " (≥ 0)" : string.Empty)}");
        }

        public byte Code(string field, Dictionary<string, byte> names, int maxCode)
        {
            var text = Text(field);
            if (text.Length == 0)
            {
                return (byte)Missing(field, 0);
            }

            if (names.TryGetValue(text, out var code))
            {
                return code;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 && number <= maxCode
                ? (byte)number
                : throw Error(field, $"'{text}' is not one of {string.Join(", ", names.Keys)} (or a code 0–{maxCode}); recode it with \"values\" in the mapping");
        }

        private string Required(string field)
        {
            var text = Text(field);
            return text.Length > 0 ? text : throw Error(field, "the cell is empty but the field is required");
        }

        /// <summary>The default of an optional field whose cell is empty or whose column is absent; an error for a required field.</summary>
        private int Missing(string field, int fallback)
            => Array.IndexOf(_required, field) < 0 ? fallback : throw Error(field, "the cell is empty but the field is required");
    }
}
