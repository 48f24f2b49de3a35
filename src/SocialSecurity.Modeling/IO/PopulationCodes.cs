namespace SocialSecurity.Modeling.IO;

/// <summary>
/// The canonical text values of the population's coded fields, shared by every file format (they are the values
/// documented on <see cref="PopulationCsvMapping"/>): names for reading (case-insensitive) and for writing.
/// </summary>
internal static class PopulationCodes
{
    public static readonly Dictionary<string, byte> Area = new(StringComparer.OrdinalIgnoreCase) { ["urban"] = 0, ["rural"] = 1 };
    public static readonly Dictionary<string, byte> Sex = new(StringComparer.OrdinalIgnoreCase) { ["female"] = 0, ["male"] = 1 };
    public static readonly Dictionary<string, byte> Disability = new(StringComparer.OrdinalIgnoreCase) { ["none"] = 0, ["grade1"] = 1, ["grade2"] = 2, ["grade3"] = 3, ["grade4"] = 4 };
    public static readonly Dictionary<string, byte> SelfCare = new(StringComparer.OrdinalIgnoreCase) { ["able"] = 0, ["partly_unable"] = 1, ["fully_unable"] = 2 };
    public static readonly Dictionary<string, byte> Employment = new(StringComparer.OrdinalIgnoreCase)
    {
        ["inactive"] = 0, ["employee"] = 1, ["self_employed"] = 2, ["agricultural"] = 3, ["unemployed"] = 4, ["retired"] = 5, ["student"] = 6,
    };

    /// <summary>Looks a coded value up by its characters, without allocating a string.</summary>
    public static bool TryGet(Dictionary<string, byte> names, ReadOnlySpan<char> text, out byte code)
        => names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out code);

    public static readonly string[] AreaNames = ["urban", "rural"];
    public static readonly string[] SexNames = ["female", "male"];
    public static readonly string[] DisabilityNames = ["none", "1", "2", "3", "4"];
    public static readonly string[] SelfCareNames = ["able", "partly_unable", "fully_unable"];
    public static readonly string[] EmploymentNames = ["inactive", "employee", "self_employed", "agricultural", "unemployed", "retired", "student"];

    /// <summary>Household fields that must be present.</summary>
    public static readonly string[] RequiredHousehold = ["household_id", "weight", "region", "area"];

    /// <summary>Person fields that must be present.</summary>
    public static readonly string[] RequiredPerson = ["person_id", "household_id", "age", "sex", "hukou"];
}
